import type { FlowDirection } from '../../vocabulary/flow.enums.js';
import type {
  EmissionFactor,
  ItemKind,
  KnowledgeBase,
  NeedDefinition,
  Pathway,
} from '../knowledge/knowledge-base.types.js';
import { DEFAULT_ENGINE_OPTIONS } from './engine.options.js';
import type { ExplanationItem } from './engine.types.js';
import { haversineOf } from './geo.js';
import { resolvedFactors, type ResolvedFactor } from './impact-factors.js';
import { pathwayKernel, type PathwayKernel } from './pair-score.js';
import { frozenItem } from './shared-items.js';
import { SideIndex } from './side-index.js';
import { compileMatcher, type CompiledMatcher } from './stream-matcher.js';
import { searchableKeyword } from './text-fold.js';

/** Which side of a pathway a flow plays. */
export type SideRole = 'output' | 'input' | 'stream';

export interface CompiledPathway {
  /** Position in the knowledge base: a stable, cheap identity inside one detector. */
  index: number;
  id: string;
  pathway: Pathway;
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

/** The knowledge base prepared for matching: matchers compiled, sides indexed by direction and category. */
export interface CompiledKnowledgeBase {
  kb: KnowledgeBase;
  pathways: CompiledPathway[];
  substitutionPathways: CompiledPathway[];
  mutualisationPathways: CompiledPathway[];
  needs: Map<string, NeedDefinition>;
  emissionFactors: Map<string, EmissionFactor>;
  /** Emission factors with their ranges, by id; and the one used for road transport. */
  factors: Map<string, ResolvedFactor>;
  transport: ResolvedFactor;
  /** The sides flows of each direction may play, indexed (see side-index.ts). */
  sides: Record<`${FlowDirection}`, SideIndex>;
}

export function compileKnowledgeBase(
  kb: KnowledgeBase,
  reachTolerance: number = DEFAULT_ENGINE_OPTIONS.reachTolerance,
  reachToleranceMaxKm: number = DEFAULT_ENGINE_OPTIONS.reachToleranceMaxKm,
): CompiledKnowledgeBase {
  const pathways = kb.pathways.map((p, index) => compilePathway(p, index, Math.max(0, reachTolerance), Math.max(0, reachToleranceMaxKm)));
  const sides = { OUTPUT: [] as PathwaySide[], INPUT: [] as PathwaySide[] };
  for (const p of pathways) {
    if (p.output) sides.OUTPUT.push({ pathway: p, role: 'output', matcher: p.output });
    if (p.input) sides.INPUT.push({ pathway: p, role: 'input', matcher: p.input });
    if (p.stream && p.streamDirection) sides[p.streamDirection].push({ pathway: p, role: 'stream', matcher: p.stream });
  }
  return {
    kb,
    pathways,
    substitutionPathways: pathways.filter((p) => p.output && p.input),
    mutualisationPathways: pathways.filter((p) => p.stream && p.streamDirection),
    needs: new Map(kb.needs.map((n) => [n.code, n])),
    emissionFactors: new Map(kb.emissionFactors.map((f) => [f.id, f])),
    ...resolvedFactors(kb.emissionFactors),
    sides: { OUTPUT: new SideIndex(sides.OUTPUT), INPUT: new SideIndex(sides.INPUT) },
  };
}

/** The kinds by group, in the order groups first appear; null beyond 31 combinations (the validator refuses it). */
export function compileKinds(kinds: ItemKind[]): CompiledKinds | null {
  const groups: CompiledKindGroup[] = [];
  for (const k of kinds) {
    const id = k.group ?? '';
    let group = groups.find((g) => g.id === id);
    if (!group) groups.push((group = { id, kinds: [], stride: 1 }));
    group.kinds.push({ position: group.kinds.length, id: k.id, keywords: k.keywords.map(searchableKeyword), needCodes: k.needCodes ?? [] });
  }
  let combinations = 1;
  for (const g of groups) {
    g.stride = combinations;
    combinations *= g.kinds.length;
  }
  return combinations <= 31 ? { groups, combinations } : null;
}

function compilePathway(pathway: Pathway, index: number, reachTolerance: number, reachToleranceMaxKm: number): CompiledPathway {
  const substitution = pathway.kind === 'SUBSTITUTION';
  const reachKm = Math.max(0, pathway.reachKm);
  const searchKm = substitution ? reachKm + Math.min(reachKm * reachTolerance, reachToleranceMaxKm) : reachKm;
  const members = !substitution && pathway.members ? pathway.members : null;
  const compiled: Omit<CompiledPathway, 'kernel'> = {
    index,
    id: pathway.id,
    pathway,
    output: substitution && pathway.output ? compileMatcher(pathway.output) : null,
    input: substitution && pathway.input ? compileMatcher(pathway.input) : null,
    stream: !substitution && pathway.stream ? compileMatcher(pathway.stream) : null,
    streamDirection: !substitution && pathway.stream ? pathway.stream.direction : null,
    reachKm,
    searchKm,
    reachTerm: haversineOf(searchKm),
    kinds: substitution && pathway.kinds?.length ? compileKinds(pathway.kinds) : null,
    outputConditions:
      substitution && pathway.conditions.byOutput?.length
        ? pathway.conditions.byOutput.map((entry, variant) => ({
            keywords: entry.keywords.map(searchableKeyword),
            treatmentItem: entry.treatmentFr || entry.treatmentEn ? frozenItem('TREATMENT', { pathwayId: pathway.id, variant }) : null,
            checkItems: Object.freeze(
              (entry.checksFr ?? []).map((_, index) => frozenItem('PATHWAY_CHECK', { pathwayId: pathway.id, index, variant })),
            ),
          }))
        : null,
    members: members
      ? {
          excludeNaceCodes: members.excludeNaceCodes ?? [],
          excludeKeywords: (members.excludeKeywords ?? []).map(searchableKeyword),
          core: members.core ?? null,
        }
      : null,
    checkItems: Object.freeze(
      pathway.conditions.checksFr.map((_, index) => frozenItem('PATHWAY_CHECK', { pathwayId: pathway.id, index })),
    ),
    treatmentItem:
      pathway.conditions.treatmentFr || pathway.conditions.treatmentEn
        ? frozenItem('TREATMENT', { pathwayId: pathway.id })
        : null,
  };
  return { ...compiled, kernel: pathwayKernel(compiled as CompiledPathway) };
}
