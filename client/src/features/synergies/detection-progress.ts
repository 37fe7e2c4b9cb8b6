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
