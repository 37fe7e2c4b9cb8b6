import type { FlowUnit, PhysicalForm, ResourceCategory } from '../../vocabulary/flow.enums.js';

/**
 * The knowledge base of valorisation pathways (server/data/synergy/knowledge-base.json): which outputs can replace
 * which inputs (substitution), which streams and needs neighbours can pool (mutualisation), under which conditions,
 * with which emission factors and typical costs — every figure tied to a cited source. Versioned data: change the
 * file and its `version`, never the engine, to teach FE2I a new pathway.
 */
export interface KnowledgeBase {
  /** Semantic version of the data, e.g. "1.0.0"; stored with each detected synergy. */
  version: string;
  sources: Source[];
  emissionFactors: EmissionFactor[];
  /** Needs a non-expert declares in their own words ("gypse", "chaleur < 90 °C", "palettes bois"). */
  needs: NeedDefinition[];
  pathways: Pathway[];
  /** Why keywords no nomenclature label and no source citation uses are there (`npm run check:keywords`). */
  keywordReasons?: KeywordReason[];
}

/**
 * The reason for keywords the engine reads that occur in no List of Waste or NACE label and no source citation: the
 * trade or everyday words for what the given codes or sources name. At least one reference.
 */
export interface KeywordReason {
  /** Folded words, each read by some pathway (matcher, kind, member filter or production factor). */
  keywords: string[];
  reason: string;
  ewcCodes?: string[];
  /** NACE codes like 80.10 (classes, groups or divisions). */
  naceCodes?: string[];
  sourceIds?: string[];
}

export interface Source {
  id: string;
  /** Full citation: "ADEME, Base Carbone® v23, Laitier de haut fourneau, 2023". */
  citation: string;
  publisher: string;
  year: number;
  url?: string;
  /**
   * What the source can back (issue 14): EMISSION factors, COST figures (prices, taxes, shares of a bill), JOBS
   * ratios, TECHNICAL facts (yields, COP, practice), REGULATION. A figure may cite only a source of its own kind.
   */
  kinds: SourceKind[];
}

export type SourceKind = 'EMISSION' | 'COST' | 'JOBS' | 'TECHNICAL' | 'REGULATION';

/** kg CO2e per unit of avoided production, avoided disposal, or transport. */
export interface EmissionFactor {
  id: string;
  labelFr: string;
  labelEn: string;
  /** Central value. */
  value: number;
  /** Range where the source gives one (or the spread between sources); else the engine applies ±30 %. */
  low?: number;
  high?: number;
  unit: 'kgCO2e/t' | 'kgCO2e/MWh' | 'kgCO2e/m3' | 'kgCO2e/unit' | 'kgCO2e/h' | 'kgCO2e/t.km';
  /** An EMISSION source. */
  sourceId: string;
  /** The database item the value comes from (Base Empreinte item name…), or how it is derived from one. */
  databaseEntry: string;
  /** The edition or consultation date of that database or document. */
  vintage: string;
  /**
   * ITEM: one named database item; DERIVED: computed from named items with a stated assumption; ORDER_OF_MAGNITUDE:
   * no single item identified — the value and its range are an estimate to confirm.
   */
  derivation: 'ITEM' | 'DERIVED' | 'ORDER_OF_MAGNITUDE';
}

export interface NeedDefinition {
  /** Stable code stored with an INPUT flow: "gypsum", "heat-below-90c", "wood-pallets". */
  code: string;
  labelFr: string;
  labelEn: string;
  category: ResourceCategory;
  /** Unit in which such a need is usually declared. */
  unit: FlowUnit;
  /** Words (French and English, lower case, accents allowed) that suggest this need when typed. */
  keywords: string[];
  /** For heat/cold/water needs: the temperature the need requires, °C (a heat need at 60 °C needs a source ≥ 60 °C + margin). */
  temperatureC?: number;
}

