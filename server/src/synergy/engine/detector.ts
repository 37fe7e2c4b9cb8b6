import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { sharedCompiledKnowledgeBase } from './compiled-knowledge-base.js';
import { newContext, type EngineContext } from './engine-context.js';
import { resolveOptions, type EngineOptions } from './engine.options.js';
import type { DetectedSynergy, EngineFlow, SynergyDelta } from './engine.types.js';
import { MutualisationIndex } from './mutualisation-index.js';
import type { PreparedFlow } from './compiled.types.js';
import { prepareFlow } from './prepared-flow.js';
import { SubstitutionIndex } from './substitution-index.js';
import { DeltaRecorder } from './synergy-delta-recorder.js';

/**
 * Detects the synergies of a set of flows and keeps them up to date as flows are declared, changed or archived.
 * Pure: the same flows give the same synergies in the same order, whatever the order of loading and updates.
 *
 * ```ts
 * const detector = new SynergyDetector(loadKnowledgeBase());
 * detector.load(flows);
 * const delta = detector.upsertFlow(changedFlow); // only what it touched
 * ```
 */
export class SynergyDetector {
  private ctx: EngineContext;
  private substitutions: SubstitutionIndex;
  private mutualisations: MutualisationIndex;
  private readonly slotOf = new Map<string, number>();
  private freeSlots: number[] = [];
  private ranked: DetectedSynergy[] | null = null;

  constructor(kb: KnowledgeBase, options?: Partial<EngineOptions>) {
    const resolved = resolveOptions(options);
    this.ctx = newContext(sharedCompiledKnowledgeBase(kb, resolved.reachTolerance, resolved.reachToleranceMaxKm), resolved);
    this.substitutions = new SubstitutionIndex(this.ctx);
    this.mutualisations = new MutualisationIndex(this.ctx);
  }

  /** Replaces every flow by `flows` and detects from scratch. A flow id given twice: the last one wins. */
  load(flows: EngineFlow[]): DetectedSynergy[] {
    this.ctx = newContext(this.ctx.kb, this.ctx.options);
    this.slotOf.clear();
    this.freeSlots = [];
    this.substitutions = new SubstitutionIndex(this.ctx);
    this.mutualisations = new MutualisationIndex(this.ctx);
    // Nothing downstream depends on slot order: rankings break ties by id, groups are sorted by id.
    const prepared: PreparedFlow[] = [];
    this.ctx.geometry.reserve(flows.length);
    for (let n = 0; n < flows.length; n++) {
      const f = flows[n];
      const size = this.slotOf.size;
      this.slotOf.set(f.id, prepared.length);
      if (this.slotOf.size > size) prepared.push(prepareFlow(f, prepared.length, this.ctx));
      else {
        // The same id twice: the last declaration wins, in the first one's slot.
        const slot = prepared.findIndex((p) => p.id === f.id);
        this.slotOf.set(f.id, slot);
        prepared[slot] = prepareFlow(f, slot, this.ctx);
      }
    }
    this.ctx.flows = prepared;
    this.substitutions.load(prepared);
    this.mutualisations.load(prepared);
    this.ranked = null;
    return this.all();
  }

  /**
   * Builds what a full detection leaves to the first update (the outputs' member grids: only updates search them).
   * Optional: the first update builds it otherwise. The detection thread calls it right after sending a detection's
   * synergies, so that their reader does not wait for it and the first update does not pay for it.
   */
  prepareForUpdates(): void {
    this.substitutions.prepareForUpdates();
  }

  /** Declares a new flow or changes one; returns what that did to the synergies. */
  upsertFlow(flow: EngineFlow): SynergyDelta {
    const recorder = new DeltaRecorder();
    this.upsertInto(flow, recorder);
    return this.finish(recorder);
  }

  /**
   * Several changes in a row (a burst of declarations): each flow's new state, or null once archived. Returns what
   * they did together — a synergy regrouped at each change is reported once, in its final state.
   */
  applyChanges(changes: { flowId: string; flow: EngineFlow | null }[]): SynergyDelta {
    const recorder = new DeltaRecorder();
    this.mutualisations.beginBurst();
    try {
      for (const c of changes) {
        if (c.flow) this.upsertInto(c.flow, recorder);
        else this.removeInto(c.flowId, recorder);
      }
    } finally {
      this.mutualisations.endBurst(recorder);
    }
    return this.finish(recorder);
  }

