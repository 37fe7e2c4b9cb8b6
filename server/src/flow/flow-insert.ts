import { plainStatement } from '../db/plain-sql.js';
import { FLOW_COLUMNS, type FlowContent } from './flow.record.js';

/** Where a declared flow goes: its site, the site's organisation and territory, and that territory's ancestors. */
export interface Place {
  siteId: string;
  organizationId: string;
  territoryId: string;
  territoryChain: string[];
}

/** A site's organisation and the territory chain it belongs to (its territory, then each parent), in one row. */
export const PLACE_OF_SITE = plainStatement(
  'place_of_site',
  `with recursive chain (id, parent_id, depth) as (
     select t.id, t.parent_id, 0 from site s join organization o on o.id = s.organization_id join territory t on t.id = o.territory_id
      where s.id = ?
     union all
     select t.id, t.parent_id, c.depth + 1 from chain c join territory t on t.id = c.parent_id where c.depth < 64)
   select s.id, s.organization_id, o.territory_id, (select json_agg(c.id order by c.depth) from chain c) as territory_chain
     from site s join organization o on o.id = s.organization_id where s.id = ?`,
);

/** A declared flow, inserted and read back in one statement (the columns of ResourceFlow; external_ref stays null). */
export const INSERT_FLOW = plainStatement(
  'insert_flow',
  `insert into resource_flow as f (id, created_at, updated_at, site_id, organization_id, territory_id, direction, category,
     label, description, ewc_code, need_code, hazardous, quantity, unit, period, yearly_quantity, physical_form,
     temperature_c, available_months, visibility, status, current_destination, yearly_cost_eur, heat_supply,
     heat_supply_efficiency, heat_network_name, heat_network_co2_g_per_kwh, used_share_today)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   returning ${FLOW_COLUMNS}`,
);

/** INSERT_FLOW's parameters, in its column order. */
export function insertValues(id: string, now: Date, place: Place, c: FlowContent): unknown[] {
  return [
    id, now, now, place.siteId, place.organizationId, place.territoryId, c.direction, c.category,
    c.label, c.description, c.ewcCode, c.needCode, c.hazardous, c.quantity, c.unit, c.period, c.yearlyQuantity, c.physicalForm,
    c.temperatureC, c.availableMonths == null ? null : JSON.stringify(c.availableMonths), c.visibility, c.status, c.currentDestination,
    c.yearlyCostEur, c.heatSupply, c.heatSupplyEfficiency, c.heatNetworkName, c.heatNetworkCo2GPerKwh, c.usedShareToday,
  ];
}
