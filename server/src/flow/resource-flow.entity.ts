import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { Site } from '../organization/site.entity.js';
import { Territory } from '../territory/territory.entity.js';
import {
  CurrentDestination,
  HeatSupply,
  FlowDirection,
  FlowPeriod,
  FlowStatus,
  FlowUnit,
  PhysicalForm,
  ResourceCategory,
  Visibility,
} from '../vocabulary/flow.enums.js';

/**
 * What a site has (OUTPUT) or needs (INPUT). The organisation and territory are copied from the site so that
 * visibility filters are plain column comparisons.
 */
@Entity({ tableName: 'resource_flow' })
@Index({ properties: ['territory', 'status', 'direction'] })
export class ResourceFlow extends BaseEntity {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  @Index()
  site!: Site;

  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  @Index()
  organization!: Organization;

  @ManyToOne(() => Territory, { deleteRule: 'restrict' })
  territory!: Territory;

  @Enum({ items: () => FlowDirection, type: 'string' })
  direction!: FlowDirection;

  @Enum({ items: () => ResourceCategory, type: 'string' })
  category!: ResourceCategory;

  @Property({ type: 'string' })
  label!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** European List of Waste code "NN NN NN". */
  @Property({ type: 'string', length: 8, nullable: true })
  @Index()
  ewcCode?: string | null;

  /** INPUT flows: the need of the synergy knowledge base it was declared as ("gypsum", "heat-below-90c"). */
  @Property({ type: 'string', length: 80, nullable: true })
  needCode?: string | null;

  /** Derived from the List of Waste (starred entries). */
  @Property({ type: 'boolean' })
  hazardous: boolean & Opt = false;

  @Property({ type: 'double', nullable: true })
  quantity?: number | null;

  @Enum({ items: () => FlowUnit, type: 'string' })
  unit!: FlowUnit;

  @Enum({ items: () => FlowPeriod, type: 'string' })
  period!: FlowPeriod;

  /** quantity × periods per year, kept in the row so that sorting and totals need no code. */
  @Property({ type: 'double', nullable: true })
  yearlyQuantity?: number | null;

  @Enum({ items: () => PhysicalForm, type: 'string', nullable: true })
  physicalForm?: PhysicalForm | null;

  @Property({ type: 'double', nullable: true })
  temperatureC?: number | null;

  /** Months 1..12 when the flow exists; null = all year. */
  @Property({ type: 'json', nullable: true })
  availableMonths?: number[] | null;

  @Enum({ items: () => Visibility, type: 'string' })
  visibility!: Visibility;

  @Enum({ items: () => FlowStatus, type: 'string' })
  status: FlowStatus & Opt = FlowStatus.ACTIVE;

  @Enum({ items: () => CurrentDestination, type: 'string', nullable: true })
  currentDestination?: CurrentDestination | null;

  /** Euros per year paid today (purchase or disposal). Confidential whatever the visibility. */
  @Property({ type: 'double', nullable: true })
  yearlyCostEur?: number | null;

  /** Declared counterfactuals (heat supply today, share used today): confidential like the cost. */
  @Enum({ items: () => HeatSupply, type: 'string', nullable: true })
  heatSupply?: HeatSupply | null;

  @Property({ type: 'double', nullable: true })
  heatSupplyEfficiency?: number | null;

  @Property({ type: 'string', nullable: true })
  heatNetworkName?: string | null;

  @Property({ type: 'double', nullable: true, fieldName: 'heat_network_co2_g_per_kwh' })
  heatNetworkCo2GPerKwh?: number | null;

  @Property({ type: 'double', nullable: true })
  usedShareToday?: number | null;

  @Property({ type: 'string', nullable: true })
  @Unique()
  externalRef?: string | null;
}
