/**
 * When something anonymous happened, to the day: exact timestamps link an anonymous flow or synergy to its owner's
 * other, public, records (declared in the same second), and count the counterpart's edits.
 */
export function dayOf(moment: Date): Date {
  return new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()));
}
