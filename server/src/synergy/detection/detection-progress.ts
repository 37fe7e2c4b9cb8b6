import { randomUUID } from 'node:crypto';
import type { AppPubSub, DetectionProgressPayload } from '../../pubsub/pubsub.js';

export type DetectionPhase = DetectionProgressPayload['phase'];
export type DetectionCounts = NonNullable<DetectionProgressPayload['report']>;

/** Told by a detection as it goes: a phase, and within it how many steps of how many are done. */
export type ProgressSink = (phase: DetectionPhase, done?: number, total?: number) => void;

/**
 * Where each phase sits on the bar, from what a run on the demo territory and on generated 10k-flow territories
 * spends in it: reading the flows is quick, the engine a third, writing the synergies (batch by batch) the most.
 */
const SPAN: Record<DetectionPhase, [number, number]> = {
  READING: [0, 5],
  DETECTING: [5, 35],
  RECONCILING: [35, 95],
  ANNOUNCING: [95, 99],
  DONE: [100, 100],
  FAILED: [100, 100],
};

/** The percentage a run has reached: the phase's span, filled by the share of its steps done. */
export function percentOf(phase: DetectionPhase, done = 0, total = 0): number {
  const [from, to] = SPAN[phase];
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return Math.floor(from + (to - from) * share);
}

/**
 * One detection run's progress, published on DETECTION_PROGRESS (through Redis when several instances share it):
 * an event when the phase or the whole percentage changes, never more, so that a run of thousands of batches
 * sends at most about a hundred events.
 */
export function detectionProgress(pubSub: AppPubSub['pubSub'], territoryId: string) {
  const runId = randomUUID();
  let last: { phase: DetectionPhase; percent: number } | null = null;
  const publish = (phase: DetectionPhase, percent: number, report: DetectionCounts | null = null) => {
    if (last && last.phase === phase && last.percent === percent) return;
    last = { phase, percent };
    pubSub.publish('DETECTION_PROGRESS', { runId, territoryId, phase, percent, report });
  };
  return {
    runId,
    sink: ((phase, done, total) => publish(phase, percentOf(phase, done, total))) as ProgressSink,
    done: (report: DetectionCounts) => publish('DONE', 100, report),
    failed: () => publish('FAILED', 100),
  };
}
