import type { Worker } from 'node:worker_threads';
import { LARGE_YOUNG_GENERATION, startModuleWorker } from '../../threads/module-worker.js';
import type { DetectedSynergy, EngineFlow, SynergyDelta } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { FLOWS_PER_MESSAGE, type DetectionReply, type DetectionRequest } from './detection-messages.js';

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  received: DetectedSynergy[];
  resolve: (reply: DetectionReply, received: DetectedSynergy[]) => void;
  reject: (error: Error) => void;
}

/**
 * The engine in a worker thread: a detection over tens of thousands of flows takes seconds of CPU, which on the
 * main thread would stall every HTTP request and socket for as long. The worker keeps the loaded detectors, so
 * incremental updates go there too (a round trip costs well under a millisecond next to the update itself).
 * If the worker dies, pending requests fail, `onLost` is told (the caller's cache no longer matches) and the next
 * request starts a new worker.
 */
export class DetectionThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly onLost: () => void,
  ) {}

  /** Loads a scope's flows into a fresh detector and returns every synergy, best first. */
  async load(scope: string, flows: EngineFlow[]): Promise<DetectedSynergy[]> {
    const id = this.nextId++;
    const done = this.expect(id);
    for (let start = 0; start === 0 || start < flows.length; start += FLOWS_PER_MESSAGE) {
      const last = start + FLOWS_PER_MESSAGE >= flows.length;
      this.send({ id, type: 'flows', scope, flows: flows.slice(start, start + FLOWS_PER_MESSAGE), last });
      // Copying a slice blocks; let waiting requests through between slices.
      if (!last) await new Promise((resolve) => setImmediate(resolve));
    }
    return (await done).received;
  }

  /** What declaring or changing one flow did; null when the worker has no detector for the scope. */
  async upsert(scope: string, flow: EngineFlow): Promise<SynergyDelta | null> {
    return this.deltaOf(this.request({ type: 'upsert', scope, flow }));
  }

  async remove(scope: string, flowId: string): Promise<SynergyDelta | null> {
    return this.deltaOf(this.request({ type: 'remove', scope, flowId }));
  }

  /** What several changes did together (each flow's new state, null once archived); null as for `upsert`. */
  async applyChanges(scope: string, changes: { flowId: string; flow: EngineFlow | null }[]): Promise<SynergyDelta | null> {
    return this.deltaOf(this.request({ type: 'changes', scope, changes }));
  }

  async forget(scope: string): Promise<void> {
    if (this.worker) await this.request({ type: 'forget', scope });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private async deltaOf(reply: Promise<{ reply: DetectionReply }>): Promise<SynergyDelta | null> {
    const { reply: r } = await reply;
    return r.type === 'delta' ? r.delta : null;
  }

  private request(message: DistributiveOmit<DetectionRequest, 'id'>): Promise<{ reply: DetectionReply }> {
    const id = this.nextId++;
    const done = this.expect(id);
    this.send({ ...message, id } as DetectionRequest);
    return done;
  }

  private expect(id: number): Promise<{ reply: DetectionReply; received: DetectedSynergy[] }> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { received: [], resolve: (reply, received) => resolve({ reply, received }), reject });
    });
  }

  private send(message: DetectionRequest): void {
    this.started().postMessage(message);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startModuleWorker(import.meta.url, './detection-worker', { workerData: { kb: this.kb }, resourceLimits: LARGE_YOUNG_GENERATION });
    // An idle worker must not keep a finished process (a CLI, a test) alive.
    worker.unref();
    worker.on('message', (reply: DetectionReply) => this.receive(reply));
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`The detection worker exited (code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private receive(reply: DetectionReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'synergies') {
      for (const synergy of reply.synergies) pending.received.push(synergy);
      if (!reply.last) return;
    }
    this.pending.delete(reply.id);
    if (reply.type === 'failed') pending.reject(new Error(`Synergy detection failed in the worker: ${reply.message}`));
    else pending.resolve(reply, pending.received);
  }

  private lose(worker: Worker, error: Error): void {
    if (this.worker !== worker && this.worker !== null) return;
    this.worker = null;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.onLost();
  }
}
