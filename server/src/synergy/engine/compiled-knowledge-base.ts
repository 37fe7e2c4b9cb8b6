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
import { pathwayKernel, type PathwayKernel } from './pair-score.js';
import { frozenItem } from './shared-items.js';
import { SideIndex } from './side-index.js';
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
  /** The constants the score's numeric core needs. */
  kernel: PathwayKernel;
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

export function compileKnowledgeBase(kb: KnowledgeBase): CompiledKnowledgeBase {
  const pathways = kb.pathways.map(compilePathway);
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

function compilePathway(pathway: Pathway, index: number): CompiledPathway {
  const substitution = pathway.kind === 'SUBSTITUTION';
  const reachKm = Math.max(0, pathway.reachKm);
  const compiled: Omit<CompiledPathway, 'kernel'> = {
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
  return { ...compiled, kernel: pathwayKernel(compiled as CompiledPathway) };
}
