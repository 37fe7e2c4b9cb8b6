import { DEFAULT_ENGINE_OPTIONS, type ScoreWeights } from '../engine/engine.options.js';
import type { ScoreBreakdown } from '../engine/engine.types.js';
import { QUANTITY_UNKNOWN } from '../engine/pair-score.js';
import { SynergyKind } from '../model/synergy.enums.js';

/**
 * The score a party reads when another side's quantity is hidden from it (policy `figureAccess` OWN_SIDE): the
 * weighted parts with the quantity part as if quantities were unknown (default weights), so that it moves with
 * nothing the party may not read. The list is sorted, and `minScore` filters, on the same figure in SQL.
 */
export function scoreWithoutQuantity(kind: SynergyKind, parts: ScoreBreakdown): number {
  const w = weightsOf(kind);
  const raw = (Object.keys(w) as (keyof ScoreWeights)[]).reduce((sum, k) => sum + w[k] * (k === 'quantity' ? QUANTITY_UNKNOWN : (parts[k] ?? 0)), 0);
  return Math.min(1, Math.max(0, raw));
}

/** scoreWithoutQuantity in SQL, on the synergy row `s` (its stored score when it has no explanation). */
export function scoreWithoutQuantitySql(s = 's'): string {
  const sum = (kind: SynergyKind) => {
    const w = weightsOf(kind);
    return (Object.keys(w) as (keyof ScoreWeights)[])
      .map((k) => `${w[k]} * ${k === 'quantity' ? QUANTITY_UNKNOWN : `coalesce((${s}.explanation -> 'score' ->> '${k}')::float, 0)`}`)
      .join(' + ');
  };
  return `(case when ${s}.explanation is null then ${s}.score
    else greatest(0, least(1, case when ${s}.kind = '${SynergyKind.MUTUALISATION}' then ${sum(SynergyKind.MUTUALISATION)} else ${sum(SynergyKind.SUBSTITUTION)} end)) end)`;
}

function weightsOf(kind: SynergyKind): ScoreWeights {
  return kind === SynergyKind.MUTUALISATION ? DEFAULT_ENGINE_OPTIONS.mutualisationWeights : DEFAULT_ENGINE_OPTIONS.substitutionWeights;
}
