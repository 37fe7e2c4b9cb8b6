import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineContext } from './engine-context.js';
import { resolveOptions, type EngineOptions } from './engine.options.js';
import type { DetectedSynergy, EngineFlow, SynergyDelta } from './engine.types.js';
import { MutualisationIndex } from './mutualisation-index.js';
import { prepareFlow, type PreparedFlow } from './prepared-flow.js';
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
  private readonly ctx: EngineContext;
  private substitutions: SubstitutionIndex;
  private mutualisations: MutualisationIndex;
  private readonly slotOf = new Map<string, number>();
  private freeSlots: number[] = [];
  private ranked: DetectedSynergy[] | null = null;

  constructor(kb: KnowledgeBase, options?: Partial<EngineOptions>) {
    this.ctx = { kb: compileKnowledgeBase(kb), options: resolveOptions(options), flows: [] };
    this.substitutions = new SubstitutionIndex(this.ctx);
    this.mutualisations = new MutualisationIndex(this.ctx);
  }

  /** Replaces every flow by `flows` and detects from scratch. A flow id given twice: the last one wins. */
  load(flows: EngineFlow[]): DetectedSynergy[] {
    this.ctx.flows = [];
    this.slotOf.clear();
    this.freeSlots = [];
    this.substitutions = new SubstitutionIndex(this.ctx);
    this.mutualisations = new MutualisationIndex(this.ctx);
    // Slots follow the ids' order, so nothing downstream depends on the order flows came in.
    const unique = new Map<string, EngineFlow>();
    for (const f of flows) unique.set(f.id, f);
    const ids = [...unique.keys()].sort();
    const prepared: PreparedFlow[] = ids.map((id, slot) => {
      this.slotOf.set(id, slot);
      return prepareFlow(unique.get(id)!, slot, this.ctx.kb);
    });
    this.ctx.flows = prepared;
    this.substitutions.load(prepared);
    this.mutualisations.load(prepared);
    this.ranked = null;
    return this.all();
  }

  /** Declares a new flow or changes one; returns what that did to the synergies. */
  upsertFlow(flow: EngineFlow): SynergyDelta {
    const recorder = new DeltaRecorder();
    const existing = this.slotOf.get(flow.id);
    const slot = existing ?? this.freeSlots.pop() ?? this.ctx.flows.length;
    const before = existing === undefined ? null : this.ctx.flows[slot]!;
    if (before) this.substitutions.remove(before, recorder);
    const after = prepareFlow(flow, slot, this.ctx.kb);
    this.ctx.flows[slot] = after;
    this.slotOf.set(flow.id, slot);
    this.substitutions.insert(after, recorder);
    this.mutualisations.update(before, after, recorder);
    return this.finish(recorder);
  }

  /** Archives or deletes a flow; an unknown id changes nothing. */
  removeFlow(flowId: string): SynergyDelta {
    const recorder = new DeltaRecorder();
    const slot = this.slotOf.get(flowId);
    if (slot === undefined) return recorder.delta();
    const before = this.ctx.flows[slot]!;
    this.substitutions.remove(before, recorder);
    this.ctx.flows[slot] = undefined;
    this.slotOf.delete(flowId);
    this.freeSlots.push(slot);
    this.mutualisations.update(before, null, recorder);
    return this.finish(recorder);
  }

  /** Every synergy, by score (highest first), then key. */
  all(): DetectedSynergy[] {
    if (!this.ranked) {
      this.ranked = [...this.substitutions.synergies(), ...this.mutualisations.synergies()].sort(bestFirst);
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

export function bestFirst(a: DetectedSynergy, b: DetectedSynergy): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
