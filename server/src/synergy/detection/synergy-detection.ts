import type { EntityManager } from '@mikro-orm/postgresql';
import { loadTerritoryTree } from '../../territory/territory-tree.js';
import type { DetectedSynergy, EngineFlow } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import type { ProgressSink } from './detection-progress.js';
import { DetectionThread } from './detection-thread.js';
import { loadEngineFlows, loadEngineFlowsById } from './engine-input.js';
import { matchPools } from './pool-identity.js';
import { reconcileSynergies, type ReconcileResult, type TerritoryTree } from './reconcile.js';
import { Synergy } from '../model/synergy.entity.js';

interface Scope {
  territoryIds: string[];
  /** The flows the worker's detector holds, as it holds them: reconciliation fingerprints them. */
  flows: Map<string, EngineFlow>;
}

/**
 * Rows (synergies and their participants) reconciled per flush: each batch is a short burst of work between
 * database round trips, so a detection that reconciles thousands of synergies never holds the event loop for long.
 * Counted in rows, not synergies: a mutualisation may have dozens of participants.
 */
const RECONCILE_BATCH_ROWS = 100;

/**
 * Runs the engine (in a worker thread) over a territory and keeps, per territory, a loaded detector so that a flow
 * change is handled incrementally: only the synergies that flow can touch are recomputed and reconciled. The cache
 * is a speed-up, never a source of truth: any instance can drop it and rebuild from the database.
 */
export class SynergyDetection {
  private readonly scopes = new Map<string, Scope>();
  private readonly thread: DetectionThread;

  /** The knowledge base synergies are detected with; their views read pathways and factors from the same one. */
  constructor(readonly kb: KnowledgeBase) {
    this.thread = new DetectionThread(kb, () => this.scopes.clear());
  }

  /** Full detection over a territory and the territories nested in it, telling `progress` how far it is. */
  async detectTerritory(em: EntityManager, territoryId: string, progress: ProgressSink = () => {}): Promise<ReconcileResult & { detected: number }> {
    progress('READING');
    const tree = await loadTerritoryTree(em);
    const territoryIds = tree.descendantsOf(territoryId);
    const flowList = await loadEngineFlows(em, territoryIds);
    const flows = new Map(flowList.map((f) => [f.id, f]));
    progress('DETECTING');
    const detected = await this.thread.load(territoryId, flowList);
    this.scopes.set(territoryId, { territoryIds, flows });
    const storedKeys: { key: string }[] = await em.execute(
      `select key from synergy where origin = 'DETECTED' and current and territory_id = ${ANY_UUID}`,
      [sqlList(territoryIds)],
    );
    const detectedKeys = new Set(detected.map((d) => d.key));
    const gone = storedKeys.map((r) => r.key).filter((key) => !detectedKeys.has(key));
    const total = await this.reconcileInBatches(em, detected, gone, flows, tree, progress);
    return { ...total, detected: detected.length };
  }

  /** A flow was declared, changed or archived: update every loaded territory that contains it. */
  flowChanged(em: EntityManager, flowId: string, territoryChain: string[]): Promise<ReconcileResult | null> {
    return this.flowsChanged(em, [{ flowId, territoryChain }]);
  }

