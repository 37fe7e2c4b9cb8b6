import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { EngineFlow, ExplanationItem } from './engine.types.js';
import type { CompiledMatcher, MatchLevel } from './stream-matcher.js';

/**
 * The knowledge base as the engine matches with it (pathways compiled, see compiled-knowledge-base.ts) and flows as
 * the engine prepared them against it (see prepared-flow.ts): the types every part of one detector shares.
 */

/** Which side of a pathway a flow plays. */
export type SideRole = 'output' | 'input' | 'stream';

export interface CompiledPathway {
  /** Position in the knowledge base: a stable, cheap identity inside one detector. */
  index: number;
  id: string;
  pathway: Pathway;
  /**
   * `pathway.unit` and `pathway.route`, read by the search for every flow: knowledge-base pathways parsed from JSON
   * differ in shape (optional fields), so reading through them is a slow, megamorphic access; compiled pathways share one.
   */
  unit: Pathway['unit'];
  route: Pathway['route'];
  output: CompiledMatcher | null;
  input: CompiledMatcher | null;
  stream: CompiledMatcher | null;
  streamDirection: 'OUTPUT' | 'INPUT' | null;
  reachKm: number;
  /**
   * How far counterparts are searched: the reach for a mutualisation; for a substitution the reach plus the
   * tolerance (EngineOptions.reachTolerance, at most reachToleranceMaxKm), pairs beyond the reach being explained
   * as such.
   */
  searchKm: number;
  /** Haversine term of `searchKm` (see geo.ts). */
  reachTerm: number;
  /**
   * Substitution: the kinds of item both sides must share (keywords prepared, see text-fold.ts), one bit per
   * combination of one kind of each group (see CompiledKinds); null: any.
   */
  kinds: CompiledKinds | null;
  /** Substitution: treatment and checks by the output's label (see OutputConditions); null: none. */
  outputConditions: CompiledOutputConditions[] | null;
  /** Mutualisation: who may be a member; null: anyone sharing the stream. */
  members: CompiledMemberFilter | null;
  /** The pathway's checks (PATHWAY_CHECK items) and treatment, shared by all its synergies. */
  checkItems: readonly ExplanationItem[];
  treatmentItem: ExplanationItem | null;
  /** The constants the score's numeric core needs. */
  kernel: PathwayKernel;
}

export interface CompiledKind {
  /** Position of the kind in its group. */
  position: number;
  id: string;
  keywords: string[];
  needCodes: string[];
}

/**
 * The kinds of a pathway by group. A flow's kind mask has one bit per combination of one kind of each group (bit
 * = Σ position × stride): a flow naming kinds of some groups sets every combination of them with any kind of the
 * groups it names none of. Two masks then meet exactly when, in every group where both flows name kinds, they
 * name a common one — the test the score's core makes on the masks (a one-group pathway has one bit per kind).
 */
export interface CompiledKinds {
  groups: CompiledKindGroup[];
  /** Number of combinations (bits used), at most 31. */
  combinations: number;
}

export interface CompiledKindGroup {
  /** The group's name ("" for kinds without a group). */
  id: string;
  kinds: CompiledKind[];
  stride: number;
}

export interface CompiledOutputConditions {
  /** Prepared for `searchableLabel`. */
  keywords: string[];
  /** TREATMENT item of this variant, or null to keep the pathway's. */
  treatmentItem: ExplanationItem | null;
  /** PATHWAY_CHECK items of this variant, listed before the pathway's own. */
  checkItems: readonly ExplanationItem[];
}

export interface CompiledMemberFilter {
  excludeNaceCodes: string[];
  /** Prepared for `searchableLabel`. */
  excludeKeywords: string[];
  core: { naceCodes: string[]; minOrganizations: number } | null;
}

export interface PathwaySide {
  pathway: CompiledPathway;
  role: SideRole;
  matcher: CompiledMatcher;
}

/**
 * What the core needs of a pathway, fixed at compile time, as numbers in a Float64Array (fields of objects holding
 * doubles are boxed in V8; typed arrays are read directly): see KERNEL in pair-score.ts for the positions.
 */
export type PathwayKernel = Float64Array;

/**
 * How a flow is recognised as one side of a pathway. Shared by every flow recognised the same way (same side,
 * level and detail): a hundred thousand flows do not make a hundred thousand of them. The flow's quantity in the
 * pathway's unit is `quantityIn(flow, match)`.
 */
