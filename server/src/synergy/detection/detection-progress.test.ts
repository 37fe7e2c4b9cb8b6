import { describe, expect, it } from 'vitest';
import { createPubSub } from '@graphql-yoga/subscription';
import type { Topics } from '../../pubsub/pubsub.js';
import { detectionProgress, percentOf } from './detection-progress.js';

describe('detection progress', () => {
  it('fills each phase’s span by the share of its steps, never going back', () => {
    expect(percentOf('READING')).toBe(0);
    expect(percentOf('DETECTING')).toBe(5);
    expect(percentOf('RECONCILING', 0, 10)).toBe(35);
    expect(percentOf('RECONCILING', 5, 10)).toBe(65);
    expect(percentOf('RECONCILING', 10, 10)).toBe(95);
    expect(percentOf('RECONCILING', 12, 10)).toBe(95);
    expect(percentOf('ANNOUNCING')).toBe(95);
    expect(percentOf('DONE')).toBe(100);
    const sequence = [percentOf('READING'), percentOf('DETECTING'), ...Array.from({ length: 11 }, (_, i) => percentOf('RECONCILING', i, 10)), percentOf('ANNOUNCING'), percentOf('DONE')];
    expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
  });

  it('publishes when the phase or the whole percentage changes, and the counts at the end', async () => {
    const pubSub = createPubSub<Topics>();
    const events: Topics['DETECTION_PROGRESS'][0][] = [];
    const iterator = pubSub.subscribe('DETECTION_PROGRESS')[Symbol.asyncIterator]();
    const reading = (async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        events.push(next.value);
        if (next.value.phase === 'DONE') return;
      }
    })();
    const run = detectionProgress(pubSub, 'territory-1');
    run.sink('READING');
    run.sink('READING');
    run.sink('DETECTING');
    for (let i = 0; i <= 1000; i++) run.sink('RECONCILING', i, 1000);
    run.sink('ANNOUNCING');
    run.done({ detected: 3, suggested: 1, updated: 2, stale: 0, withdrawn: 0 });
    await reading;
    expect(events.every((e) => e.runId === run.runId && e.territoryId === 'territory-1')).toBe(true);
    expect(events.filter((e) => e.phase === 'RECONCILING')).toHaveLength(61);
    expect(events.length).toBeLessThanOrEqual(65);
    expect(events.at(-1)).toMatchObject({ phase: 'DONE', percent: 100, report: { detected: 3, suggested: 1 } });
    expect(events.slice(0, -1).every((e) => e.report === null)).toBe(true);
  });
});
