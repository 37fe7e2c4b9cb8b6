import type { FlowDirection } from '../../vocabulary/flow.enums.js';
import type {
  EmissionFactor,
  ItemKind,
  KnowledgeBase,
  NeedDefinition,
  Pathway,
} from '../knowledge/knowledge-base.types.js';
import type { CompiledKindGroup, CompiledKinds, CompiledPathway, PathwaySide } from './compiled.types.js';
import { DEFAULT_ENGINE_OPTIONS } from './engine.options.js';
import { haversineOf } from './geo.js';
import { resolvedFactors, type FactorTable } from './impact-factors.js';
import { pathwayKernel } from './pair-score.js';
import { frozenItem } from './shared-items.js';
import { NeedVocabulary } from './need-vocabulary.js';
import { SideIndex } from './side-index.js';
import { compileMatcher } from './stream-matcher.js';
import { searchableKeyword } from './text-fold.js';

/** The knowledge base prepared for matching: matchers compiled, sides indexed by direction and category. */
export interface CompiledKnowledgeBase extends FactorTable {
  kb: KnowledgeBase;
  pathways: CompiledPathway[];
  substitutionPathways: CompiledPathway[];
  mutualisationPathways: CompiledPathway[];
  needs: Map<string, NeedDefinition>;
  emissionFactors: Map<string, EmissionFactor>;
  /** The sides flows of each direction may play, indexed (see side-index.ts). */
  sides: Record<`${FlowDirection}`, SideIndex>;
}

/** Compiled knowledge bases by knowledge base object, then reach tolerance options (see `sharedCompiledKnowledgeBase`). */
const COMPILED = new WeakMap<KnowledgeBase, Map<string, CompiledKnowledgeBase>>();

/**
 * The knowledge base compiled once for every detector given the same KnowledgeBase object and reach tolerance: the
 * label and recognition memories its side indexes fill (side-index.ts, prepared-flow.ts) then serve every detection,
 * not only the loads of one detector. A detection thread makes a detector per full detection, of one knowledge base:
 * without this, each detection read every label of its territory anew (half of a 100k-flow detection's preparation,
 * measured). What those memories hold is a function of the knowledge base and the label alone, bounded (see
 * LABEL_CACHE_SIZE); the engine only reads a knowledge base object (loaded and validated once, then given to the
 * detection thread), so sharing by identity is exact — a caller that edits one must pass a copy.
 */
export function sharedCompiledKnowledgeBase(
  kb: KnowledgeBase,
  reachTolerance: number = DEFAULT_ENGINE_OPTIONS.reachTolerance,
  reachToleranceMaxKm: number = DEFAULT_ENGINE_OPTIONS.reachToleranceMaxKm,
): CompiledKnowledgeBase {
  let byOptions = COMPILED.get(kb);
  if (!byOptions) COMPILED.set(kb, (byOptions = new Map()));
  const key = `${reachTolerance}\u0000${reachToleranceMaxKm}`;
  let compiled = byOptions.get(key);
  if (!compiled) byOptions.set(key, (compiled = compileKnowledgeBase(kb, reachTolerance, reachToleranceMaxKm)));
  return compiled;
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
  const needs = new Map(kb.needs.map((n) => [n.code, n]));
  return {
    kb,
    pathways,
    substitutionPathways: pathways.filter((p) => p.output && p.input),
    mutualisationPathways: pathways.filter((p) => p.stream && p.streamDirection),
    needs,
    emissionFactors: new Map(kb.emissionFactors.map((f) => [f.id, f])),
    ...resolvedFactors(kb.emissionFactors),
    sides: { OUTPUT: new SideIndex(sides.OUTPUT), INPUT: new SideIndex(sides.INPUT, new NeedVocabulary(needs.values())) },
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
    unit: pathway.unit,
    route: pathway.route,
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