export interface SideMatch {
  side: PathwaySide;
  level: MatchLevel;
  detail: string;
  /** The compatibility component this recognition brings (see MATCH_LEVEL_COMPATIBILITY, CODE_WORDS_UNCONFIRMED). */
  compatibility: number;
  /**
   * Recognised by its code while its label names none of the words the side lists: one code often covers a material
   * that suits the route and one that does not (bagasse and stones under "02 04 99"), and only words tell them apart.
   */
  unconfirmed: boolean;
  /** The explanation item saying how the flow was recognised, made once and shared by its synergies. */
  reason: ExplanationItem | undefined;
  /**
   * For a pathway listing kinds of item (see ItemKind): the kinds the flow's label names, one bit each (0: none,
   * and always 0 for other pathways). Such a match is shared only by flows of one recognition with the same NACE code
   * and description (see Recognition.perFlowSides).
   */
  kinds: number;
  /** The list of just this match, shared by every flow that plays only this side of its role (never changed). */
  alone: SideMatch[] | undefined;
}

/**
 * A flow with everything the engine computes once per flow rather than once per pair. Its position is read from
 * `flow`; the terms of the haversine formula are in the context's Geometry, by slot.
 */
export interface PreparedFlow {
  /** Position in the detector's tables (reused after a removal). */
  slot: number;
  flow: EngineFlow;
  id: string;
  organizationId: string;
  /** The organisation as a small integer (compared in the search instead of the id). */
  org: number;
  isOutput: boolean;
  hazardous: boolean;
  ewcCode: string | null;
  /** The physical form as a small integer (see formCode). */
  form: number;
  /** Months available, one bit per month (bit 0 = January); 0xfff = all year. */
  monthMask: number;
  monthCount: number;
  /** Outputs: the flow's temperature. Inputs: the temperature required (own, else the declared need's). */
  temperatureC: number | null;
  /** Takes part as an insertion enterprise or SSE (jobs it creates count as insertion jobs). */
  insertionActor: boolean;
  /**
   * Inputs: the source temperature from which the direct heat routes the need plays take every hotter source (their
   * exchanger margins and source bounds joined; NaN: none, or the need's temperature unknown). A heat pump takes the
   * sources below it, an exchanger those above: no source falls between the two.
   */
  directFromC: number;
  /** The sides the flow plays, by role (shared lists, see `sidesOf`: read, never changed). */
  outputSides: SideMatch[];
  inputSides: SideMatch[];
  streamSides: SideMatch[];
}

/**
 * How flows of one label described alike are recognised: the fields `matchStream` reads besides the label (whose
 * keywords and exclusion words are its LabelRecognitions'), and what follows from them alone — the shared matches
 * of the sides such flows may play. Sides whose pathway also reads a flow's own fields (member filters: its
 * description and NACE code; kinds of item: its description and need) are settled per flow from `matches`; the
 * others are the same for every such flow, so their lists are shared.
 */
export interface Recognition {
  category: string;
  ewcCode: string | null;
  needCode: string | null;
  physicalForm: string | null;
  temperatureC: number | null;
  /** The sides matched and not excluded by the label's words, in the order the index found them (shared matches). */
  matches: SideMatch[];
  /** Whether some match is settled per flow (a pooling side with a member filter, a pathway with kinds). */
  perFlow: boolean;
  /**
   * When `perFlow`: the sides settled for flows of this recognition without a description, by their NACE code (with
   * the description, the only fields of their own those sides read): the first code's in two fields (4 in 10 such
   * recognitions at 100k flows meet one code), the others' in a map made at the second; bounded (see prepareFlow).
   */
  firstNace: string | null;
  firstSides: FlowSides | undefined;
  perFlowSides: Map<string | null, FlowSides> | undefined;
  /** The same for flows with a description, by "nace\u0000description"; undefined until asked; bounded. */
  describedSides: Map<string, FlowSides> | undefined;
  /**
   * When `perFlow`: the same sides by the pools the flow's NACE code keeps it out of and its description — what they
   * depend on; many NACE codes exclude the same pools (none, mostly). Undefined until asked; bounded.
   */
  sidesByExclusions: Map<string, FlowSides> | undefined;
  /** When `perFlow`: the sides of flows without a description whose NACE code keeps them out of no pool. */
  unexcludedSides: FlowSides | undefined;
  /** When not `perFlow`: the sides every such flow plays, by role (shared lists, never changed). */
  outputSides: SideMatch[];
  inputSides: SideMatch[];
  streamSides: SideMatch[];
}

/** The sides a flow plays, by role (shared lists, never changed). */
export interface FlowSides {
  outputSides: SideMatch[];
  inputSides: SideMatch[];
  streamSides: SideMatch[];
}
