import type { ScoreBreakdown } from './engine.types.js';

/** Weights of the score's components; they sum to 1 so that the score stays in [0, 1]. */
export type ScoreWeights = Record<keyof ScoreBreakdown, number>;

export interface EngineOptions {
  /**
   * Substitution: compatibility of the codes, coverage of the quantities, distance against the pathway's reach,
   * quality (temperature margin, physical form, treatment), availability over the year, hazard handling.
   */
  substitutionWeights: ScoreWeights;
  /**
   * Mutualisation: `quantity` is the pooled volume against the viability threshold, `distance` the compactness
   * of the group, `quality` its size (more members share more), `compatibility` how surely each member's flow is
   * the shared stream, `hazard` the hazard handling; `availability` is not used (0).
   */
  mutualisationWeights: ScoreWeights;
  /**
   * Each flow keeps its best `maxCounterpartsPerFlow` counterparts (score, then id); which pairs that makes
   * synergies is `counterpartRule`. A facilitator reviews a flow's best matches, not the 400 producers of cardboard
   * within 100 km of a paper mill (those are better served by pooled collection, which mutualisation finds).
   */
  maxCounterpartsPerFlow: number;
  /**
   * MUTUAL: a substitution is kept when each side is among the other's best counterparts (both have a reason to
   * take the call). EITHER: when one side is among the other's best. COVERING: as MUTUAL, but a flow's best
   * counterparts are at least `maxCounterpartsPerFlow` (a floor, not a cap) and more, best first, until their
   * quantities cover its own — a need not yet supplied keeps looking, a source not yet placed keeps offering — up
   * to `maxCounterpartsToCover`. A source is thus not offered far beyond its quantity, nor a need left at 31 %.
   */
  counterpartRule: 'MUTUAL' | 'EITHER' | 'COVERING';
  /** COVERING: the most counterparts a flow keeps while they do not cover its quantity (bounds the synergies). */
  maxCounterpartsToCover: number;
  /**
   * COVERING: a flow that declares no quantity keeps, beside its best `maxCounterpartsPerFlow`, the counterparts
   * ranking within this of the last of them (up to `maxCounterpartsToCover`); a cut that declared quantities place
   * stays. A source of unknown quantity keeps its best `maxCounterpartsPerFlow`; when the
   * next ones trail them by a hair — the same route and the same checks, a km or two further within the reach —
   * nothing says they are worse takers, and the cut would decide by distance alone which of them hears of the source
   * (a steam network's fourth and fifth customers, a digester's fourth supplier). 0.015 is less than what a physical
   * form that differs costs a pair of sure quality (0.1 × 0.2 of the score), under a tenth of the distance
   * component's weight: a km or two, not another kind of match. Dev corpus: recall 120 → 123 of 124, precision
   * 68 → 67 % (127/187 → 130/194), demo top 30 unchanged, family probe 49 → 51 of 55.
   */
  counterpartTieMargin: number;
  /** Largest mutualisation group; larger clusters are split into compact groups. */
  maxGroupSize: number;
  /** Synergies scoring below this are dropped. */
  minScore: number;
  /** Road distance ÷ straight-line distance. */
  roadDetourFactor: number;
  /** Tonnes a truck carries, for the number of trips. */
  truckPayloadTonnes: number;
  /**
   * Substitution: share of a pathway's reach beyond which a pair is dropped. A pair up to `reach × (1 + this)` away
   * is kept, its distance component at 0 and its explanation saying it lies slightly beyond the usual reach (a reach
   * is an order of magnitude, not a border: a data centre 3.2 km from a heat network is worth a look at 3 km).
   */
  reachTolerance: number;
  /**
   * The tolerance in km at most: "slightly beyond" a 300 km reach is not 60 km more. Short reaches (heat, a few km)
   * keep their whole share; long ones search little more than their reach, which keeps the search area (and the
   * time of a detection) close to what the reaches alone ask for.
   */
  reachToleranceMaxKm: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  substitutionWeights: {
    compatibility: 0.3,
    quantity: 0.2,
    distance: 0.2,
    quality: 0.1,
    availability: 0.1,
    hazard: 0.1,
  },
  mutualisationWeights: {
    compatibility: 0.1,
    quantity: 0.4,
    distance: 0.2,
    quality: 0.2,
    availability: 0,
    hazard: 0.1,
  },
  maxCounterpartsPerFlow: 3,
  counterpartRule: 'COVERING',
  maxCounterpartsToCover: 8,
  counterpartTieMargin: 0.015,
  maxGroupSize: 12,
  minScore: 0,
  roadDetourFactor: 1.3,
  truckPayloadTonnes: 25,
  reachTolerance: 0.2,
  reachToleranceMaxKm: 5,
};

export function resolveOptions(options?: Partial<EngineOptions>): EngineOptions {
  return {
    ...DEFAULT_ENGINE_OPTIONS,
    ...options,
    substitutionWeights: { ...DEFAULT_ENGINE_OPTIONS.substitutionWeights, ...options?.substitutionWeights },
    mutualisationWeights: { ...DEFAULT_ENGINE_OPTIONS.mutualisationWeights, ...options?.mutualisationWeights },
  };
}

/** Scores are rounded so that tiny floating-point noise never reorders or "changes" a synergy. */
export function roundScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 10_000) / 10_000;
}
