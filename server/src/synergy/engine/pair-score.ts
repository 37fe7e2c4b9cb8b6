import type { CompiledPathway, PathwayKernel } from './compiled.types.js';
import type { ScoreWeights } from './engine.options.js';
import { REC } from './member-record.js';

/**
 * The numeric core of a substitution's score, on the packed member records of both sides (unknown = NaN): the
 * search calls it on the records in its grids, the explanation on records written from the flows by the same
 * function — so a synergy's explanation always tells why its score is what it is. No allocation, no boxing.
 */

export const EXCLUDED = -1;

/**
 * What a pair's route in the waste hierarchy adds to its rank among a flow's counterparts (not to its score): the
 * order of directive 2008/98/EC, art. 4 (Code de l'environnement L541-1) — preparing for reuse before recycling
 * before other recovery (energy) — one step per level above energy recovery, the step being the distance
 * component's weight. The distance component is judged against each pathway's own reach, so a pallet reused 30 km
 * away scored below its recycling into particleboard or its burning, routes of longer reach, and fell out of the
 * pallets' three best partners: a reach must not decide between levels of the hierarchy. A higher route still
 * loses to a lower one better by more than a step (a surer match, a known quantity). Pathways without a route
 * (heat, services, pooling) take no step. The score shown and explained is unchanged.
 */
export function hierarchyStep(route: string | undefined, distanceWeight: number): number {
  if (route === 'REUSE') return 2 * distanceWeight;
  if (route === 'RECYCLING') return distanceWeight;
  return 0;
}

/** Indexes of the score's components in `parts`. */
export const PART = { compatibility: 0, quantity: 1, distance: 2, quality: 3, availability: 4, hazard: 5 } as const;

/** Hazard policies as integers. */
export const HAZARD = { FORBIDDEN: 0, HANDLED: 1, ALLOWED: 2 } as const;

/** Quality factors (multiplied together into the `quality` component). */
export const QUALITY = {
  temperatureUnknown: 0.7,
  /**
   * Heat matched on words alone, a temperature unknown on either side: how sure the match is, as a share of the
   * sides' compatibility. Water declared without a temperature meets heat routes through the word "eau"; it must not
   * outrank a properly qualified hot source.
   */
  temperatureUnknownCompatibility: 0.8,
  /** Just at the required temperature plus margin; rises to 1 with 10 °C more. */
  temperatureAtMargin: 0.85,
  temperatureComfortC: 10,
  formDiffers: 0.8,
  formUnknown: 0.9,
  treatmentNeeded: 0.9,
  /** The pathway tells kinds of item apart and a label names none: what is offered or needed is to check. */
  kindUnknown: 0.9,
} as const;
export const HAZARD_HANDLED = 0.7;
/** Quantity component when a quantity is unknown: neither a good nor a bad fit. */
export const QUANTITY_UNKNOWN = 0.4;
/** Share of the quantity component given to the need's coverage (the rest to the source's). */
export const NEED_COVERAGE_WEIGHT = 2 / 3;

/** The positions in a PathwayKernel (compiled.types.ts). */
export const KERNEL = { REACH_KM: 0, MARGIN_C: 1, HAZARD: 2, TREATMENT: 3, EXPECTS_FORM: 4, SEARCH_KM: 5, KINDS: 6, PUMP_BELOW_C: 7, SOURCE_TEMP_BOUNDED: 8 } as const;

export function pathwayKernel(p: CompiledPathway): PathwayKernel {
  const c = p.pathway.conditions;
  const k = new Float64Array(9);
  k[KERNEL.REACH_KM] = p.reachKm;
  // Pairs up to the search radius are scored; beyond the reach, the distance component is 0.
  k[KERNEL.SEARCH_KM] = p.searchKm;
  // The pathway does not pair flows naming different kinds of item (see ItemKind).
  k[KERNEL.KINDS] = p.kinds ? 1 : 0;
  // NaN when the pathway sets no temperature margin.
  k[KERNEL.MARGIN_C] = c.temperatureMarginC ?? NaN;
  // NaN unless a heat-pump pathway pairs only sources too cold for a direct exchanger.
  k[KERNEL.PUMP_BELOW_C] = c.heatPumpBelowMarginC ?? NaN;
  k[KERNEL.HAZARD] = HAZARD[c.hazardous] ?? HAZARD.FORBIDDEN;
  k[KERNEL.TREATMENT] = c.treatmentFr || c.treatmentEn ? 1 : 0;
  // The output side lists physical forms: an output of undeclared form is to be checked.
  k[KERNEL.EXPECTS_FORM] = p.output?.physicalForms ? 1 : 0;
  // 1 when the route takes only sources within a temperature range and judges no margin against the need (an ORC
  // from 150 °C, heat recovery from 25–60 °C water, a cooling cascade below 30 °C): see sourceTemperatureUnknown.
  k[KERNEL.SOURCE_TEMP_BOUNDED] = sourceTemperatureBounded(p) ? 1 : 0;
  return k;
}