/** Describes one side of a pathway. A flow matches when every given criterion holds (lists are alternatives). */
export interface StreamMatcher {
  /** Exact List of Waste codes "NN NN NN". */
  ewcCodes?: string[];
  /** Chapter or sub-chapter prefixes "10" / "10 02". */
  ewcPrefixes?: string[];
  categories?: ResourceCategory[];
  /** Need codes (INPUT side): an input declared with one of these needs matches. */
  needCodes?: string[];
  /** Folded words, one of which must occur in the flow's label (fallback when no code was declared). */
  keywords?: string[];
  /**
   * Folded words: a flow whose label contains one is not this stream, whatever its codes or needs ("poche",
   * "pulverulent": ladle slag is not a road aggregate although it carries a slag code).
   */
  excludeKeywords?: string[];
  /**
   * Words of the label are a loose identity (`KEYWORD`) even on a side that lists no code: for sides whose words
   * say little of what is offered ("retour", "vide": an empty return, whatever its route and vehicle).
   */
  looseKeywords?: boolean;
  /**
   * Folded words among `keywords` that name the stream only for a flow declaring its temperature: a water named only
   * "effluent" or "wash water" is a heat source when its temperature says so, not otherwise.
   */
  temperatureOnlyKeywords?: string[];
  physicalForms?: PhysicalForm[];
  /** Temperature bounds of the flow itself, °C. */
  minTemperatureC?: number;
  maxTemperatureC?: number;
}

/**
 * SUBSTITUTION: what an item is, for pathways whose sides are too broad to say it (idle equipment: a lathe, a
 * greenhouse, a cold unit; training: forklift driving, welding). When a pathway lists kinds and both labels name
 * kinds, the output and the input pair only when they name a common one: a plastics shredder does not meet a need
 * for a second-hand greenhouse. A flow whose label names no kind is read in its description; one naming none in
 * either pairs, the kind being left to check.
 */
export interface ItemKind {
  /** Stable kebab-case id: "machine-tool", "greenhouse". */
  id: string;
  labelFr: string;
  labelEn: string;
  /** Folded words, one of which occurs in the label of a flow of this kind (matched at a word start). */
  keywords: string[];
  /** Need codes: an input declared with one of them is of this kind, whatever its label. */
  needCodes?: string[];
  /**
   * Kinds of different groups are independent criteria (a truck's vehicle and its corridor): an output and an input
   * pair only when, in every group where both name kinds, they name a common one. Kinds without a group form one
   * group. A flow whose label names no kind of a group is read in its description for that group.
   */
  group?: string;
}

/**
 * SUBSTITUTION: treatment and checks told by the words of the output's label, as `productionFactorsByOutput` does
 * for the factor: steelmaking slag is aged, crushed and screened, not granulated as blast-furnace slag is.
 */
export interface OutputConditions {
  /** Folded words, one of which occurs in the output's label (the first entry that matches applies). */
  keywords: string[];
  /** Replaces the pathway's treatment. */
  treatmentFr?: string;
  treatmentEn?: string;
  /** Checked before the pathway's own checks (which hold for every output). */
  checksFr?: string[];
  checksEn?: string[];
}

/**
 * MUTUALISATION: who may be a member of the pool, beyond sharing its stream. Collectors and outlets are not
 * co-producers: a waste operator, a public drop-off centre or the plant that consumes the stream is the pool's
 * provider or outlet, not one of the neighbours pooling it.
 */
export interface MemberFilter {
  /** NACE code prefixes ("38", "24.10") of organisations that are never members. */
  excludeNaceCodes?: string[];
  /** Folded words: a flow whose label or description contains one ("decheterie") is not a member. */
  excludeKeywords?: string[];
  /** The group must count at least `minOrganizations` organisations whose NACE code starts with one of `naceCodes`. */
  core?: { naceCodes: string[]; minOrganizations: number };
}

export interface PathwayConditions {
  /** FORBIDDEN: hazardous flows never match; HANDLED: they match but hazard handling is a condition to check. */
  hazardous: 'FORBIDDEN' | 'HANDLED' | 'ALLOWED';
  /** For heat: the output must exceed the input's required temperature by at least this margin (°C). */
  temperatureMarginC?: number;
  /**
   * For heat-pump pathways: the pump pairs only a source too cold for a direct exchanger, colder than the input's
   * temperature plus this margin (°C). A source at or above it goes through an exchanger (heat-greenhouse and the
   * other direct pathways), not through a heat pump with no lift.
   */
  heatPumpBelowMarginC?: number;
  /** Treatment needed between the two sides, if any (shown as a condition to check). */
  treatmentFr?: string;
  treatmentEn?: string;
  /** Checks a facilitator must still make (quality analysis, regulatory status "sortie du statut de déchet"…). */
  checksFr: string[];
  checksEn: string[];
  /** SUBSTITUTION: treatment and checks by the output's label (see OutputConditions). */
  byOutput?: OutputConditions[];
}

