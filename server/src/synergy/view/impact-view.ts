import { canSeeDeclaredCounterfactuals, canSeeEuros } from '../../policy/impact-policy.js';
import { figuresFor } from '../engine/declared-baseline.js';
import type { MaybeViewer } from '../../policy/viewer.js';
import type { ImpactFactorUse, ImpactFigure } from '../engine/engine.types.js';
import { ImpactFactorNode, ImpactFigureNode } from './explanation.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { KnowledgeSourceNode } from './knowledge.types.js';
import { knowledgeIndex } from './knowledge-index.js';
import { roundSignificant } from './magnitudes.js';

/**
 * The impact figures one viewer may read: euros only for the organisation they concern and its facilitators;
 * before consent, figures rounded to one significant digit, no formula and no factor built on declared costs; a
 * figure built on another party's declared counterfactual as if nothing were declared (canSeeDeclaredCounterfactuals).
 */
export function viewImpacts(
  kb: KnowledgeBase,
  impacts: ImpactFigure[],
  viewer: MaybeViewer,
  territoryId: string,
  exact: boolean,
): ImpactFigureNode[] {
  const seesDeclared = (organizationIds: string[]) => canSeeDeclaredCounterfactuals(viewer, { territoryId, organizationIds });
  return figuresFor(impacts, seesDeclared)
    .filter((f) => f.indicator !== 'EUROS_SAVED' || canSeeEuros(viewer, { territoryId, organizationId: f.organizationId }))
    .map((f) => {
      const r = (x: number) => (exact ? x : roundSignificant(x, 1));
      return Object.assign(new ImpactFigureNode(), {
        indicator: f.indicator,
        low: r(f.low),
        central: r(f.central),
        high: r(f.high),
        unit: f.unit,
        // The formula quotes the matched quantity, which can reveal the other side's: exact views only.
        formula: exact ? f.formula : null,
        // Before consent: the knowledge base's factors (sourced, or orders of magnitude shown as assumptions, which are
        // constants of the knowledge base too) and sourced method values; nothing built on what the parties declared.
        factors: f.factors.filter((x) => exact || (x.id !== 'declared-cost' && (x.sourceId !== null || knowledgeIndex(kb).emissionFactors.has(x.id)))).map((x) => factorNode(kb, x)),
        basis: f.basis,
        organization: null,
        organizationDbId: f.organizationId,
      });
    });
}

/** A factor with its label and source resolved from the knowledge base, so that a reader needs no second look-up. */
function factorNode(kb: KnowledgeBase, use: ImpactFactorUse): ImpactFactorNode {
  const factor = knowledgeIndex(kb).emissionFactors.get(use.id);
  return Object.assign(new ImpactFactorNode(), {
    ...use,
    source: use.sourceId ? KnowledgeSourceNode.from(kb, use.sourceId) : null,
    labelFr: factor?.labelFr ?? null,
    labelEn: factor?.labelEn ?? null,
    kind: use.kind ?? null,
    databaseEntry: factor?.databaseEntry ?? null,
    vintage: factor?.vintage ?? null,
  });
}
