import type { EntityManager } from '@mikro-orm/postgresql';
import { loadTerritoryTree } from '../../territory/territory-tree.js';
import type { DetectedSynergy, EngineFlow } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import type { ProgressSink } from './detection-progress.js';
import { DetectionThread } from './detection-thread.js';
import { loadEngineFlow, loadEngineFlows } from './engine-input.js';
import { reconcileSynergies, type ReconcileResult } from './reconcile.js';
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
    const territoryIds = (await loadTerritoryTree(em)).descendantsOf(territoryId);
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
    let total: ReconcileResult = { suggested: [], updated: 0, stale: 0, withdrawn: 0 };
    const work = [
      ...[...batches(detected, (d) => 1 + d.flowIds.length)].map((batch) => ({ detected: batch, gone: [] as string[] })),
      ...[...batches(gone, () => 1)].map((batch) => ({ detected: [] as DetectedSynergy[], gone: batch })),
    ];
    progress('RECONCILING', 0, work.length);
    for (const [index, batch] of work.entries()) {
      total = merge(total, await this.reconcileBatch(em, batch.detected, batch.gone, flows));
      progress('RECONCILING', index + 1, work.length);
    }
    return { ...total, detected: detected.length };
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
      const delta = flow ? await this.thread.upsert(territoryId, flow) : await this.thread.remove(territoryId, flowId);
      if (!delta) {
        // The worker lost its detector (it restarted): the database holds the change, a full detection includes it.
        this.scopes.delete(territoryId);
        const result = await this.detectTerritory(em, territoryId);
        total = total ? merge(total, result) : result;
        continue;
      }
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
    for (const id of territoryChain) {
      if (this.scopes.delete(id)) void this.thread.forget(id).catch(() => {});
    }
  }

  /** Ends the worker thread (graceful shutdown). */
  stop(): Promise<void> {
    this.scopes.clear();
    return this.thread.stop();
  }

  /** One batch in an entity manager of its own, so that each flush only looks at the batch's entities. */
  private async reconcileBatch(em: EntityManager, detected: DetectedSynergy[], goneKeys: string[], flows: Map<string, EngineFlow>) {
    const batchEm = em.fork();
    const keys = [...detected.map((d) => d.key), ...goneKeys];
    const consider = await batchEm.find(Synergy, { key: { $in: keys } });
    return reconcileSynergies(batchEm, detected, flows, consider, this.kb.version);
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
  };
}
