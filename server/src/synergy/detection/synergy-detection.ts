import type { EntityManager } from '@mikro-orm/postgresql';
import { loadTerritoryTree } from '../../territory/territory-tree.js';
import { SynergyDetector } from '../engine/detector.js';
import type { EngineFlow } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { loadEngineFlow, loadEngineFlows } from './engine-input.js';
import { reconcileSynergies, type ReconcileResult } from './reconcile.js';
import { Synergy } from '../model/synergy.entity.js';
import { SynergyOrigin } from '../model/synergy.enums.js';

interface Scope {
  territoryIds: string[];
  detector: SynergyDetector;
  flows: Map<string, EngineFlow>;
}

/**
 * Runs the pure engine over a territory and keeps, per territory, a loaded detector so that a flow change is
 * handled incrementally: only the synergies that flow can touch are recomputed and reconciled. The cache is a
 * speed-up, never a source of truth: any instance can drop it and rebuild from the database.
 */
export class SynergyDetection {
  private readonly scopes = new Map<string, Scope>();

  /** The knowledge base synergies are detected with; their views read pathways and factors from the same one. */
  constructor(readonly kb: KnowledgeBase) {}

  /** Full detection over a territory and the territories nested in it. */
  async detectTerritory(em: EntityManager, territoryId: string): Promise<ReconcileResult & { detected: number }> {
    const scope = await this.buildScope(em, territoryId);
    const detected = scope.detector.all();
    const consider = await em.find(Synergy, {
      origin: SynergyOrigin.DETECTED,
      current: true,
      territory: { $in: scope.territoryIds },
    });
    const result = await reconcileSynergies(em, detected, scope.flows, consider, this.kb.version);
    return { ...result, detected: detected.length };
  }

  /** A flow was declared, changed or archived: update every loaded territory that contains it. */
  async flowChanged(em: EntityManager, flowId: string, territoryChain: string[]): Promise<ReconcileResult | null> {
    if (!territoryChain.some((id) => this.scopes.has(id))) {
      // Nothing loaded yet (first change since start, or after another instance's change): load the whole
      // territory once; the database already holds this change, so the full detection includes it.
      return this.detectTerritory(em, territoryChain[territoryChain.length - 1]);
    }
    const flow = await loadEngineFlow(em, flowId);
    let total: ReconcileResult | null = null;
    for (const territoryId of territoryChain) {
      const scope = this.scopes.get(territoryId);
      if (!scope) continue;
      const delta = flow ? scope.detector.upsertFlow(flow) : scope.detector.removeFlow(flowId);
      if (flow) scope.flows.set(flow.id, flow);
      else scope.flows.delete(flowId);
      const keys = [...delta.removed, ...delta.changed.map((d) => d.key), ...delta.added.map((d) => d.key)];
      if (keys.length === 0) continue;
      const consider = await em.find(Synergy, { key: { $in: keys } });
      const result = await reconcileSynergies(em, [...delta.added, ...delta.changed], scope.flows, consider, this.kb.version);
      total = total ? merge(total, result) : result;
    }
    return total;
  }

  /** Another instance changed data: our detectors may be behind, rebuild them when next needed. */
  forget(territoryChain: string[]): void {
    for (const id of territoryChain) this.scopes.delete(id);
  }

  private async buildScope(em: EntityManager, territoryId: string): Promise<Scope> {
    const territoryIds = (await loadTerritoryTree(em)).descendantsOf(territoryId);
    const flows = await loadEngineFlows(em, territoryIds);
    const detector = new SynergyDetector(this.kb);
    detector.load(flows);
    const scope = { territoryIds, detector, flows: new Map(flows.map((f) => [f.id, f])) };
    this.scopes.set(territoryId, scope);
    return scope;
  }
}

function merge(a: ReconcileResult, b: ReconcileResult): ReconcileResult {
  return {
    suggested: [...a.suggested, ...b.suggested],
    updated: a.updated + b.updated,
    stale: a.stale + b.stale,
    withdrawn: a.withdrawn + b.withdrawn,
  };
}
