import type { frDetection } from './fr-detection';

/** English messages of the detection's progress and of the live notifications. */
export const enDetection: Record<keyof typeof frDetection, string> = {
  'detection.progress': 'Detection progress',
  'detection.phase.READING': "Reading the territory's flows… {percent}%",
  'detection.phase.DETECTING': 'Looking for substitutions and pools… {percent}%',
  'detection.phase.RECONCILING': 'Saving the synergies found… {percent}%',
  'detection.phase.ANNOUNCING': 'Telling the organisations of new suggestions… {percent}%',
  'detection.phase.DONE': 'Detection finished.',
  'detection.phase.FAILED': 'The detection stopped on an error.',
  'detection.byOther': 'A detection started by someone else of the facilitation team is running.',
  'live.mute': 'Mute notifications',
  'live.unmute': 'Turn notifications back on',
  'live.muted': 'Notifications of new synergies are muted.',
  'live.mutedCount': 'Notifications muted: {count} new synergy suggestion(s) since, shown in the list.',
};
