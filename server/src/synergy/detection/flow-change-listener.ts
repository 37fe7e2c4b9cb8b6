import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppPubSub, FlowChangedPayload } from '../../pubsub/pubsub.js';
import type { SynergyDetection } from './synergy-detection.js';
import { announceSuggestions } from './announce-suggestions.js';

type FlowChangedEvent = FlowChangedPayload;

/**
 * Keeps synergies current as flows change: FLOW_CHANGED events published by this instance are handled
 * incrementally (only what the flows can touch is recomputed and reconciled); events of other instances only drop
 * our cached detectors. Handled one batch at a time, in order; SynergyDetection also orders them with full
 * detections of the same root (and with other instances' reconciliations, root-lock.ts). The
 * events that arrive while a batch is being handled form the next batch: a burst of N declarations costs a few
 * detections of their neighbourhoods, not N reconciliations of a neighbourhood that grows with each of them.
 */
export function followFlowChanges(orm: MikroORM, appPubSub: AppPubSub, detection: SynergyDetection) {
  const iterator = appPubSub.pubSub.subscribe('FLOW_CHANGED')[Symbol.asyncIterator]();
  let idle: Promise<void> = Promise.resolve();
  let stopped = false;
  const queue: FlowChangedEvent[] = [];
  let scheduled = false;

  const handle = async (events: FlowChangedEvent[]) => {
    // Consecutive events of this instance are handled together; another instance's event in between is a barrier.
    for (let start = 0; start < events.length; ) {
      if (events[start].origin !== appPubSub.instanceId) {
        detection.forget(events[start++].territoryChain);
        continue;
      }
      let end = start;
      while (end < events.length && events[end].origin === appPubSub.instanceId) end++;
      const run = events.slice(start, end);
      start = end;
      try {
        const em = orm.em.fork();
        const result = await detection.flowsChanged(em, run.map((e) => ({ flowId: e.flowId, territoryChain: e.territoryChain })));
        if (result?.suggested.length) await announceSuggestions(em, appPubSub.pubSub, result.suggested, { tellFacilitators: true });
      } catch (error) {
        // A failed update leaves the cache unreliable: rebuild on next use rather than serve a wrong state.
        for (const e of run) detection.forget(e.territoryChain);
        console.error('Updating synergies after a flow change failed:', error);
      }
    }
  };

  const loop = (async () => {
    while (!stopped) {
      const next = await iterator.next();
      if (next.done) return;
      queue.push(next.value as FlowChangedEvent);
      if (scheduled) continue;
      scheduled = true;
      idle = idle.then(() => {
        scheduled = false;
        return handle(queue.splice(0));
      });
    }
  })();
  return {
    /** Resolves when every event received so far has been handled (tests, graceful shutdown). */
    settled: () => idle,
    async stop() {
      stopped = true;
      await iterator.return?.();
      await loop.catch(() => {});
      await idle;
    },
  };
}
