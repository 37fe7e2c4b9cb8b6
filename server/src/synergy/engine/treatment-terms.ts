import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineFlow, ImpactFactorUse } from './engine.types.js';
import { divertedShare, scaleRange } from './impact-factors.js';
import type { Co2Term } from './impact-figures.js';
import { recyclingYield } from './net-economics.js';
import { processTerms } from './process-terms.js';
import { flat } from './shared-items.js';

/**
 * What a treatment adds to a CO2e figure beyond the avoided production and disposal: its process terms
 * (process-terms.ts: the heat a burnt stream no longer gives, distillation, crushing) and its recycling yield
 * (net-economics.ts). A substitution applies those of its own pathway; a pool applies those of the substitution
 * pathways its stream is sent to (POOL_OUTLETS), through the same two functions, so that a pool and the pairs of the
 * same stream and treatment count a tonne alike (docs/impact-method.md § 5).
 */

/**
 * Recycling yield on the avoided terms of `terms` (the positive ones: production and disposal; transport and process
 * terms are added after). Rejects and losses of recycling are still disposed of: the yield scales the avoided
 * disposal, and the avoided production unless its factor is per t recovered (net-economics.ts). The yield's factor,
 * to join to the figure's, or null when the route has none.
 */
export function withRecyclingYield(pathway: Pathway, productionId: string | undefined, terms: Co2Term[]): ImpactFactorUse | null {
  const y = recyclingYield(pathway, productionId);
  if (!y) return null;
  for (const t of terms) {
    if (t.sign < 0) continue;
    // A production factor per t recovered holds the losses already; the rejects' disposal still happens.
    if (y.disposalOnly && t.factor.factor.id === productionId) continue;
    t.quantity = scaleRange(t.quantity, y.yield);
    t.label = `${t.label}${y.note}`;
  }
  return y.use;
}

/**
 * The substitution pathways a pooled stream is sent to, by pool id (method code, as PROCESS_TERMS): the treatment the
 * pool's description names. A pool has no route of its own; the process terms and the recycling yield are those of
 * its outlets. Several outlets: a rule applies only if every outlet applies it alike (the pool does not say how its
 * stream splits between them), so outlets must share their process terms (treatment-terms.test.ts) and the yield is
 * dropped when they do not share one. The yield is read from the outlet's avoided-production factor, which the pool
 * credits too when it credits one (same test). The waste-wood pool's platform sorts between reuse and particleboard
 * (and wood fuel, which is the share not diverted): every route above burning deducts the heat the wood gave, while
 * the recycling yield is the particleboard route's alone, so the pool counts the heat lost and no yield.
 */
export const POOL_OUTLETS: Record<string, readonly string[]> = {
  'pool-pallet-collection': ['pallets-repair-reuse'],
  'pool-wood-waste-collection': ['deconstruction-timber-reuse', 'solid-wood-offcuts-reuse', 'wood-waste-particleboard'],
  'pool-plastic-film-collection': ['pe-film-recycling'],
  'pool-inert-crushing-campaign': ['concrete-recycled-aggregates', 'mixed-rubble-subbase'],
  'pool-solvent-regeneration': ['solvent-distillation'],
};

interface PoolTreatment {
  /** The outlet whose process terms apply (all outlets share them). */
  processOf: Pathway;
  /** The outlet whose recycling yield applies, or null when the outlets do not share one. */
  yieldOf: Pathway | null;
  note: string;
}

const TREATMENTS = new WeakMap<CompiledKnowledgeBase, Map<string, PoolTreatment | null>>();

/** A pool's treatment, once per knowledge base and pool (null when the pool names no outlet). */
function poolTreatment(pool: Pathway, kb: CompiledKnowledgeBase): PoolTreatment | null {
  let byPool = TREATMENTS.get(kb);
  if (!byPool) TREATMENTS.set(kb, (byPool = new Map()));
  if (byPool.has(pool.id)) return byPool.get(pool.id)!;
  const outlets: Pathway[] = [];
  for (const id of POOL_OUTLETS[pool.id] ?? []) {
    const outlet = kb.kb.pathways.find((p) => p.id === id && p.kind === 'SUBSTITUTION' && p.unit === pool.unit);
    if (outlet) outlets.push(outlet);
  }
  let treatment: PoolTreatment | null = null;
  if (outlets.length > 0) {
    // recyclingYield gives one object per yield entry: the same object for every outlet means the same yield.
    const yields = outlets.map((o) => recyclingYield(o, o.impact.avoidedProductionFactorId));
    const shared = yields[0] !== null && yields.every((y) => y === yields[0]);
    const some = yields.some((y) => y !== null);
    const their = outlets.length > 1 ? 'their' : 'its';
    const applied = shared ? `${their} process terms and recycling yield apply` : `${their} process terms apply`;
    const noYield = some && !shared ? '; no recycling yield: it is not the same on every route the pool may take' : '';
    treatment = {
      processOf: outlets[0],
      yieldOf: shared ? outlets[0] : null,
      note: flat(` — the pool's stream goes to ${outlets.map((o) => o.id).join(', ')}: ${applied}, as to a substitution there${noYield}`),
    };
  }
  byPool.set(pool.id, treatment);
  return treatment;
}

/** A pool member: its flow (for its declared destination) and its quantity in the pool's unit. */
export interface TreatedMember {
  flow: EngineFlow;
  quantity: number | null;
}

/**
 * Applies a pool's treatment to its avoided `terms` (before transport is added): the recycling yield on the avoided
 * terms, then each member's process terms on its quantity × the share its declared destination diverts (as a
 * substitution of that member's stream would, destination by destination), summed term by term. Returns the words
 * to add to the formula and the yield's factor, or null when the pool names no outlet.
 */
export function applyPoolTreatment(
  pool: Pathway,
  members: readonly TreatedMember[],
  terms: Co2Term[],
  kb: CompiledKnowledgeBase,
): { note: string; yieldUse: ImpactFactorUse | null } | null {
  if (terms.length === 0) return null;
  const treatment = poolTreatment(pool, kb);
  if (!treatment) return null;
  const yieldUse = treatment.yieldOf ? withRecyclingYield(treatment.yieldOf, treatment.yieldOf.impact.avoidedProductionFactorId, terms) : null;
  const summed: Co2Term[] = [];
  for (const m of members) {
    if (m.quantity === null) continue;
    const destination = m.flow.currentDestination;
    const share = divertedShare(destination);
    if (share.high === 0) continue;
    for (const t of processTerms(treatment.processOf, m.quantity, share, destination, kb)) {
      const same = summed.find((s) => s.label === t.label && s.factor.factor.id === t.factor.factor.id);
      if (!same) {
        summed.push(t);
        continue;
      }
      same.quantity = { low: same.quantity.low + t.quantity.low, central: same.quantity.central + t.quantity.central, high: same.quantity.high + t.quantity.high };
    }
  }
  terms.push(...summed);
  return { note: treatment.note, yieldUse };
}
