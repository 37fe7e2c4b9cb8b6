import type { DetectedSynergy, EngineFlow, SynergyDelta } from '../engine/engine.types.js';

/**
 * What the main thread and the detection worker say to each other: plain data only (structured clone). Flows go in
 * and synergies come back in slices, so that neither side spends long copying one message while HTTP requests wait.
 */
export type DetectionRequest =
  | { id: number; type: 'flows'; scope: string; flows: EngineFlow[]; last: boolean }
  | { id: number; type: 'upsert'; scope: string; flow: EngineFlow }
  | { id: number; type: 'remove'; scope: string; flowId: string }
  | { id: number; type: 'changes'; scope: string; changes: { flowId: string; flow: EngineFlow | null }[] }
  | { id: number; type: 'forget'; scope: string };

export type DetectionReply =
  | { id: number; type: 'synergies'; synergies: DetectedSynergy[]; last: boolean }
  | { id: number; type: 'delta'; delta: SynergyDelta | null }
  | { id: number; type: 'done' }
  | { id: number; type: 'failed'; message: string };

/** Flows per message to the worker, synergies per message back: each costs a few milliseconds to copy. */
export const FLOWS_PER_MESSAGE = 2_000;
export const SYNERGIES_PER_MESSAGE = 250;
