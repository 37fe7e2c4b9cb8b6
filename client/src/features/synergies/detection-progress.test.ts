import { describe, expect, it } from 'vitest';
import { followRuns, isMuted, isRunning, setMuted, setUnsaved, shownMuted, unsavedChoice, type MuteStore, type ProgressEvent } from './detection-progress';

const event = (runId: string, phase: ProgressEvent['phase'], percent: number): ProgressEvent => ({ runId, phase, percent, report: null });

describe('the detection panel follows the territory’s runs', () => {
  it('shows the latest event of a run, never going back', () => {
    let shown: ProgressEvent | null = null;
    for (const e of [event('a', 'READING', 0), event('a', 'DETECTING', 5), event('a', 'RECONCILING', 60)]) shown = followRuns(shown, e);
    expect(shown).toMatchObject({ phase: 'RECONCILING', percent: 60 });
    expect(followRuns(shown, event('a', 'RECONCILING', 40))).toBe(shown);
    expect(isRunning(shown)).toBe(true);
    expect(isRunning(followRuns(shown, event('a', 'DONE', 100)))).toBe(false);
  });

  it('lets a run started later take the panel over', () => {
    const shown = followRuns(event('a', 'RECONCILING', 80), event('b', 'READING', 0));
    expect(shown).toMatchObject({ runId: 'b', percent: 0 });
  });
});

describe('muting notifications, per person', () => {
  // A Storage of the same shape as the browser's (client unit tests run without a DOM); the e2e test uses the real one.
  const storage = (): MuteStore => {
    const values = new Map<string, string>();
    return { getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v), removeItem: (k) => void values.delete(k) };
  };

  it('keeps each person’s choice apart', () => {
    const store = storage();
    expect(isMuted(store, 'u1')).toBe(false);
    setMuted(store, 'u1', true);
    expect(isMuted(store, 'u1')).toBe(true);
    expect(isMuted(store, 'u2')).toBe(false);
    setMuted(store, 'u1', false);
    expect(isMuted(store, 'u1')).toBe(false);
  });

  it('keeps a choice the account did not save yet until it is saved, and shows it over the account’s stale one', () => {
    const store = storage();
    expect(unsavedChoice(store, 'u1')).toBe(null);
    // Muted, then the page reloaded before the account saved it: the account still says false.
    setUnsaved(store, 'u1', true);
    expect(shownMuted(null, unsavedChoice(store, 'u1'), false, isMuted(store, 'u1'))).toBe(true);
    expect(unsavedChoice(store, 'u2')).toBe(null);
    // Turned back on and not saved: unmuted, whatever the account says.
    setUnsaved(store, 'u1', false);
    expect(shownMuted(null, unsavedChoice(store, 'u1'), true, true)).toBe(false);
    // Saved: the account's answer counts again, and a choice made on the page over everything.
    setUnsaved(store, 'u1', null);
    expect(unsavedChoice(store, 'u1')).toBe(null);
    expect(shownMuted(null, null, true, false)).toBe(true);
    expect(shownMuted(false, true, true, true)).toBe(false);
    // Until the account answers, this browser's choice.
    expect(shownMuted(null, null, undefined, true)).toBe(true);
  });

  it('leaves notifications on when storage refuses or nobody is known', () => {
    const refusing: MuteStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => {} };
    setMuted(refusing, 'u1', true);
    expect(isMuted(refusing, 'u1')).toBe(false);
    setUnsaved(refusing, 'u1', true);
    expect(unsavedChoice(refusing, 'u1')).toBe(null);
    expect(isMuted(storage(), undefined)).toBe(false);
  });
});
