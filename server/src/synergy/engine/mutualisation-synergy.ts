import type { CompiledPathway, PreparedFlow, SideMatch } from './compiled.types.js';
import type { EngineContext } from './engine-context.js';
import type { DetectedSynergy, ExplanationItem } from './engine.types.js';
import { roundScore } from './engine.options.js';
import { distanceFromTerm } from './geo.js';
import { centreOf } from './mutualisation-clusters.js';
import { mutualisationImpacts, type PooledMember } from './mutualisation-impacts.js';
import { quantityIn, sideMatchFor } from './prepared-flow.js';
import { MATCH_LEVEL_CODE, TOP_MATCH_LEVEL, type MatchLevel } from './stream-matcher.js';
import { round } from './substitution-assessment.js';
import { frozenItem, item, sharedDistanceItem, sharedItem, sharedList, sharedPairItem } from './shared-items.js';
import { toTonnes } from './units.js';

/** A group below the viability threshold keeps this share of its score: pooling it is not worth it yet. */
export const BELOW_VIABILITY_FACTOR = 0.6;
/**
 * A pooled collection whose members all declare their stream already recycled or reused today diverts nothing: it
 * only groups existing contracts (a joint tender for price and one contract). It is kept, as such, with this
 * share of its score: below the pools that divert something.
 */
export const JOINT_TENDER_FACTOR = 0.6;
const RECOVERED_TODAY = new Set<string>(['RECYCLING', 'REUSE']);
/** Volume component below the threshold: 0.4 × pooled ÷ threshold (1 at or above it). */
const BELOW_VIABILITY_VOLUME = 0.4;
/** Volume component when the pathway sets no threshold, or when no member declared a quantity. */
const VOLUME_NO_THRESHOLD = 0.7;
const VOLUME_UNKNOWN = 0.3;
const HAZARD_HANDLED = 0.7;
const JOINT_TENDER = frozenItem('JOINT_TENDER', {});
const UNKNOWN_QUANTITIES: ExplanationItem[] = [];

/** Members whose quantity is unknown: one shared item per count (a pool has a dozen members at most). */
function unknownQuantities(count: number): ExplanationItem {
  return (UNKNOWN_QUANTITIES[count] ??= frozenItem('QUANTITY_UNKNOWN', { side: 'members', count }));
}

