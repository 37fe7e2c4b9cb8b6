import type { CurrentDestination, FlowUnit, ResourceCategory } from '../../gql/graphql';
import type { DashboardFlow, DashboardSynergy } from './dashboard-data';
import { stageOf } from './stages';

/** What a Sankey adds up: quantities of one dimension, in its base unit (t, MWh, m³). */
export type Dimension = 'mass' | 'energy' | 'volume';
export const DIMENSIONS: readonly Dimension[] = ['mass', 'energy', 'volume'];

const UNIT_SCALE: Partial<Record<FlowUnit, { dimension: Dimension; toBase: number }>> = {
  TONNE: { dimension: 'mass', toBase: 1 },
  KILOGRAM: { dimension: 'mass', toBase: 0.001 },
  MEGAWATT_HOUR: { dimension: 'energy', toBase: 1 },
  KILOWATT_HOUR: { dimension: 'energy', toBase: 0.001 },
  CUBIC_METRE: { dimension: 'volume', toBase: 1 },
  LITRE: { dimension: 'volume', toBase: 0.001 },
};

// A flow gives its unit by name (TONNE), a synergy's explanation by symbol (t): both are read.
const UNIT_OF_SYMBOL: Record<string, FlowUnit> = {
  t: 'TONNE',
  kg: 'KILOGRAM',
  MWh: 'MEGAWATT_HOUR',
  kWh: 'KILOWATT_HOUR',
  m3: 'CUBIC_METRE',
  'm³': 'CUBIC_METRE',
  L: 'LITRE',
};

/** A quantity of `unit` in the base unit of `dimension`; null when the unit is of another dimension or unknown. */
export function inBaseUnit(quantity: number | null | undefined, unit: string, dimension: Dimension): number | null {
  const scale = UNIT_SCALE[(UNIT_OF_SYMBOL[unit] ?? unit) as FlowUnit];
  if (quantity == null || !(quantity > 0) || !scale || scale.dimension !== dimension) return null;
  return quantity * scale.toBase;
}

export type SankeyNodeRef =
  | { id: string; column: 'category'; category: ResourceCategory }
  | { id: string; column: 'stream'; category: ResourceCategory; chapterCode: string | null; chapterLabelFr: string | null; chapterLabelEn: string | null }
  | { id: string; column: 'destination'; destination: CurrentDestination | 'UNKNOWN' | 'SYNERGY' };

export interface SankeyModel {
  nodes: SankeyNodeRef[];
  links: { source: string; target: string; value: number }[];
  /** Quantity the suggested synergies take from today's destinations, in the base unit. */
  diverted: number;
}

/**
 * Quantity of each visible output taken up by the open substitutions, best score first. Each tonne is allocated
 * once: a synergy takes at most what its output has left and what its input still needs, so competing
 * suggestions for the same source or need are not added up.
 */
export function allocateSynergies(flows: readonly DashboardFlow[], synergies: readonly DashboardSynergy[], dimension: Dimension) {
  const left = new Map<string, number>();
  for (const flow of flows) {
    const quantity = inBaseUnit(flow.yearlyQuantity, flow.unit, dimension);
    if (quantity !== null) left.set(flow.id, quantity);
  }
  const needLeft = new Map<string, number>();
  const taken = new Map<string, number>();
  const ranked = [...synergies].sort((a, b) => b.score - a.score);
  for (const synergy of ranked) {
    if (synergy.kind !== 'SUBSTITUTION' || !stageOf(synergy.status) || !synergy.explanation) continue;
    const output = synergy.participants.find((p) => p.role === 'OUTPUT')?.flow;
    const input = synergy.participants.find((p) => p.role === 'INPUT')?.flow;
    const matched = inBaseUnit(synergy.explanation.matchedQuantity, synergy.explanation.unit, dimension);
    if (!output || matched === null || !left.has(output.id)) continue;
    let amount = Math.min(matched, left.get(output.id)!);
    if (input) {
      if (!needLeft.has(input.id)) needLeft.set(input.id, inBaseUnit(input.yearlyQuantity, input.unit, dimension) ?? Infinity);
      amount = Math.min(amount, needLeft.get(input.id)!);
      needLeft.set(input.id, needLeft.get(input.id)! - amount);
    }
    if (amount <= 0) continue;
    left.set(output.id, left.get(output.id)! - amount);
    taken.set(output.id, (taken.get(output.id) ?? 0) + amount);
  }
  return taken;
}

/**
 * The visible outputs of one dimension from category to stream (List of Waste chapter) to destination: today's,
 * or after the open substitutions (their allocated share goes to "synergy").
 */
export function sankeyModel(
  flows: readonly DashboardFlow[],
  synergies: readonly DashboardSynergy[],
  dimension: Dimension,
  afterSynergies: boolean,
): SankeyModel {
  const nodes = new Map<string, SankeyNodeRef>();
  const values = new Map<string, number>();
  const add = (source: SankeyNodeRef, target: SankeyNodeRef, value: number) => {
    if (!(value > 0)) return;
    nodes.set(source.id, source);
    nodes.set(target.id, target);
    const key = `${source.id}\u0000${target.id}`;
    values.set(key, (values.get(key) ?? 0) + value);
  };
  const taken = afterSynergies ? allocateSynergies(flows, synergies, dimension) : new Map<string, number>();
  let diverted = 0;
  for (const flow of flows) {
    const quantity = inBaseUnit(flow.yearlyQuantity, flow.unit, dimension);
    if (quantity === null) continue;
    const category: SankeyNodeRef = { id: `category:${flow.category}`, column: 'category', category: flow.category };
    const chapter = flow.wasteCode;
    // A chapter of the List of Waste is one stream whichever category declared it (slag as material or as waste).
    const stream: SankeyNodeRef = {
      id: chapter ? `stream:${chapter.chapterCode}` : `stream:${flow.category}:-`,
      column: 'stream',
      category: flow.category,
      chapterCode: chapter?.chapterCode ?? null,
      chapterLabelFr: chapter?.chapterLabelFr ?? null,
      chapterLabelEn: chapter?.chapterLabelEn ?? null,
    };
    const destination = flow.currentDestination ?? 'UNKNOWN';
    const share = taken.get(flow.id) ?? 0;
    diverted += share;
    add(category, stream, quantity);
    add(stream, { id: `destination:${destination}`, column: 'destination', destination }, quantity - share);
    add(stream, { id: 'destination:SYNERGY', column: 'destination', destination: 'SYNERGY' }, share);
  }
  const links = [...values.entries()].map(([key, value]) => {
    const [source, target] = key.split('\u0000');
    return { source, target, value };
  });
  return { nodes: [...nodes.values()], links, diverted };
}
