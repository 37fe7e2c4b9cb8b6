import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import type { ImpactFigure } from './engine.types.js';

/**
 * The auditor's check of impact figures (issue 14): every figure names the factors it rests on; every factor is
 * either the organisations' declared data, a stated assumption of the method, or backed by a source of the
 * knowledge base of its own kind — an emission database backs emission factors, not jobs ratios or prices — and an
 * emission factor is an entry of the knowledge base naming its database item and vintage.
 * Returns readable problems; an empty list means every figure can be traced.
 */
export function auditImpactSources(figures: Iterable<ImpactFigure>, kb: KnowledgeBase): string[] {
  const kinds = new Map(kb.sources.map((s) => [s.id, new Set<string>(s.kinds)]));
  const entries = new Map(kb.emissionFactors.map((f) => [f.id, f]));
  const problems = new Set<string>();
  for (const figure of figures) {
    const what = `${figure.indicator} "${figure.formula.slice(0, 60)}"`;
    if (figure.factors.length === 0) problems.add(`${what}: lists no factor`);
    for (const use of figure.factors) {
      if (use.kind === 'DECLARED' || use.kind === 'ASSUMPTION') {
        if (use.sourceId !== null) problems.add(`${use.id}: ${use.kind} but cites ${use.sourceId}`);
        continue;
      }
      if (!use.sourceId) {
        problems.add(`${use.id}: a ${use.kind} factor with no source`);
        continue;
      }
      if (use.kind === 'EMISSION') {
        // An emission factor an auditor can look up: a knowledge-base entry naming its database item and vintage.
        const entry = entries.get(use.id);
        if (!entry) problems.add(`${use.id}: an EMISSION factor that is not in the knowledge base`);
        else if (!entry.databaseEntry?.trim() || !entry.vintage?.trim()) problems.add(`${use.id}: names no database entry or vintage`);
        else if (entry.derivation === 'ORDER_OF_MAGNITUDE') problems.add(`${use.id}: an order of magnitude (no database item) shown as an EMISSION factor`);
        else if (entry.sourceId !== use.sourceId) problems.add(`${use.id}: cites ${use.sourceId}, its entry ${entry.sourceId}`);
      }
      const sourceKinds = kinds.get(use.sourceId);
      if (!sourceKinds) problems.add(`${use.id}: unknown source ${use.sourceId}`);
      else if (!sourceKinds.has(use.kind)) problems.add(`${use.id}: source ${use.sourceId} is not a ${use.kind} source`);
    }
  }
  return [...problems].sort();
}

/** Ids of the factors that are stated assumptions in `figures`: each must be written out in docs/impact-method.md. */
export function assumptionIds(figures: Iterable<ImpactFigure>): string[] {
  const ids = new Set<string>();
  for (const f of figures) for (const use of f.factors) if (use.kind === 'ASSUMPTION') ids.add(use.id);
  return [...ids].sort();
}
