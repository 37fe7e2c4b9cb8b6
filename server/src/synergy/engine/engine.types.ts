import type {
  CurrentDestination,
  HeatSupply,
  FlowDirection,
  FlowUnit,
  PhysicalForm,
  ResourceCategory,
} from '../../vocabulary/flow.enums.js';
import type { ImpactIndicatorValue } from '../../vocabulary/impact.enums.js';
import type { OrganizationKind } from '../../vocabulary/organization.enums.js';

/**
 * The synergy engine's contract: plain data in, ranked explained synergies out. The engine is pure — no database,
 * no clock, no randomness — so the same input always gives the same output, in the same order.
 */

/** A flow as the engine sees it: with its site's location and its organisation's profile. */
export interface EngineFlow {
  id: string;
  organizationId: string;
  siteId: string;
  territoryId: string;
  direction: FlowDirection | `${FlowDirection}`;
  category: ResourceCategory | `${ResourceCategory}`;
  label: string;
  /**
   * What the organisation wrote about the flow, if anything. Read only where the label names no kind of item
   * (ItemKind) and by member filters; codes and needs are matched on the label alone.
   */
  description?: string | null;
  ewcCode: string | null;
  hazardous: boolean;
  /** INPUT flows: the need of the knowledge base it was declared as ("gypsum"), if any. */
  needCode: string | null;
  /** Per year, in `unit`; null when unknown. */
  yearlyQuantity: number | null;
  /**
   * Who may see the flow (absent: PUBLIC). A PRIVATE flow's quantity is hidden from the other parties, so the engine
   * reads it as unknown wherever what they see is decided — which counterparts are kept, their order, the score —
   * and uses it only for the figures shown to those who may read it (impacts, coverage, matched quantity).
   */
  visibility?: 'PUBLIC' | 'TERRITORY' | 'PRIVATE';
  unit: FlowUnit | `${FlowUnit}`;
  physicalForm: PhysicalForm | `${PhysicalForm}` | null;
  temperatureC: number | null;
  /** Months 1..12; null = all year. */
  availableMonths: number[] | null;
  currentDestination: CurrentDestination | `${CurrentDestination}` | null;
  /** € per year paid today (disposal for an output, purchase for an input). */
  yearlyCostEur: number | null;
  /**
   * Declared counterfactuals (diagnostic, confidential like the cost: the organisation and its facilitators).
   * Inputs that need heat: how the need is met today, the supply's efficiency (a heat pump: its COP; null: the usual
   * one), or a heating network's name and published CO2 content in g CO2e per kWh delivered.
   */
  heatSupply?: HeatSupply | `${HeatSupply}` | null;
  heatSupplyEfficiency?: number | null;
  heatNetworkName?: string | null;
  heatNetworkCo2GPerKwh?: number | null;
  /** Outputs of heat or water: the share of the source already used today, in [0, 1]; null when not declared. */
  usedShareToday?: number | null;
  latitude: number;
  longitude: number;
  organizationKind: OrganizationKind | `${OrganizationKind}`;
  /** Insertion enterprise (SIAE): jobs it creates operating a synergy are insertion jobs. */
  insertion: boolean;
  naceCode: string | null;
}

/**
 * The counterfactuals an organisation declares about its own operations (where an output goes today, how a heat need
 * is met today, the share of a source already used): confidential diagnostic data like a cost. The one list of them:
 * the engine's figures exist with and without them (declared-baseline.ts: `withoutDeclarations` clears each, its
 * copy is typed to), and the attack tests read each on a flow as the other party and a stranger
 * (test/attacks/declared-counterfactuals.test.ts). A counterfactual added to EngineFlow belongs here.
 */
export const COUNTERFACTUAL_FIELDS = [
  'currentDestination',
  'heatSupply',
  'heatSupplyEfficiency',
  'heatNetworkName',
  'heatNetworkCo2GPerKwh',
  'usedShareToday',
] as const satisfies readonly (keyof EngineFlow)[];
export type CounterfactualField = (typeof COUNTERFACTUAL_FIELDS)[number];

export type SynergyKind = 'SUBSTITUTION' | 'MUTUALISATION';

/** One reason, condition or fact, as a code and parameters: the UI renders it in French or English. */
export interface ExplanationItem {
  code: string;
  params: Record<string, string | number | boolean | null>;
}