/** The explained mutualisation synergy of a compact group (`members` sorted by id), or null with < 2 organisations. */
export function buildMutualisation(members: PreparedFlow[], pathway: CompiledPathway, ctx: EngineContext): DetectedSynergy | null {
  const organizationIds = distinctSorted(members);
  if (organizationIds.length < 2) return null;
  const core = pathway.members?.core ?? null;
  const coreCount = core ? coreOrganizations(members, core.naceCodes) : 0;
  if (core && coreCount < core.minOrganizations) return null;
  const p = pathway.pathway;
  // The members' matches, quantities and the impacts' view of them, in one pass (three maps before), in lists of
  // their length (grown by push, each kept room for 17).
  const matches = new Array<SideMatch>(members.length);
  const quantities = new Array<number | null>(members.length);
  const pooledMembers = new Array<PooledMember>(members.length);
  for (let k = 0; k < members.length; k++) {
    const match = sideMatchFor(members[k].streamSides, pathway.index)!;
    const quantity = quantityIn(members[k], match);
    matches[k] = match;
    quantities[k] = quantity;
    pooledMembers[k] = { flow: members[k].flow, quantity };
  }
  const reasons: ExplanationItem[] = [];
  const conditionsMet: ExplanationItem[] = [];
  const conditionsToCheck: ExplanationItem[] = [];

  let pooled: number | null = null;
  let unknown = 0;
  // Indexed loops: an iterator result per element otherwise, where this runs before it is optimised (6 MB a load).
  for (let k = 0; k < quantities.length; k++) {
    const q = quantities[k];
    if (q === null) unknown++;
    else pooled = (pooled ?? 0) + q;
  }
  const threshold = p.viabilityThreshold ?? null;
  let volume = VOLUME_NO_THRESHOLD;
  let viable = true;
  if (pooled === null) volume = VOLUME_UNKNOWN;
  else if (threshold !== null && threshold > 0) {
    viable = pooled >= threshold;
    volume = viable ? 1 : (BELOW_VIABILITY_VOLUME * pooled) / threshold;
  }

  const centre = centreOf(members);
  const distances = new Array<number>(members.length);
  let maxDistance = 0;
  for (let k = 0; k < members.length; k++) {
    const d = distanceFromTerm(ctx.geometry.termTo(centre, members[k].slot));
    distances[k] = d;
    if (d > maxDistance) maxDistance = d;
  }
  const compactness = pathway.reachKm > 0 ? Math.max(0, 1 - (2 * maxDistance) / pathway.reachKm) : 1;
  const size = 1 - Math.exp(-(organizationIds.length - 1) / 3);
  let compatibility = 0;
  for (let k = 0; k < matches.length; k++) compatibility += matches[k].compatibility;
  compatibility /= matches.length;

  let hazard = 1;
  let hazardous = 0;
  for (let k = 0; k < members.length; k++) if (members[k].hazardous) hazardous++;
  if (hazardous > 0 && p.conditions.hazardous === 'HANDLED') {
    hazard = HAZARD_HANDLED;
    conditionsToCheck.push(sharedItem('HAZARD_HANDLING', 'members', hazardous));
  } else if (hazardous > 0) conditionsMet.push(item('HAZARD_ALLOWED', { members: hazardous }));

  const w = ctx.options.mutualisationWeights;
  const breakdown = {
    compatibility: round(compatibility, 4),
    quantity: round(volume, 4),
    distance: round(compactness, 4),
    quality: round(size, 4),
    availability: 1,
    hazard,
  };
  const raw =
    w.compatibility * compatibility + w.quantity * volume + w.distance * compactness + w.quality * size + w.availability + w.hazard * hazard;
  const jointTender = pathway.streamDirection === 'OUTPUT' && allRecoveredToday(members);
  const score = roundScore((viable ? raw : raw * BELOW_VIABILITY_FACTOR) * (jointTender ? JOINT_TENDER_FACTOR : 1));

  const direction = pathway.streamDirection!;
  // Items said alike by many pools (counts, distances to 100 m) are shared; the lists of shared items too.
  reasons.push(sharedPairItem(direction === 'OUTPUT' ? 'SHARED_STREAM' : 'SHARED_NEED', 'members', members.length, 'organizations', organizationIds.length));
  levelReasons(matches, reasons);
  const unit = p.unit;
  const pooledRounded = pooled === null ? null : round(pooled, 3);
  reasons.push(item('POOLED_VOLUME', { quantity: pooledRounded, unit, threshold }));
  reasons.push(sharedDistanceItem('WITHIN_REACH', 'distanceKm', maxDistance, pathway.reachKm));
  if (pooled !== null && threshold !== null && threshold > 0) {
    if (viable) conditionsMet.push(item('VIABLE_VOLUME', { quantity: pooledRounded, threshold, unit }));
    else conditionsToCheck.push(item('BELOW_VIABILITY', { quantity: pooledRounded, threshold, missing: round(threshold - pooled, 3), unit }));
  }
  if (core) conditionsMet.push(item('CORE_MEMBERS', { organizations: coreCount, naceCodes: naceCodesText(core.naceCodes) }));
  conditionsMet.push(sharedDistanceItem('GROUP_COMPACT', 'maxDistanceKm', maxDistance, pathway.reachKm));
  if (unknown > 0) conditionsToCheck.push(unknownQuantities(unknown));
  if (jointTender) conditionsToCheck.push(JOINT_TENDER);
  if (pathway.treatmentItem) conditionsToCheck.push(pathway.treatmentItem);

  const flowIds = new Array<string>(members.length);
  for (let k = 0; k < members.length; k++) flowIds[k] = members[k].id;
  return {
    // Members come sorted by id: the key is built without sorting again.
    key: `MUTUALISATION:${p.id}:${flowIds.join(',')}`,
    kind: 'MUTUALISATION',
    pathwayId: p.id,
    flowIds,
    organizationIds,
    score,
    explanation: {
      pathwayId: p.id,
      reasons: reasons.slice(),
      coverage: { output: null, input: null },
      matchedQuantity: pooledRounded,
      unit,
      distanceKm: round(maxDistance, 2),
      conditionsMet: conditionsMet.slice(),
      conditionsToCheck: sharedList(conditionsToCheck, pathway.checkItems),
      transport: collectionRound(p.impact.indicator, quantities, distances, unit, ctx),
      score: breakdown,
    },
    impacts: mutualisationImpacts(
      { pathway: p, direction, members: pooledMembers, pooledQuantity: pooled },
      ctx.kb,
      ctx.plainFlows,
    ),
  };
}