export interface PathwayImpact {
  /** What the synergy moves, in `Pathway.unit`: drives which indicators apply. */
  indicator: 'MASS' | 'ENERGY' | 'WATER' | 'UNITS' | 'SERVICE';
  /** Emission avoided per unit by not producing the substituted input (virgin material, fuel, energy). */
  avoidedProductionFactorId?: string;
  /**
   * MUTUALISATION of a stream: the pool shares the collection only, and the members' streams go to the same
   * treatment as today (hazardous waste to incineration or co-processing): no tonnes diverted, no avoided
   * production or disposal, no jobs; only transport and collection costs are saved.
   */
  treatmentUnchanged?: boolean;
  /**
   * SUBSTITUTION: the avoided production depends on what the output is, told by words of its label; the first entry
   * whose keywords (folded words) occur in the output's label replaces `avoidedProductionFactorId`. Steelmaking
   * slag in binders replaces aggregates, not clinker as granulated blast-furnace slag does.
   */
  productionFactorsByOutput?: { keywords: string[]; avoidedProductionFactorId: string }[];
  /** Emission avoided per unit by not disposing of the output the way it goes today (used with the baseline). */
  avoidedDisposalFactorId?: string;
  /** Typical € per unit: disposal cost of the output today, purchase cost of the input. Used when the flow declares none. */
  typicalDisposalEurPerUnit?: number;
  typicalPurchaseEurPerUnit?: number;
  /** Full-time jobs per 1000 units a year of the synergy operated (collection, sorting, repair…). */
  jobsPer1000Units?: number;
  /** Sources of the pathway's impact figures, as cited (any kind). */
  sourceIds: string[];
  /** COST sources of the typical costs; none: the typical costs are shown as assumptions (±30 %). */
  costSourceIds?: string[];
  /** JOBS sources of `jobsPer1000Units`; none: the ratio is shown as an assumption with its range. */
  jobsSourceIds?: string[];
}

export interface Pathway {
  /** Stable id: "slag-to-cement", "heat-80-greenhouse", "pool-cardboard-collection". */
  id: string;
  kind: 'SUBSTITUTION' | 'MUTUALISATION';
  /** Grouping for reports and the UI: HEAT, STEAM, COOLING, WATER, WASTEWATER, SLUDGE, WOOD, PAPER, PLASTIC, METAL, SLAG, DUST_SCALE, ASH_GYPSUM, CONSTRUCTION, ORGANIC, SOLVENT_OIL, PACKAGING, EQUIPMENT, SERVICE, LOGISTICS, PURCHASING. */
  family: string;
  labelFr: string;
  labelEn: string;
  descriptionFr: string;
  descriptionEn: string;
  /** SUBSTITUTION: the OUTPUT side. */
  output?: StreamMatcher;
  /** SUBSTITUTION: the INPUT side. */
  input?: StreamMatcher;
  /** MUTUALISATION: what members share, and whether they have it (pooled collection/treatment) or need it (group purchase, shared equipment or service). */
  stream?: StreamMatcher & { direction: 'OUTPUT' | 'INPUT' };
  conditions: PathwayConditions;
  /** How far the resource sensibly travels: heat a few km, a truckload of slag 100 km or more. */
  reachKm: number;
  /** Unit in which both sides' quantities are compared (flows are converted: kg→t, kWh→MWh, L→m3). */
  unit: FlowUnit;
  /** MUTUALISATION: pooled yearly quantity (in `unit`) from which pooling is viable. */
  viabilityThreshold?: number;
  /**
   * Material SUBSTITUTION (MASS or UNITS, not a service or logistics): where the pathway sends the output in the
   * waste hierarchy (directive 2008/98/EC, art. 4). REUSE also covers repair, refurbishment and food or feed uses of
   * co-products (which rank above recycling); fuels are ENERGY_RECOVERY. Compared with a flow's declared destination,
   * it tells whether a synergy diverts anything (see docs/impact-method.md).
   */
  route?: 'REUSE' | 'RECYCLING' | 'ENERGY_RECOVERY';
  /** SUBSTITUTION: the kinds of item an output and an input must share (see ItemKind); any pair when absent. */
  kinds?: ItemKind[];
  /** MUTUALISATION: who may be a member (see MemberFilter); any organisation sharing the stream when absent. */
  members?: MemberFilter;
  impact: PathwayImpact;
  sourceIds: string[];
}
