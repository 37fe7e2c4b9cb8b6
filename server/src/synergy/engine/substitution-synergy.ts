import type { EngineContext } from './engine-context.js';
import type { DetectedSynergy, ExplanationItem } from './engine.types.js';
import { flat, sharedList } from './shared-items.js';
import { seasonalQuantity } from './heat-impacts.js';
import type { SubstitutionImpactInput } from './impact-factors.js';
import { substitutionImpacts } from './impacts.js';
import type { PreparedFlow } from './compiled.types.js';
import { quantityIn, sideMatchFor } from './prepared-flow.js';
import { assessSubstitution, item, newSink, round } from './substitution-assessment.js';
import { toTonnes } from './units.js';

const SINK = newSink();

/** Deterministic identity of a synergy: kind, pathway and the sorted flow ids. */
export function synergyKey(kind: DetectedSynergy['kind'], pathwayId: string, flowIds: string[]): string {
  if (flowIds.length === 2) {
    // A pair (every substitution): written in order, with no sorted copy nor join.
    const inOrder = flowIds[0] <= flowIds[1];
    return flat(`${kind}:${pathwayId}:${inOrder ? flowIds[0] : flowIds[1]},${inOrder ? flowIds[1] : flowIds[0]}`);
  }
  return flat(`${kind}:${pathwayId}:${[...flowIds].sort().join(',')}`);
}

/** The full, explained synergy for a pair the search kept (`pathwayIndex` is the pair's best pathway). */
export function buildSubstitution(
  o: PreparedFlow,
  i: PreparedFlow,
  pathwayIndex: number,
  distanceKm: number,
  ctx: EngineContext,
): DetectedSynergy {
  const om = sideMatchFor(o.outputSides, pathwayIndex)!;
  const im = sideMatchFor(i.inputSides, pathwayIndex)!;
  const compiled = om.side.pathway;
  const pathway = compiled.pathway;
  // One sink for every synergy built: its lists are copied (or shared, see sharedList) into the explanation.
  const sink = SINK;
  sink.reasons.length = 0;
  sink.conditionsMet.length = 0;
  sink.conditionsToCheck.length = 0;
  sink.breakdown = { compatibility: 0, quantity: 0, distance: 0, quality: 0, availability: 0, hazard: 0 };
  const score = assessSubstitution(ctx.geometry, o, om, i, im, distanceKm, ctx.substitutionWeights, sink);

  const oq = quantityIn(o, om);
  const iq = quantityIn(i, im);
  const matched = oq !== null && iq !== null ? Math.min(oq, iq) : null;
  const coverage = {
    output: matched !== null ? round(matched / oq!, 4) : null,
    input: matched !== null ? round(matched / iq!, 4) : null,
  };
  const transport = transportEstimate(pathway.impact.indicator, matched, pathway.unit, distanceKm, ctx);
  const flowIds = [o.id, i.id];
  const impactInput: SubstitutionImpactInput = { pathway, output: o.flow, input: i.flow, matchedQuantity: matched, coverage, transport };
  // Heat counted over the months both sides run (heat-impacts.ts) is said in words, next to the yearly quantity matched.
  const season = pathway.impact.indicator === 'ENERGY' && matched !== null ? seasonalQuantity(impactInput, matched) : null;
  if (season) {
    sink.conditionsToCheck.push(item('SEASONAL_QUANTITY', { monthsShared: season.monthsShared, quantity: round(season.quantity, season.quantity >= 10 ? 0 : 1), unit: pathway.unit }));
  }
  return {
    key: synergyKey('SUBSTITUTION', pathway.id, flowIds),
    kind: 'SUBSTITUTION',
    pathwayId: pathway.id,
    flowIds,
    organizationIds: o.organizationId < i.organizationId ? [o.organizationId, i.organizationId] : [i.organizationId, o.organizationId],
    score,
    explanation: {
      pathwayId: pathway.id,
      reasons: sink.reasons.slice(),
      coverage,
      matchedQuantity: matched === null ? null : round(matched, 3),
      unit: pathway.unit,
      distanceKm: round(distanceKm, 2),
      conditionsMet: sharedList(sink.conditionsMet),
      conditionsToCheck: sink.conditionsToCheck.length === 0 ? (compiled.checkItems as ExplanationItem[]) : sharedList(sink.conditionsToCheck, compiled.checkItems),
      transport,
      score: sink.breakdown,
    },
    impacts: substitutionImpacts(impactInput, ctx.kb, ctx.plainFlows),
  };
}

/** Road transport when matter moves by truck: matched tonnes × distance × detour, in trucks of ~25 t. */
function transportEstimate(
  indicator: string,
  matched: number | null,
  unit: Parameters<typeof toTonnes>[1],
  distanceKm: number,
  ctx: EngineContext,
): { tonneKm: number; trips: number | null } | null {
  if (indicator !== 'MASS' || matched === null) return null;
  const tonnes = toTonnes(matched, unit);
  if (tonnes === null) return null;
  return {
    tonneKm: round(tonnes * distanceKm * ctx.options.roadDetourFactor, 1),
    trips: Math.ceil(tonnes / ctx.options.truckPayloadTonnes),
  };
}
