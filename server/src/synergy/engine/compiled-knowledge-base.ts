import type { FlowDirection } from '../../flow/flow.enums.js';
import type {
  EmissionFactor,
  KnowledgeBase,
  NeedDefinition,
  Pathway,
} from '../knowledge/knowledge-base.types.js';
import type { ExplanationItem } from './engine.types.js';
import { haversineOf } from './geo.js';
import { resolvedFactors, type ResolvedFactor } from './impact-factors.js';
import { frozenItem } from './shared-items.js';
import { compileMatcher, type CompiledMatcher } from './stream-matcher.js';

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
  /** Haversine term of the reach (see geo.ts). */
  reachTerm: number;
  /** The pathway's checks (PATHWAY_CHECK items) and treatment, shared by all its synergies. */
  checkItems: readonly ExplanationItem[];
  treatmentItem: ExplanationItem | null;
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
  sidesFor(direction: `${FlowDirection}`, category: string): readonly PathwaySide[];
}

const NO_SIDES: readonly PathwaySide[] = [];

export function compileKnowledgeBase(kb: KnowledgeBase): CompiledKnowledgeBase {
  const pathways = kb.pathways.map(compilePathway);
  const byDirection = { OUTPUT: new Map<string, PathwaySide[]>(), INPUT: new Map<string, PathwaySide[]>() };
  const anyCategory = { OUTPUT: [] as PathwaySide[], INPUT: [] as PathwaySide[] };
  const add = (direction: 'OUTPUT' | 'INPUT', side: PathwaySide): void => {
    if (!side.matcher.categories) {
      anyCategory[direction].push(side);
      return;
    }
    for (const category of side.matcher.categories) {
      const list = byDirection[direction].get(category) ?? [];
      list.push(side);
      byDirection[direction].set(category, list);
    }
  };
  for (const p of pathways) {
    if (p.output) add('OUTPUT', { pathway: p, role: 'output', matcher: p.output });
    if (p.input) add('INPUT', { pathway: p, role: 'input', matcher: p.input });
    if (p.stream && p.streamDirection) add(p.streamDirection, { pathway: p, role: 'stream', matcher: p.stream });
  }
  const buckets = { OUTPUT: new Map<string, PathwaySide[]>(), INPUT: new Map<string, PathwaySide[]>() };
  for (const direction of ['OUTPUT', 'INPUT'] as const) {
    const categories = new Set([...byDirection[direction].keys()]);
    for (const category of categories) {
      const sides = [...(byDirection[direction].get(category) ?? []), ...anyCategory[direction]];
      buckets[direction].set(category, sides.sort((a, b) => a.pathway.index - b.pathway.index));
    }
  }
  return {
    kb,
    pathways,
    substitutionPathways: pathways.filter((p) => p.output && p.input),
    mutualisationPathways: pathways.filter((p) => p.stream && p.streamDirection),
    needs: new Map(kb.needs.map((n) => [n.code, n])),
    emissionFactors: new Map(kb.emissionFactors.map((f) => [f.id, f])),
    ...resolvedFactors(kb.emissionFactors),
    sidesFor: (direction, category) =>
      buckets[direction].get(category) ?? (anyCategory[direction].length ? anyCategory[direction] : NO_SIDES),
  };
}

function compilePathway(pathway: Pathway, index: number): CompiledPathway {
  const substitution = pathway.kind === 'SUBSTITUTION';
  const reachKm = Math.max(0, pathway.reachKm);
  return {
    index,
    id: pathway.id,
    pathway,
    output: substitution && pathway.output ? compileMatcher(pathway.output) : null,
    input: substitution && pathway.input ? compileMatcher(pathway.input) : null,
    stream: !substitution && pathway.stream ? compileMatcher(pathway.stream) : null,
    streamDirection: !substitution && pathway.stream ? pathway.stream.direction : null,
    reachKm,
    reachTerm: haversineOf(reachKm),
    checkItems: Object.freeze(
      pathway.conditions.checksFr.map((_, index) => frozenItem('PATHWAY_CHECK', { pathwayId: pathway.id, index })),
    ),
    treatmentItem:
      pathway.conditions.treatmentFr || pathway.conditions.treatmentEn
        ? frozenItem('TREATMENT', { pathwayId: pathway.id })
        : null,
  };
}
