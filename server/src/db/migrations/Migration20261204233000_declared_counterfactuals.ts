import { Migration } from '@mikro-orm/migrations';

/**
 * Declared counterfactuals (issue 14): how a heat need is met today (a fuel and its efficiency, or a heating network
 * and its published CO2 content) and the share of a heat or water source already used today. Diagnostic data,
 * confidential like the yearly cost: the organisation and its facilitators.
 */
export class Migration20261204233000_declared_counterfactuals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "resource_flow"
      add column "heat_supply" text check ("heat_supply" in ('NATURAL_GAS', 'FUEL_OIL', 'WOOD', 'ELECTRICITY', 'HEATING_NETWORK')) null,
      add column "heat_supply_efficiency" double precision null,
      add column "heat_network_name" varchar(255) null,
      add column "heat_network_co2_g_per_kwh" double precision null,
      add column "used_share_today" double precision null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "resource_flow" drop column "heat_supply", drop column "heat_supply_efficiency", drop column "heat_network_name",
      drop column "heat_network_co2_g_per_kwh", drop column "used_share_today";`);
  }
}
