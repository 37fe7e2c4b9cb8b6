import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadTerritoryTree } from '../../territory/territory-tree.js';
import type { DetectedSynergy, EngineFlow } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import type { DetectionCounts, ProgressSink } from './detection-progress.js';
import { DetectionThread } from './detection-thread.js';
import { sameJsonText } from '../engine/same-json-text.js';
import { loadEngineFlows, loadEngineFlowsById } from './engine-input.js';
import { matchPools } from './pool-identity.js';
import { advisoryRootLocks, type RootLocks } from './root-lock.js';
import { RootQueue } from './root-queue.js';
import { batches, mergeResults } from './reconcile-batches.js';
import { commonTerritory, reconcileSynergies, type ReconcileResult, type TerritoryTree } from './reconcile.js';
import { Synergy } from '../model/synergy.entity.js';

interface Scope {
  /** The root and every territory nested in it when it was loaded: if the tree changed since, it is loaded again. */
  territoryIds: string[];
  /** The flows the worker's detector holds, as it holds them: reconciliation fingerprints them. */
  flows: Map<string, EngineFlow>;
  /**
   * When (this instance's tick) the flows a full reconciliation used were read, once it succeeded (0 before): a
   * batch of changes received before then is included in it.
   */
  readAt: number;
  /** Names this detector in synergy_root_reconciliation (root-lock.ts): new at each load. */
  token: string;
}

/** What a batch found under the root's lock when another detector reconciled the root since this one did. */
const BEHIND = Symbol('behind');

/** Flows compared (catchUp) between two turns of the event loop: about 10 ms of CPU. */
const COMPARED_PER_TURN = 2_000;

/** What a full detection did: every suggestion (each is announced to its parties), and the counts it reports. */
export interface DetectionOutcome {
  suggested: Synergy[];
  /** About the synergies stored in the territory asked for and those nested in it (see detectTerritory). */
  counts: DetectionCounts;
}

/**
 * Runs the engine (in a worker thread) over a ROOT territory and keeps, per root, a loaded detector so that a flow
 * change is handled incrementally: only the synergies that flow can touch are recomputed and reconciled. The cache
 * is a speed-up, never a source of truth: any instance can drop it and rebuild from the database.
 *
 * Only roots are detected. The engine's answer over some flows is not part of its answer over more flows: a flow's
 * counterpart list keeps its best few, a pool gathers whoever is near. Detected over Val de Fensch alone, a Val de
 * Fensch flow keeps counterparts that, over Lorraine Nord, better ones outside Val de Fensch push out. One set of
 * flows must therefore be the truth, and the root's is the only one that sees every candidate of every flow in it
 * (nothing is matched across roots). So the stored synergies are those a full detection of the root stores, whatever
 * was detected before and in whatever order, on any instance: a nested territory's synergies are the root's whose
 * members all lie in it (synergy.territory_id, the smallest territory containing them all).
 */
export class SynergyDetection {
  private readonly scopes = new Map<string, Scope>();
  private readonly thread: DetectionThread;
  /** One detection or batch per root at a time on this instance; root-lock.ts orders them across instances. */
  private readonly queue = new RootQueue();
  /** Orders reads of the flows and receipts of changes on this instance (see Scope.readAt). */
  private ticks = 0;

  /**
   * `kb`: the knowledge base synergies are detected with; their views read pathways and factors from the same one.
   * `locks`: how reconciliations of a root are ordered across processes (root-lock.ts).
   */
  constructor(
    readonly kb: KnowledgeBase,
    private readonly locks: RootLocks = advisoryRootLocks(),
  ) {
    this.thread = new DetectionThread(kb, () => this.scopes.clear());
  }

