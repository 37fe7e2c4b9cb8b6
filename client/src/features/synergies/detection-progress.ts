import type { DetectionPhase } from '../../gql/graphql';

export interface ProgressEvent {
  runId: string;
  phase: DetectionPhase;
  percent: number;
  report: { detected: number; suggested: number; updated: number; stale: number; withdrawn: number } | null;
}

/** What the panel shows of the territory's runs: the latest run's last event; a finished run's event replaces none. */
export function followRuns(shown: ProgressEvent | null, event: ProgressEvent): ProgressEvent {
  // Events of one run come in order; a run that started later takes the panel over from one still running.
  if (shown && shown.runId === event.runId && event.percent < shown.percent) return shown;
  return event;
}

export function isRunning(event: ProgressEvent | null): boolean {
  return event !== null && event.phase !== 'DONE' && event.phase !== 'FAILED';
}

/**
 * Whether to mute the notifications of new synergies, kept per person in the browser (`localStorage`), so that two
 * people sharing a computer each keep their own choice.
 */
export interface MuteStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const key = (userId: string) => `fe2i.notifications.muted.${userId}`;

export function isMuted(store: MuteStore | undefined, userId: string | undefined): boolean {
  if (!store || !userId) return false;
  try {
    return store.getItem(key(userId)) === '1';
  } catch {
    // Storage refused (private mode, quota): notifications stay on.
    return false;
  }
}

export function setMuted(store: MuteStore | undefined, userId: string | undefined, muted: boolean): void {
  if (!store || !userId) return;
  try {
    if (muted) store.setItem(key(userId), '1');
    else store.removeItem(key(userId));
  } catch {
    // Not kept: the choice holds for this page only.
  }
}

const unsavedKey = (userId: string) => `fe2i.notifications.unsaved.${userId}`;

/**
 * A choice made in this browser that the account may not hold yet: the page was left (a reload, a link) before the
 * account saved it. True or false, or null when every choice made here was saved.
 */
export function unsavedChoice(store: MuteStore | undefined, userId: string | undefined): boolean | null {
  if (!store || !userId) return null;
  try {
    const value = store.getItem(unsavedKey(userId));
    return value === '1' ? true : value === '0' ? false : null;
  } catch {
    return null;
  }
}

/** Notes a choice not saved on the account yet (`muted`), or that it was saved (null). */
export function setUnsaved(store: MuteStore | undefined, userId: string | undefined, muted: boolean | null): void {
  if (!store || !userId) return;
  try {
    if (muted === null) store.removeItem(unsavedKey(userId));
    else store.setItem(unsavedKey(userId), muted ? '1' : '0');
  } catch {
    // Not kept: a reload before the account saved it shows the account's.
  }
}

/**
 * Whether the page shows the notifications muted: a choice made on this page; else one made in this browser that the
 * account did not save yet (the page left before it could); else the account's; else, until the account answers,
 * this browser's.
 */
export function shownMuted(onPage: boolean | null, unsaved: boolean | null, account: boolean | null | undefined, browser: boolean): boolean {
  return onPage ?? unsaved ?? account ?? browser;
}