  /**
   * Flows were declared, changed or archived (a burst, in the order published): every loaded territory containing
   * them is updated once for them all — their current rows read in one query, applied in the worker in one
   * request, and the synergies they touched reconciled once, in their final state.
   */
  async flowsChanged(em: EntityManager, changes: { flowId: string; territoryChain: string[] }[]): Promise<ReconcileResult | null> {
    let total: ReconcileResult | null = null;
    const add = (result: ReconcileResult) => (total = total ? merge(total, result) : result);
    // Territories detected in full here read the database, which already holds every change of the burst.
    const detectedNow = new Set<string>();
    const byScope = new Map<string, Set<string>>();
    for (const { flowId, territoryChain } of changes) {
      if (!territoryChain.some((id) => this.scopes.has(id))) {
        // Nothing loaded yet (first change since start, or after another instance's change): load the whole
        // territory once; the database already holds this change, so the full detection includes it.
        const root = territoryChain[territoryChain.length - 1];
        add(await this.detectTerritory(em, root));
        detectedNow.add(root);
        continue;
      }
      for (const territoryId of territoryChain) {
        if (!this.scopes.has(territoryId) || detectedNow.has(territoryId)) continue;
        let flowIds = byScope.get(territoryId);
        if (!flowIds) byScope.set(territoryId, (flowIds = new Set()));
        flowIds.add(flowId);
      }
    }
    if (byScope.size === 0) return total;
    const current = await loadEngineFlowsById(em, [...new Set([...byScope.values()].flatMap((ids) => [...ids]))]);
    let tree: TerritoryTree | undefined;
    for (const [territoryId, flowIds] of byScope) {
      const scope = this.scopes.get(territoryId);
      if (!scope) continue;
      const list = [...flowIds].map((flowId) => ({ flowId, flow: current.get(flowId) ?? null }));
      const delta = await this.thread.applyChanges(territoryId, list);
      if (!delta) {
        // The worker lost its detector (it restarted): the database holds the change, a full detection includes it.
        this.scopes.delete(territoryId);
        add(await this.detectTerritory(em, territoryId));
        continue;
      }
      for (const { flowId, flow } of list) {
        if (flow) scope.flows.set(flowId, flow);
        else scope.flows.delete(flowId);
      }
      const detected = [...delta.added, ...delta.changed];
      if (detected.length === 0 && delta.removed.length === 0) continue;
      tree ??= await loadTerritoryTree(em);
      add(await this.reconcileInBatches(em, detected, delta.removed, scope.flows, tree));
    }
    return total;
  }

  /** Another instance changed data: our detectors may be behind, rebuild them when next needed. */
  forget(territoryChain: string[]): void {
    for (const id of territoryChain) {
      if (this.scopes.delete(id)) void this.thread.forget(id).catch(() => {});
    }
  }

  /** Ends the worker thread (graceful shutdown). */
  stop(): Promise<void> {
    this.scopes.clear();
    return this.thread.stop();
  }

  /**
   * Reconciles `detected` and the stored keys that are `gone`, in batches of about RECONCILE_BATCH_ROWS rows, each
   * in an entity manager of its own so that each flush only looks at the batch's entities. A pool that regrouped
   * (matchPools) is reconciled in the same batch as the stored pool it takes over.
   */
  private async reconcileInBatches(
    em: EntityManager,
    detected: DetectedSynergy[],
    gone: string[],
    flows: Map<string, EngineFlow>,
    tree: TerritoryTree,
    progress: ProgressSink = () => {},
  ): Promise<ReconcileResult> {
    const pools = matchPools(
      detected.map((d) => d.key),
      gone,
    );
    const paired = new Set(pools.values());
    const work = [
      ...[...batches(detected, (d) => 1 + d.flowIds.length)].map((batch) => ({
        detected: batch,
        gone: batch.flatMap((d) => (pools.has(d.key) ? [pools.get(d.key)!] : [])),
      })),
      ...[...batches(gone.filter((key) => !paired.has(key)), () => 1)].map((batch) => ({ detected: [] as DetectedSynergy[], gone: batch })),
    ];
    let total: ReconcileResult = { suggested: [], updated: 0, stale: 0, withdrawn: 0, regrouped: 0 };
    progress('RECONCILING', 0, work.length);
    for (const [index, batch] of work.entries()) {
      const batchEm = em.fork();
      const keys = [...batch.detected.map((d) => d.key), ...batch.gone];
      const consider = await batchEm.find(Synergy, { key: { $in: keys } });
      total = merge(total, await reconcileSynergies(batchEm, batch.detected, flows, consider, { knowledgeBaseVersion: this.kb.version, tree, pools }));
      progress('RECONCILING', index + 1, work.length);
    }
    return total;
  }
}

function* batches<T>(items: T[], rows: (item: T) => number): Generator<T[]> {
  let batch: T[] = [];
  let size = 0;
  for (const item of items) {
    batch.push(item);
    size += rows(item);
    if (size >= RECONCILE_BATCH_ROWS) {
      yield batch;
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

function merge(a: ReconcileResult, b: ReconcileResult): ReconcileResult {
  return {
    suggested: [...a.suggested, ...b.suggested],
    updated: a.updated + b.updated,
    stale: a.stale + b.stale,
    withdrawn: a.withdrawn + b.withdrawn,
    regrouped: a.regrouped + b.regrouped,
  };
}
