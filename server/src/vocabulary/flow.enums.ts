/**
 * The vocabulary of resource flows. These names are part of the public API (GraphQL enums, import format):
 * add values, never rename them.
 */
export enum FlowDirection {
  /** Something the site has: surplus, by-product, waste (gisement). */
  OUTPUT = 'OUTPUT',
  /** Something the site needs (besoin). */
  INPUT = 'INPUT',
}

export enum ResourceCategory {
  MATERIAL = 'MATERIAL',
  WASTE = 'WASTE',
  ENERGY = 'ENERGY',
  WATER = 'WATER',
  EQUIPMENT = 'EQUIPMENT',
  SERVICE = 'SERVICE',
  SKILL = 'SKILL',
  SPACE = 'SPACE',
  LOGISTICS = 'LOGISTICS',
}

export enum FlowUnit {
  TONNE = 'TONNE',
  KILOGRAM = 'KILOGRAM',
  CUBIC_METRE = 'CUBIC_METRE',
  LITRE = 'LITRE',
  MEGAWATT_HOUR = 'MEGAWATT_HOUR',
  KILOWATT_HOUR = 'KILOWATT_HOUR',
  UNIT = 'UNIT',
  HOUR = 'HOUR',
  SQUARE_METRE = 'SQUARE_METRE',
}

/** Short symbols accepted by the import format and shown in the UI. */
export const UNIT_SYMBOLS: Record<FlowUnit, string> = {
  TONNE: 't',
  KILOGRAM: 'kg',
  CUBIC_METRE: 'm3',
  LITRE: 'L',
  MEGAWATT_HOUR: 'MWh',
  KILOWATT_HOUR: 'kWh',
  UNIT: 'unit',
  HOUR: 'h',
  SQUARE_METRE: 'm2',
};

export enum FlowPeriod {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  WEEK = 'WEEK',
  DAY = 'DAY',
  /** A single lot (a stock to clear, an idle machine): its yearly figure is the quantity itself. */
  ONE_OFF = 'ONE_OFF',
}

/** How many periods make a year; days count working days of a plant running all year. */
export const PERIODS_PER_YEAR: Record<FlowPeriod, number> = {
  YEAR: 1,
  MONTH: 12,
  WEEK: 52,
  DAY: 365,
  ONE_OFF: 1,
};

export enum PhysicalForm {
  SOLID = 'SOLID',
  POWDER = 'POWDER',
  LIQUID = 'LIQUID',
  SLUDGE = 'SLUDGE',
  GAS = 'GAS',
  /** Energy, services, skills, space: no matter to handle. */
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

export enum Visibility {
  /** Own organisation and the territory's facilitators only. */
  PRIVATE = 'PRIVATE',
  /** Members of the territory see the flow, not who declared it. */
  TERRITORY = 'TERRITORY',
  PUBLIC = 'PUBLIC',
}

export enum FlowStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}

/** Where an output goes today (diagnostic): the baseline against which a synergy's impact is measured. */
export enum CurrentDestination {
  LANDFILL = 'LANDFILL',
  INCINERATION = 'INCINERATION',
  ENERGY_RECOVERY = 'ENERGY_RECOVERY',
  RECYCLING = 'RECYCLING',
  REUSE = 'REUSE',
  SEWER = 'SEWER',
  OTHER = 'OTHER',
}

/**
 * How a heat need is met today (diagnostic, inputs): the baseline a recovered-heat synergy replaces. A heating
 * network states its published CO2 content (arrêté DPE, annex 7); a fuel its efficiency (a heat pump: its COP).
 */
export enum HeatSupply {
  NATURAL_GAS = 'NATURAL_GAS',
  FUEL_OIL = 'FUEL_OIL',
  WOOD = 'WOOD',
  ELECTRICITY = 'ELECTRICITY',
  HEATING_NETWORK = 'HEATING_NETWORK',
}

/** Yearly amount of a flow in its own unit. */
export function yearlyQuantity(quantity: number | null | undefined, period: FlowPeriod): number | null {
  if (quantity === null || quantity === undefined) return null;
  return quantity * PERIODS_PER_YEAR[period];
}