/**
 * Whether a route bounds its source's temperature without a margin against the need's (no `temperatureMarginC`,
 * no `heatPumpBelowMarginC`): for it, a source of unknown temperature is as unsure as for a margin route — an
 * ORC needs 150 °C, a wastewater heat exchanger 25 °C — and costs the same (QUALITY.temperatureUnknown and
 * temperatureUnknownCompatibility) instead of passing free (issue 10, "unknown temperature costs nothing").
 */
export function sourceTemperatureBounded(p: CompiledPathway): boolean {
  const c = p.pathway.conditions;
  if (c.temperatureMarginC !== undefined && c.temperatureMarginC !== null) return false;
  if (c.heatPumpBelowMarginC !== undefined && c.heatPumpBelowMarginC !== null) return false;
  return p.output !== null && (p.output.minTemperatureC !== null || p.output.maxTemperatureC !== null);
}

/** The score's weights as numbers, in PART order. */
export function weightArray(w: ScoreWeights): Float64Array {
  const a = new Float64Array(6);
  a[PART.compatibility] = w.compatibility;
  a[PART.quantity] = w.quantity;
  a[PART.distance] = w.distance;
  a[PART.quality] = w.quality;
  a[PART.availability] = w.availability;
  a[PART.hazard] = w.hazard;
  return a;
}

const MONTH_BITS = new Uint8Array(4096).map((_, m) => {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
});

/** `io[IO.DISTANCE]` in (km), `io[IO.SCORE]` out: doubles passed through a typed array are never boxed. */
export const IO = { DISTANCE: 0, SCORE: 1 } as const;

/**
 * Score of output → input through a pathway, from their member records (see member-grid.ts) at `oAt` and `iAt`:
 * writes a score in [0, 1] or EXCLUDED to `io[IO.SCORE]`, and the components to `parts`.
 */
