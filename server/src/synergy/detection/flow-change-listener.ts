import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppPubSub } from '../../pubsub/pubsub.js';
import type { SynergyDetection } from './synergy-detection.js';
import { announceSuggestions } from './announce-suggestions.js';

/**
 * Keeps synergies current as flows change: each FLOW_CHANGED published by this instance is handled incrementally
 * (only what the flow can touch is recomputed and reconciled); events of other instances only drop our cached
 * detectors. Handled one at a time, in order, so reconciliations never race each other.
 */
export function followFlowChanges(orm: MikroORM, appPubSub: AppPubSub, detection: SynergyDetection) {
  const iterator = appPubSub.pubSub.subscribe('FLOW_CHANGED')[Symbol.asyncIterator]();
  let idle: Promise<void> = Promise.resolve();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const next = await iterator.next();
      if (next.done) return;
      const event = next.value;
      idle = idle.then(async () => {
        try {
          if (event.origin !== appPubSub.instanceId) return detection.forget(event.territoryChain);
          const em = orm.em.fork();
          const result = await detection.flowChanged(em, event.flowId, event.territoryChain);
          if (result?.suggested.length) await announceSuggestions(em, appPubSub.pubSub, result.suggested, { tellFacilitators: true });
        } catch (error) {
          // A failed update leaves the cache unreliable: rebuild on next use rather than serve a wrong state.
          detection.forget(event.territoryChain);
          console.error('Updating synergies after a flow change failed:', error);
        }
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