export interface ScoreBreakdown {
  /** Each in [0, 1]; the score is their weighted combination (weights in the engine options). */
  compatibility: number;
  quantity: number;
  distance: number;
  quality: number;
  availability: number;
  hazard: number;
}

export interface Explanation {
  pathwayId: string;
  /** Why the sides are compatible: EXACT_EWC, EWC_FAMILY, NEED_CODE, KEYWORD, CATEGORY, TEMPERATURE_OK… */
  reasons: ExplanationItem[];
  /** Share of each side the synergy covers, in [0, 1]; null when a quantity is unknown. */
  coverage: { output: number | null; input: number | null };
  /** Matched quantity a year, in `unit` (min of both sides, or the pooled total for mutualisation). */
  matchedQuantity: number | null;
  unit: FlowUnit | `${FlowUnit}`;
  /** Substitution: distance between the two sites. Mutualisation: the greatest distance from the group's centre. */
  distanceKm: number;
  conditionsMet: ExplanationItem[];
  conditionsToCheck: ExplanationItem[];
  /** Road transport estimate (t·km a year) when matter moves; null for energy by network, services… */
  transport: { tonneKm: number; trips: number | null } | null;
  score: ScoreBreakdown;
}

/** One list of indicators for the engine, the territory's totals and the plans (vocabulary/impact.enums.ts). */
export type ImpactIndicator = ImpactIndicatorValue;

export interface ImpactFactorUse {
  /** Emission factor id, or "declared-cost"/"typical-cost"… */
  id: string;
  value: number;
  unit: string;
  /** A source of the factor's kind; null for what the organisations declared and for stated assumptions. */
  sourceId: string | null;
  /**
   * EMISSION, COST, JOBS, TECHNICAL: backed by a source of that kind. DECLARED: from the organisations' own data.
   * ASSUMPTION: a convention of the method with no source, shown as such (docs/impact-method.md).
   */
  kind: ImpactFactorKind;
}

export type ImpactFactorKind = 'EMISSION' | 'COST' | 'JOBS' | 'TECHNICAL' | 'DECLARED' | 'ASSUMPTION';

export interface ImpactFigure {
  indicator: ImpactIndicator;
  low: number;
  central: number;
  high: number;
  unit: string;
  /** The formula in words with the numbers used, e.g. "480 t × (25 − 2.4) kg CO2e/t ÷ 1000". */
  formula: string;
  factors: ImpactFactorUse[];
  /** DECLARED when the figures come from what the organisations declared, TYPICAL from the knowledge base. */
  basis: 'DECLARED' | 'TYPICAL' | 'MIXED';
  /** For EUROS_SAVED: the organisation that saves them; null for territory-wide figures. */
  organizationId: string | null;
  /**
   * Set when a party's confidential counterfactual (heat supply today, a source's use today, where an output goes
   * today) changes the figure: DECLARED is the figure built on it, for the members of `declaredBy` and the
   * territory's facilitators; UNDECLARED the same figure as if nothing were declared, for everyone else, so that no
   * one infers the declaration from a number. When both parties of a pair declared, PARTLY is the figure built on
   * one party's declarations alone (`keptFor`), for that party's members. Unmarked figures are for everyone.
   * `figuresFor` keeps one variant of each figure.
   */
  audience?: 'DECLARED' | 'UNDECLARED' | 'PARTLY';
  declaredBy?: string[];
  keptFor?: string;
}

export interface DetectedSynergy {
  /** Deterministic identity: kind, pathway and the sorted flow ids. A decision is attached to it. */
  key: string;
  kind: SynergyKind;
  pathwayId: string;
  /** SUBSTITUTION: [outputFlowId, inputFlowId]. MUTUALISATION: the members' flows, sorted. */
  flowIds: string[];
  /** Sorted, distinct. */
  organizationIds: string[];
  /** In [0, 1]. */
  score: number;
  explanation: Explanation;
  impacts: ImpactFigure[];
}

/** What one flow change did to the set of synergies (incremental detection). */
export interface SynergyDelta {
  added: DetectedSynergy[];
  changed: DetectedSynergy[];
  /** Keys of synergies that no longer hold. */
  removed: string[];
}