export function scoreRecords(
  k: PathwayKernel,
  w: Float64Array,
  o: Float64Array,
  oAt: number,
  i: Float64Array,
  iAt: number,
  io: Float64Array,
  parts: Float64Array,
): void {
  io[IO.SCORE] = EXCLUDED;
  // Exported numbers read into locals first: a variable mixing an exported constant and computed numbers would
  // have the optimising compiler box every value it takes (measured: millions of allocations per detection).
  const unknownQuantity = +QUANTITY_UNKNOWN;
  const handledHazard = +HAZARD_HANDLED;
  const needWeight = +NEED_COVERAGE_WEIGHT;
  const distanceKm = io[IO.DISTANCE];
  const reachKm = k[KERNEL.REACH_KM];
  if (distanceKm > k[KERNEL.SEARCH_KM]) return;
  let kindQuality = 1;
  if (k[KERNEL.KINDS] === 1) {
    // Both labels name a kind of item, and not the same one: a lathe does not meet a need for a greenhouse. A side
    // naming none is left to check.
    const oKinds = o[oAt + REC.KIND] | 0;
    const iKinds = i[iAt + REC.KIND] | 0;
    if ((oKinds & iKinds) === 0) {
      if (oKinds !== 0 && iKinds !== 0) return;
      kindQuality = QUALITY.kindUnknown;
    }
  }
  let hazard = 1;
  if (o[oAt + REC.HAZARDOUS] === 1) {
    if (k[KERNEL.HAZARD] === HAZARD.FORBIDDEN) return;
    if (k[KERNEL.HAZARD] === HAZARD.HANDLED) hazard = handledHazard;
  }
  let quality = kindQuality;
  let temperatureKnown = true;
  const margin = k[KERNEL.MARGIN_C];
  if (margin === margin) {
    const oTemp = o[oAt + REC.TEMP];
    const iTemp = i[iAt + REC.TEMP];
    if (oTemp === oTemp && iTemp === iTemp) {
      const excess = oTemp - (iTemp + margin);
      if (excess < 0) return;
      if (excess < QUALITY.temperatureComfortC) {
        quality *= QUALITY.temperatureAtMargin + ((1 - QUALITY.temperatureAtMargin) * excess) / QUALITY.temperatureComfortC;
      }
    } else {
      quality *= QUALITY.temperatureUnknown;
      temperatureKnown = false;
    }
  }
  const pumpBelow = k[KERNEL.PUMP_BELOW_C];
  if (pumpBelow === pumpBelow) {
    // A source at or above the need plus the exchanger margin goes through an exchanger, not a heat pump.
    const oTemp = o[oAt + REC.TEMP];
    const iTemp = i[iAt + REC.TEMP];
    // Below the temperature from which the direct routes the need plays take the source, else the need plus the
    // pathway's own margin.
    const directFrom = i[iAt + REC.DIRECT_FROM];
    if (oTemp === oTemp && iTemp === iTemp) {
      if (oTemp >= (directFrom === directFrom ? directFrom : iTemp + pumpBelow)) return;
    } else if (temperatureKnown) {
      quality *= QUALITY.temperatureUnknown;
      temperatureKnown = false;
    }
  }
  if (k[KERNEL.SOURCE_TEMP_BOUNDED] === 1 && o[oAt + REC.TEMP] !== o[oAt + REC.TEMP]) {
    // The route takes sources within a temperature range and this one declares none (see sourceTemperatureBounded).
    quality *= QUALITY.temperatureUnknown;
    temperatureKnown = false;
  }
  const iMask = i[iAt + REC.MASK] | 0;
  const overlap = (o[oAt + REC.MASK] | 0) & iMask;
  if (overlap === 0) return;
  const availability = MONTH_BITS[overlap] / MONTH_BITS[iMask];
  const oForm = o[oAt + REC.FORM];
  const iForm = i[iAt + REC.FORM];
  if (oForm === 0) {
    if (k[KERNEL.EXPECTS_FORM] === 1) quality *= QUALITY.formUnknown;
  } else if (oForm !== 1 && iForm > 1 && iForm !== oForm) quality *= QUALITY.formDiffers;
  if (k[KERNEL.TREATMENT] === 1) quality *= QUALITY.treatmentNeeded;
  let quantity = unknownQuantity;
  const oQty = o[oAt + REC.QTY];
  const iQty = i[iAt + REC.QTY];
  if (oQty === oQty && iQty === iQty) {
    const matched = oQty < iQty ? oQty : iQty;
    // The need's coverage counts twice the source's: a large source meeting all of a small need is a complete
    // answer for the taker (the rest of the source can go elsewhere), a small source covering a sliver of a large
    // need hardly changes the taker's supply.
    quantity = (needWeight * matched) / iQty + ((1 - needWeight) * matched) / oQty;
  }
  const sides = (o[oAt + REC.COMPAT] + i[iAt + REC.COMPAT]) / 2;
  const compatibility = temperatureKnown ? sides : sides * QUALITY.temperatureUnknownCompatibility;
  // Smooth decay (see distanceDecay), credited only as far as the match is sure: a co-located site does not win on
  // its distance alone when little says it is the stream the other side needs.
  const near = reachKm > 0 ? 1 + distanceKm / reachKm : 1;
  const distance = compatibility / (near * near);
  // Always written (callers that do not need them pass a scratch array): a store that may or may not happen would
  // have the optimising compiler box the six numbers on every call.
  parts[PART.compatibility] = compatibility;
  parts[PART.quantity] = quantity;
  parts[PART.distance] = distance;
  parts[PART.quality] = quality;
  parts[PART.availability] = availability;
  parts[PART.hazard] = hazard;
  const score =
    w[PART.compatibility] * compatibility +
    w[PART.quantity] * quantity +
    w[PART.distance] * distance +
    w[PART.quality] * quality +
    w[PART.availability] * availability +
    w[PART.hazard] * hazard;
  // As roundScore (engine.options.ts), written out: a call returning a double would box it.
  io[IO.SCORE] = Math.round((score < 0 ? 0 : score > 1 ? 1 : score) * 10_000) / 10_000;
}

/**
 * The distance component before the match's sureness weighs it, 1 / (1 + d/reach)²: 1 at 0 km, 0.44 at half the
 * reach, ¼ at the reach, 0.21 a fifth beyond — as steep as a straight line within the reach, with no cliff at it: a
 * reach is a distance at which a link is commonly still built, not a border.
 */
export function distanceDecay(distanceKm: number, reachKm: number): number {
  const near = reachKm > 0 ? 1 + distanceKm / reachKm : 1;
  return 1 / (near * near);
}

export function monthCount(mask: number): number {
  return MONTH_BITS[mask & 0xfff];
}