  /**
   * Full detection of a territory: of its root, which stores the territory's synergies as it stores all others
   * (see the class). The counts are about the synergies stored in `territoryId` and the territories nested in it,
   * as before (a facilitator of Val de Fensch learns nothing of the rest of Lorraine Nord from them); so is the
   * progress, which for a nested territory tells the phases only, not the root's batches. `progress` is told how far
   * it is.
   */
  async detectTerritory(em: EntityManager, territoryId: string, progress: ProgressSink = () => {}): Promise<DetectionOutcome> {
    progress('READING');
    const tree = await loadTerritoryTree(em);
    const root = rootOf(tree, territoryId);
    const reported = new Set(tree.descendantsOf(territoryId));
    const counted = (id: string) => reported.has(id);
    const phasesOnly: ProgressSink = (phase, done, total) => progress(phase, total && done === total ? 1 : 0, 1);
    const { result, detected, flows } = await this.queue.run(root, () => this.detectRoot(em, tree, root, root === territoryId ? progress : phasesOnly, counted));
    const here = detected.filter((d) => counted(commonTerritory(tree, d.flowIds.map((id) => flows.get(id)!.territoryId))));
    const { suggested, updated, stale, withdrawn } = result;
    return {
      suggested,
      counts: { detected: here.length, suggested: suggested.filter((s) => counted(s.territory.id)).length, updated, stale, withdrawn },
    };
  }

  /**
   * Loads the root's flows into a fresh detector and reconciles every stored synergy of the root with its answer.
   * Detected without the root's lock (it takes seconds on a large root); under it, flows changed meanwhile (by
   * another instance, or by this one in a batch queued behind) are applied to the detector before reconciling.
   */
  private async detectRoot(em: EntityManager, tree: TerritoryTree, root: string, progress: ProgressSink, counted?: (territoryId: string) => boolean) {
    const territoryIds = tree.descendantsOf(root);
    const flowList = await loadEngineFlows(em, territoryIds);
    const scope: Scope = { territoryIds, flows: new Map(flowList.map((f) => [f.id, f])), readAt: 0, token: randomUUID() };
    progress('DETECTING');
    let detected = await this.thread.load(root, flowList);
    this.scopes.set(root, scope);
    return this.locks.hold(em, root, async (lock) => {
      const readAt = ++this.ticks;
      detected = await this.catchUp(em, root, scope, detected);
      const storedKeys: { key: string }[] = await em.execute(
        `select key from synergy where origin = 'DETECTED' and current and territory_id = ${ANY_UUID}`,
        [sqlList(territoryIds)],
      );
      const detectedKeys = new Set(detected.map((d) => d.key));
      const gone = storedKeys.map((r) => r.key).filter((key) => !detectedKeys.has(key));
      const result = await this.reconcileInBatches(em, detected, gone, scope.flows, tree, progress, counted);
      lock.reconciledBy(scope.token);
      scope.readAt = readAt;
      return { result, detected, flows: scope.flows };
    });
  }

