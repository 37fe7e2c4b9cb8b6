import type { AllocationStage, ImpactTotal } from './allocation.js';
import type { Range } from './impact-factors.js';

/**
 * How likely a synergy is to happen, by stage: the expected totals of a territory are its once-counted totals ×
 * this probability (docs/impact-method.md § 1). A synergy's own figures stay what it gives if it happens.
 *
 * - Suggested: the one published realisation rate found, knowledge-base source `iec-pnsi-2017` — the French
 *   Programme National de Synergies Interentreprises (2015–2017) concretised 138 of the 588 synergies it detected
 *   (138 concretised, 450 left at the stage of idea or discussion) within two years: 23.5 %. Its low and high are the
 *   95 % Wilson interval of that count (20.2–27.1 %): the count's own uncertainty, not the difference between
 *   programmes, which no source found measures.
 * - In progress (contact requested or accepted): no published rate. An assumption: at least the rate of all
 *   detected synergies (PNSI's 588 include those under discussion), at most certain; central the middle.
 * - Operational: it runs; its declared figures count whole.
 */
export const PNSI_CONCRETISED = 138;
export const PNSI_DETECTED = 588;
export const REALISATION_SOURCE_ID = 'iec-pnsi-2017';

/** The 95 % Wilson score interval of `successes` out of `trials`. */
export function wilsonInterval(successes: number, trials: number, z = 1.96): { low: number; high: number } {
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { low: centre - half, high: centre + half };
}

const suggestedRate = PNSI_CONCRETISED / PNSI_DETECTED;
const suggestedInterval = wilsonInterval(PNSI_CONCRETISED, PNSI_DETECTED);

export interface Realisation {
  probability: Range;
  /** A knowledge-base source of the rate, or null when it is an assumption. */
  sourceId: string | null;
  basis: string;
}

export const REALISATION: Record<AllocationStage, Realisation> = {
  SUGGESTED: {
    probability: { low: suggestedInterval.low, central: suggestedRate, high: suggestedInterval.high },
    sourceId: REALISATION_SOURCE_ID,
    basis: `PNSI 2015–2017: ${PNSI_CONCRETISED} of ${PNSI_DETECTED} detected synergies concretised in two years; low and high the 95 % Wilson interval of that count`,
  },
  IN_PROGRESS: {
    probability: { low: suggestedRate, central: (suggestedRate + 1) / 2, high: 1 },
    sourceId: null,
    basis: 'assumption: at least the PNSI rate of all detected synergies, at most certain; central the middle',
  },
  OPERATIONAL: {
    probability: { low: 1, central: 1, high: 1 },
    sourceId: null,
    basis: 'it runs: its figures count whole',
  },
};

/** Once-counted totals of one stage × that stage's realisation probability (low × low, central × central, high × high). */
export function expectedTotals(totals: ImpactTotal[], stage: AllocationStage): ImpactTotal[] {
  const p = REALISATION[stage].probability;
  return totals.map((t) => ({ indicator: t.indicator, unit: t.unit, low: t.low * p.low, central: t.central * p.central, high: t.high * p.high }));
}