  private upsertInto(flow: EngineFlow, recorder: DeltaRecorder): void {
    const existing = this.slotOf.get(flow.id);
    const slot = existing ?? this.freeSlots.pop() ?? this.ctx.flows.length;
    const before = existing === undefined ? null : this.ctx.flows[slot]!;
    if (before) this.substitutions.remove(before, recorder);
    const after = prepareFlow(flow, slot, this.ctx);
    this.ctx.flows[slot] = after;
    this.slotOf.set(flow.id, slot);
    this.substitutions.insert(after, recorder);
    this.mutualisations.update(before, after, recorder);
  }

  /** Archives or deletes a flow; an unknown id changes nothing. */
  removeFlow(flowId: string): SynergyDelta {
    const recorder = new DeltaRecorder();
    this.removeInto(flowId, recorder);
    return this.finish(recorder);
  }

  private removeInto(flowId: string, recorder: DeltaRecorder): void {
    const slot = this.slotOf.get(flowId);
    if (slot === undefined) return;
    const before = this.ctx.flows[slot]!;
    this.substitutions.remove(before, recorder);
    this.ctx.flows[slot] = undefined;
    this.slotOf.delete(flowId);
    this.freeSlots.push(slot);
    this.mutualisations.update(before, null, recorder);
  }

  /** Every synergy, by score (highest first), then key. */
  all(): DetectedSynergy[] {
    if (!this.ranked) {
      this.ranked = rankSynergies([this.substitutions.synergies(), this.mutualisations.synergies()]);
    }
    return [...this.ranked];
  }

  /** The flows currently loaded, by id. */
  flowIds(): string[] {
    return [...this.slotOf.keys()].sort();
  }

  private finish(recorder: DeltaRecorder): SynergyDelta {
    const delta = recorder.delta();
    if (delta.added.length || delta.changed.length || delta.removed.length) this.ranked = null;
    return delta;
  }
}

/** Detects the synergies of `flows` from scratch: ranked by score, then key. */
export function detectSynergies(
  flows: EngineFlow[],
  kb: KnowledgeBase,
  options?: Partial<EngineOptions>,
): DetectedSynergy[] {
  return new SynergyDetector(kb, options).load(flows);
}

/**
 * By score (highest first), then on what tells equal scores apart (see `tieOrder`). Scores are multiples of 1e-4:
 * one bucket per score, then only the synergies of equal score are compared.
 */
export function rankSynergies(sources: Iterable<DetectedSynergy>[]): DetectedSynergy[] {
  const buckets: (DetectedSynergy[] | undefined)[] = new Array(10_001);
  for (const source of sources) {
    for (const s of source) {
      const at = Math.round(s.score * 10_000);
      const bucket = buckets[at];
      if (bucket) bucket.push(s);
      else buckets[at] = [s];
    }
  }
  const ranked: DetectedSynergy[] = [];
  for (let at = 10_000; at >= 0; at--) {
    const bucket = buckets[at];
    if (!bucket) continue;
    if (bucket.length > 1) bucket.sort(tieOrder);
    for (const s of bucket) ranked.push(s);
  }
  return ranked;
}

/**
 * Synergies of equal score (rounded to 1e-4, they tie often when quantities are unknown): the nearer first (a
 * substitution's sites, a pool's spread); the key only at the same distance, so that which of two equal suggestions
 * a list shows first does not depend on how ids happen to sort (the counterpart lists break ties on distance too,
 * see TopLists). Not on the matched quantity: it may stem from a PRIVATE quantity, which an order would betray.
 */
export function tieOrder(a: DetectedSynergy, b: DetectedSynergy): number {
  const da = a.explanation.distanceKm;
  const db = b.explanation.distanceKm;
  if (da !== db) return da - db;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function bestFirst(a: DetectedSynergy, b: DetectedSynergy): number {
  return b.score - a.score || tieOrder(a, b);
}
