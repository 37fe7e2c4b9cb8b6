import type { OrganizationKind } from '../vocabulary/organization.enums.js';
import type {
  CurrentDestination,
  HeatSupply,
  FlowDirection,
  FlowPeriod,
  FlowStatus,
  PhysicalForm,
  ResourceCategory,
  Visibility,
} from '../vocabulary/flow.enums.js';

/**
 * The JSON import document (docs/import-format.md). Every record carries an external reference `ref`, unique
 * per record type: re-importing a document updates the records with the same refs and never duplicates them.
 */
export interface ImportDocument {
  format: 'fe2i-import';
  version: 1;
  territories?: ImportTerritory[];
  organizations?: ImportOrganization[];
  sites?: ImportSite[];
  flows?: ImportFlow[];
}

export interface ImportTerritory {
  ref: string;
  name: string;
  /** Ref of the enclosing territory (Val de Fensch ⊂ Lorraine Nord). */
  parentRef?: string;
  description?: string;
}

export interface ImportOrganization {
  ref: string;
  name: string;
  kind: OrganizationKind | `${OrganizationKind}`;
  territoryRef: string;
  /** NAF sub-class "24.10Z" or NACE class "24.10". */
  naceCode?: string;
  /** 9 digits, Luhn-checked. */
  siren?: string;
  description?: string;
  website?: string;
  /** An insertion enterprise (SIAE) whose jobs count as insertion jobs. */
  insertion?: boolean;
}

export interface ImportSite {
  ref: string;
  organizationRef: string;
  name: string;
  address?: string;
  postalCode?: string;
  city: string;
  latitude: number;
  longitude: number;
  /** 14 digits, starting with the organisation's SIREN, Luhn-checked. */
  siret?: string;
}

export interface ImportFlow {
  ref: string;
  siteRef: string;
  direction: FlowDirection | `${FlowDirection}`;
  category: ResourceCategory | `${ResourceCategory}`;
  label: string;
  description?: string;
  /** European List of Waste code "NN NN NN" (a trailing * is accepted and ignored: hazard comes from the list). */
  ewcCode?: string;
  /** Inputs: a need of the synergy knowledge base ("gypsum", "heat-below-90c"), see `needs` in the API. */
  needCode?: string;
  quantity?: number;
  /** FlowUnit name (TONNE) or symbol (t, kg, m3, L, MWh, kWh, unit, h, m2). */
  unit: string;
  period: FlowPeriod | `${FlowPeriod}`;
  physicalForm?: PhysicalForm | `${PhysicalForm}`;
  /** °C, for heat, steam, cooling and water. */
  temperatureC?: number;
  /** Months of the year when available, 1..12; absent = continuous. */
  availableMonths?: number[];
  visibility: Visibility | `${Visibility}`;
  status?: FlowStatus | `${FlowStatus}`;
  /** Outputs only: where it goes today. */
  currentDestination?: CurrentDestination | `${CurrentDestination}`;
  /** Euros per year paid today: purchase for an input, disposal/treatment for an output. Confidential. */
  yearlyCostEur?: number;
  /** Inputs needing heat: how the need is met today (NATURAL_GAS, FUEL_OIL, WOOD, ELECTRICITY, HEATING_NETWORK). Confidential. */
  heatSupply?: HeatSupply | `${HeatSupply}`;
  /** That supply's efficiency (a heat pump's COP); absent: the usual one. Confidential. */
  heatSupplyEfficiency?: number;
  /** A heating network's name and its published CO2 content (g CO2e/kWh, arrêté DPE annex 7). Confidential. */
  heatNetworkName?: string;
  heatNetworkCo2GPerKwh?: number;
  /** Outputs of heat or water: the share already used today, 0 to 1. Confidential. */
  usedShareToday?: number;
}
