import type {
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

/** What a flow says, once validated: the fields a declaration, an update or an import sets (see flow.validation). */
export interface FlowContent {
  direction: FlowDirection;
  category: ResourceCategory;
  label: string;
  description: string | null;
  ewcCode: string | null;
  needCode: string | null;
  /** Derived from the EWC code (starred entries). */
  hazardous: boolean;
  quantity: number | null;
  unit: FlowUnit;
  period: FlowPeriod;
  /** Derived from quantity and period. */
  yearlyQuantity: number | null;
  physicalForm: PhysicalForm | null;
  temperatureC: number | null;
  availableMonths: number[] | null;
  visibility: Visibility;
  status: FlowStatus;
  currentDestination: CurrentDestination | null;
  yearlyCostEur: number | null;
  /** Declared counterfactuals (diagnostic, confidential like the cost): see ResourceFlow. */
  heatSupply: HeatSupply | null;
  heatSupplyEfficiency: number | null;
  heatNetworkName: string | null;
  heatNetworkCo2GPerKwh: number | null;
  usedShareToday: number | null;
}

/** The fields of `FlowContent` a client or an import row gives; the others are derived from them. */
export const FLOW_INPUT_FIELDS = [
  'direction', 'category', 'label', 'description', 'ewcCode', 'needCode', 'quantity', 'unit', 'period',
  'physicalForm', 'temperatureC', 'availableMonths', 'visibility', 'status', 'currentDestination', 'yearlyCostEur',
  'heatSupply', 'heatSupplyEfficiency', 'heatNetworkName', 'heatNetworkCo2GPerKwh', 'usedShareToday',
] as const satisfies readonly (keyof FlowContent)[];

/** A flow row as read for display; the GraphQL layer shapes it per viewer (see policy.flowAccess). */
export interface FlowRecord extends FlowContent {
  id: string;
  siteId: string;
  organizationId: string;
  territoryId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const FLOW_COLUMNS = `f.id, f.site_id, f.organization_id, f.territory_id, f.direction, f.category, f.label,
  f.description, f.ewc_code, f.need_code, f.hazardous, f.quantity, f.unit, f.period, f.yearly_quantity, f.physical_form,
  f.temperature_c, f.available_months, f.visibility, f.status, f.current_destination, f.yearly_cost_eur,
  f.heat_supply, f.heat_supply_efficiency, f.heat_network_name, f.heat_network_co2_g_per_kwh, f.used_share_today,
  f.created_at, f.updated_at`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toFlowRecord(row: any): FlowRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    organizationId: row.organization_id,
    territoryId: row.territory_id,
    direction: row.direction,
    category: row.category,
    label: row.label,
    description: row.description,
    ewcCode: row.ewc_code,
    needCode: row.need_code,
    hazardous: row.hazardous,
    quantity: row.quantity === null ? null : Number(row.quantity),
    unit: row.unit,
    period: row.period,
    yearlyQuantity: row.yearly_quantity === null ? null : Number(row.yearly_quantity),
    physicalForm: row.physical_form,
    temperatureC: row.temperature_c === null ? null : Number(row.temperature_c),
    availableMonths: typeof row.available_months === 'string' ? JSON.parse(row.available_months) : row.available_months,
    visibility: row.visibility,
    status: row.status,
    currentDestination: row.current_destination,
    yearlyCostEur: row.yearly_cost_eur === null ? null : Number(row.yearly_cost_eur),
    heatSupply: row.heat_supply ?? null,
    heatSupplyEfficiency: row.heat_supply_efficiency == null ? null : Number(row.heat_supply_efficiency),
    heatNetworkName: row.heat_network_name ?? null,
    heatNetworkCo2GPerKwh: row.heat_network_co2_g_per_kwh == null ? null : Number(row.heat_network_co2_g_per_kwh),
    usedShareToday: row.used_share_today == null ? null : Number(row.used_share_today),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
