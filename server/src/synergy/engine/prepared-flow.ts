import type { CompiledKnowledgeBase, PathwaySide } from './compiled-knowledge-base.js';
import type { EngineFlow, ExplanationItem } from './engine.types.js';
import { geoPoint, type GeoPoint } from './geo.js';
import { matchStream, normalizeEwcCode, type MatchLevel } from './stream-matcher.js';
import { searchableLabel } from './text-fold.js';
import { convertQuantity } from './units.js';

/** A flow recognised as one side of a pathway. */
export interface SideMatch {
  side: PathwaySide;
  level: MatchLevel;
  detail: string;
  /** The flow's yearly quantity in the pathway's unit; null when unknown or not convertible. */
  quantity: number | null;
  /** The explanation item saying how the flow was recognised, made once and shared by its synergies. */
  reason?: ExplanationItem;
}

/** A flow with everything the engine computes once per flow rather than once per pair. */
export interface PreparedFlow extends GeoPoint {
  /** Position in the detector's tables (reused after a removal). */
  slot: number;
  flow: EngineFlow;
  id: string;
  organizationId: string;
  isOutput: boolean;
  hazardous: boolean;
  ewcCode: string | null;
  /** Months available, one bit per month (bit 0 = January); 0xfff = all year. */
  monthMask: number;
  monthCount: number;
  /** Outputs: the flow's temperature. Inputs: the temperature required (own, else the declared need's). */
  temperatureC: number | null;
  /** Takes part as an insertion enterprise or SSE (jobs it creates count as insertion jobs). */
  insertionActor: boolean;
  outputSides: SideMatch[];
  inputSides: SideMatch[];
  streamSides: SideMatch[];
}

export const ALL_MONTHS = 0xfff;

export function prepareFlow(flow: EngineFlow, slot: number, kb: CompiledKnowledgeBase): PreparedFlow {
  const isOutput = flow.direction === 'OUTPUT';
  const ewcCode = flow.ewcCode ? normalizeEwcCode(flow.ewcCode) : null;
  const needTemperature = flow.needCode ? (kb.needs.get(flow.needCode)?.temperatureC ?? null) : null;
  const temperatureC = finiteOrNull(flow.temperatureC) ?? (isOutput ? null : needTemperature);
  const monthMask = monthsToMask(flow.availableMonths);
  const point = geoPoint(flow.latitude, flow.longitude);
  // Written out rather than spread: a spread object literal is many times slower to build and to read in V8.
  const prepared: PreparedFlow = {
    latitude: point.latitude,
    longitude: point.longitude,
    latRad: point.latRad,
    lonRad: point.lonRad,
    cosLat: point.cosLat,
    slot,
    flow,
    id: flow.id,
    organizationId: flow.organizationId,
    isOutput,
    hazardous: flow.hazardous || Boolean(flow.ewcCode?.trim().endsWith('*')),
    ewcCode,
    monthMask,
    monthCount: bitCount(monthMask),
    temperatureC,
    insertionActor: flow.insertion || flow.organizationKind === 'SSE',
    outputSides: [],
    inputSides: [],
    streamSides: [],
  };
  const matchable = {
    category: flow.category,
    ewcCode,
    needCode: flow.needCode,
    searchLabel: searchableLabel(flow.label),
    physicalForm: flow.physicalForm,
    temperatureC,
  };
  for (const side of kb.sidesFor(flow.direction, flow.category)) {
    const match = matchStream(matchable, side.matcher);
    if (!match) continue;
    const quantity = convertQuantity(flow.yearlyQuantity, flow.unit, side.pathway.pathway.unit);
    const sideMatch: SideMatch = { side, level: match.level, detail: match.detail, quantity };
    if (side.role === 'output') prepared.outputSides.push(sideMatch);
    else if (side.role === 'input') prepared.inputSides.push(sideMatch);
    else prepared.streamSides.push(sideMatch);
  }
  return prepared;
}

/** The match of a prepared flow for a pathway on the given side list, if any. */
export function sideMatchFor(sides: SideMatch[], pathwayIndex: number): SideMatch | undefined {
  for (let k = 0; k < sides.length; k++) if (sides[k].side.pathway.index === pathwayIndex) return sides[k];
  return undefined;
}

function monthsToMask(months: number[] | null): number {
  if (!months || months.length === 0) return ALL_MONTHS;
  let mask = 0;
  for (const m of months) if (Number.isInteger(m) && m >= 1 && m <= 12) mask |= 1 << (m - 1);
  return mask === 0 ? ALL_MONTHS : mask;
}

export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

function finiteOrNull(value: number | null): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}
