import type { DetectedSynergy, SynergyDelta } from './engine.types.js';
import { sameJsonText } from './same-json-text.js';

/**
 * Collects what one flow change did to the stored synergies. A synergy may be taken out and put back while the
 * change is applied (its pair re-examined): only the state before and after counts, and a synergy put back
 * identical (the same JSON: compared without writing it, see same-json-text.ts) is not reported.
 */
export class DeltaRecorder {
  private readonly before = new Map<string, DetectedSynergy | null>();
  private readonly after = new Map<string, DetectedSynergy | null>();

  added(synergy: DetectedSynergy): void {
    if (!this.before.has(synergy.key)) this.before.set(synergy.key, null);
    this.after.set(synergy.key, synergy);
  }

  removed(synergy: DetectedSynergy): void {
    if (!this.before.has(synergy.key)) this.before.set(synergy.key, synergy);
    this.after.set(synergy.key, null);
  }

  delta(): SynergyDelta {
    const delta: SynergyDelta = { added: [], changed: [], removed: [] };
    const keys = [...this.before.keys()].sort();
    for (const key of keys) {
      const was = this.before.get(key)!;
      const now = this.after.get(key)!;
      if (was === null && now !== null) delta.added.push(now);
      else if (was !== null && now === null) delta.removed.push(key);
      else if (was !== null && now !== null && was !== now && !sameJsonText(was, now)) {
        delta.changed.push(now);
      }
    }
    return delta;
  }
}