const NACE_TEXT = new WeakMap<string[], string>();

/** A pathway's core NACE codes as said (the knowledge base's list): joined once per list, not once per pool. */
function naceCodesText(codes: string[]): string {
  let text = NACE_TEXT.get(codes);
  if (text === undefined) NACE_TEXT.set(codes, (text = codes.join(', ')));
  return text;
}

/** The members' organisations, distinct and sorted (groups are small: an insertion sort, no Set). */
function distinctSorted(members: PreparedFlow[]): string[] {
  const ids: string[] = [];
  for (let k = 0; k < members.length; k++) {
    const id = members[k].organizationId;
    let at = ids.length;
    while (at > 0 && ids[at - 1] > id) at--;
    if (at > 0 && ids[at - 1] === id) continue;
    // Shifted by hand: splice returns an array of what it removed, one per organisation.
    ids.push(id);
    for (let k = ids.length - 1; k > at; k--) ids[k] = ids[k - 1];
    ids[at] = id;
  }
  return ids;
}

/** Whether every member declares its stream recycled or reused today (loops, not a closure made per pool). */
function allRecoveredToday(members: PreparedFlow[]): boolean {
  for (let k = 0; k < members.length; k++) if (!RECOVERED_TODAY.has(members[k].flow.currentDestination ?? '')) return false;
  return true;
}

/** How many distinct organisations of the members have a NACE code starting with one of `prefixes`. */
function coreOrganizations(members: PreparedFlow[], prefixes: string[]): number {
  const found: string[] = [];
  for (const m of members) {
    const nace = m.flow.naceCode;
    if (!nace || found.includes(m.organizationId)) continue;
    for (let k = 0; k < prefixes.length; k++) {
      if (nace.startsWith(prefixes[k])) {
        found.push(m.organizationId);
        break;
      }
    }
  }
  return found.length;
}

/**
 * One reason per way members were recognised, surest first, with how many and each distinct detail (the codes
 * members really carry, in the order of the members, joined by ", ").
 */
function levelReasons(matches: SideMatch[], into: ExplanationItem[]): void {
  for (let level: number = TOP_MATCH_LEVEL; level >= 1; level--) {
    let count = 0;
    let details: string[] | null = null;
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k];
      if (m.level !== level) continue;
      details ??= [];
      if (!details.includes(m.detail)) details.push(m.detail);
      count++;
    }
    if (count > 0 && details) into.push(item(MATCH_LEVEL_CODE[level as MatchLevel], { side: 'members', count, detail: details.join(', ') }));
  }
}

/** Matter brought to the group's centre by road: Σ tonnes × distance to the centre × detour. */
function collectionRound(
  indicator: string,
  quantities: (number | null)[],
  distances: number[],
  unit: Parameters<typeof toTonnes>[1],
  ctx: EngineContext,
): { tonneKm: number; trips: number | null } | null {
  if (indicator !== 'MASS') return null;
  let tonneKm = 0;
  let tonnes = 0;
  for (let k = 0; k < quantities.length; k++) {
    const t = toTonnes(quantities[k], unit);
    if (t === null) continue;
    tonnes += t;
    tonneKm += t * distances[k] * ctx.options.roadDetourFactor;
  }
  if (tonnes === 0) return null;
  return { tonneKm: round(tonneKm, 1), trips: Math.ceil(tonnes / ctx.options.truckPayloadTonnes) };
}