  /**
   * Brings a detector loaded from an earlier read up to the flows the database holds now, and returns its answer:
   * the changed flows only go through the worker. Called under the root's lock, so no other reconciliation writes
   * meanwhile; the changes are few unless detection took long on a busy root.
   */
  private async catchUp(em: EntityManager, root: string, scope: Scope, detected: DetectedSynergy[]): Promise<DetectedSynergy[]> {
    const now = await loadEngineFlows(em, scope.territoryIds);
    const byId = new Map(now.map((f) => [f.id, f]));
    const changes: { flowId: string; flow: EngineFlow | null }[] = [];
    for (const [index, f] of now.entries()) {
      const before = scope.flows.get(f.id);
      if (!before || !sameJsonText(before, f)) changes.push({ flowId: f.id, flow: f });
      // About 45 ms of CPU per 10k flows: let requests through every few thousand.
      if (index % COMPARED_PER_TURN === COMPARED_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    for (const id of scope.flows.keys()) if (!byId.has(id)) changes.push({ flowId: id, flow: null });
    scope.flows = byId;
    if (changes.length === 0) return detected;
    const delta = await this.thread.applyChanges(root, changes);
    // The worker lost the detector meanwhile (restarted, or told to forget): load it again, still under the lock.
    if (!delta) return this.thread.load(root, now);
    const byKey = new Map(detected.map((d) => [d.key, d]));
    for (const key of delta.removed) byKey.delete(key);
    for (const d of [...delta.added, ...delta.changed]) byKey.set(d.key, d);
    return [...byKey.values()];
  }

  /** A flow was declared, changed or archived: update its root's detector (see the class). */
  flowChanged(em: EntityManager, flowId: string, territoryChain: string[]): Promise<ReconcileResult | null> {
    return this.flowsChanged(em, [{ flowId, territoryChain }]);
  }

  /**
   * Flows were declared, changed or archived (a burst, in the order published): the root of each is updated once
   * for them all — their current rows read in one query, applied in the worker in one request, and the synergies
   * they touched reconciled once, in their final state. A root not loaded yet (first change since start, after
   * another instance's change, or after the territory tree changed) is detected in full instead: the database
   * already holds every change of the burst.
   */
  async flowsChanged(em: EntityManager, changes: { flowId: string; territoryChain: string[] }[]): Promise<ReconcileResult | null> {
    const receivedAt = ++this.ticks;
    let total: ReconcileResult | null = null;
    // One statement of tens of rows: the roots as they are now (an import may have moved a territory).
    const tree = await loadTerritoryTree(em);
    const byRoot = new Map<string, Set<string>>();
    for (const { flowId, territoryChain } of changes) {
      const root = rootOf(tree, territoryChain[0]);
      let flowIds = byRoot.get(root);
      if (!flowIds) byRoot.set(root, (flowIds = new Set()));
      flowIds.add(flowId);
    }
    for (const [root, flowIds] of byRoot) {
      const result = await this.queue.run(root, () => this.rootChanged(em, tree, root, [...flowIds], receivedAt));
      if (result) total = total ? mergeResults(total, result) : result;
    }
    return total;
  }

  /** One root's share of a batch (see flowsChanged), its turn come in the root's queue. */
  private async rootChanged(em: EntityManager, tree: TerritoryTree, root: string, flowIds: string[], receivedAt: number): Promise<ReconcileResult | null> {
    const scope = this.scopes.get(root);
    // A full detection read the flows after these changes reached us, hence after they were committed: done.
    if (scope && scope.readAt > receivedAt) return null;
    if (!scope || !this.loaded(tree, root)) return (await this.detectRoot(em, tree, root, () => {})).result;
    const outcome = await this.locks.hold(em, root, async (lock) => {
      // Another detector reconciled the root since this one did: its writes are not in this one's answer.
      if (lock.lastReconciledBy !== scope.token) return BEHIND;
      const current = await loadEngineFlowsById(em, flowIds);
      const list = flowIds.map((flowId) => ({ flowId, flow: current.get(flowId) ?? null }));
      const delta = await this.thread.applyChanges(root, list);
      // The worker lost its detector (it restarted): the database holds the change, a full detection includes it.
      if (!delta) return BEHIND;
      for (const { flowId, flow } of list) {
        if (flow) scope.flows.set(flowId, flow);
        else scope.flows.delete(flowId);
      }
      lock.reconciledBy(scope.token);
      const detected = [...delta.added, ...delta.changed];
      if (detected.length === 0 && delta.removed.length === 0) return null;
      return this.reconcileInBatches(em, detected, delta.removed, scope.flows, tree);
    });
    if (outcome !== BEHIND) return outcome;
    this.scopes.delete(root);
    return (await this.detectRoot(em, tree, root, () => {})).result;
  }

  /** Whether `root`'s detector is loaded over the territories the tree now nests in it. */
  private loaded(tree: TerritoryTree, root: string): boolean {
    const scope = this.scopes.get(root);
    if (!scope) return false;
    const now = tree.descendantsOf(root);
    const then = new Set(scope.territoryIds);
    if (now.length === then.size && now.every((id) => then.has(id))) return true;
    this.scopes.delete(root);
    return false;
  }

  /** Another instance changed data: our detectors may be behind, rebuild them when next needed. */
  forget(territoryChain: string[]): void {
    for (const id of territoryChain) {
      if (this.scopes.delete(id)) void this.thread.forget(id).catch(() => {});
    }
  }

  /** Ends the worker thread (graceful shutdown). */
  async stop(): Promise<void> {
    this.scopes.clear();
    await this.locks.close();
    await this.thread.stop();
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
    counted?: (territoryId: string) => boolean,
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
      total = mergeResults(total, await reconcileSynergies(batchEm, batch.detected, flows, consider, { knowledgeBaseVersion: this.kb.version, tree, pools, counted }));
      progress('RECONCILING', index + 1, work.length);
    }
    return total;
  }
}

/** The territory at the top of `territoryId`'s chain. */
function rootOf(tree: TerritoryTree, territoryId: string): string {
  const chain = tree.ancestorsOf(territoryId);
  return chain[chain.length - 1];
}
