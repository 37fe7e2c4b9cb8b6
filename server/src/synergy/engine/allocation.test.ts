import { describe, expect, it } from 'vitest';
import { allocateQuantities, sumFigures, type AllocationFlow, type AllocationSynergy } from './allocation.js';
import type { ImpactFigure } from './engine.types.js';

/** Each declared unit counted once among competing suggestions (issue 14, item 1). */

const flow = (id: string, yearlyQuantity: number | null, unit: AllocationFlow['unit'] = 'MEGAWATT_HOUR', organizationId = `org-${id}`): AllocationFlow => ({
  id,
  organizationId,
  yearlyQuantity,
  unit,
});

const mwh = (central: number): ImpactFigure => ({
  indicator: 'MWH_RECOVERED',
  unit: 'MWh',
  low: central * 0.7,
  central,
  high: central,
  formula: '',
  factors: [],
  basis: 'DECLARED',
  organizationId: null,
});

function heat(key: string, score: number, source: AllocationFlow, need: AllocationFlow, stage: AllocationSynergy['stage'] = 'SUGGESTED'): AllocationSynergy {
  const matched = Math.min(source.yearlyQuantity ?? Infinity, need.yearlyQuantity ?? Infinity);
  return { key, kind: 'SUBSTITUTION', stage, score, unit: 'MEGAWATT_HOUR', matchedQuantity: matched, flows: [source, need], impacts: [mwh(matched)] };
}

const total = (list: ReturnType<typeof allocateQuantities>, indicator = 'MWH_RECOVERED') =>
  sumFigures(list.flatMap((s) => s.impacts)).find((t) => t.indicator === indicator)?.central ?? 0;

describe('allocateQuantities', () => {
  it('gives one need no more than its quantity when three sources claim it, the best-scored first', () => {
    const network = flow('network', 12_000);
    const list = allocateQuantities([
      heat('a', 0.6, flow('s1', 8_000), network),
      heat('b', 0.9, flow('s2', 10_000), network),
      heat('c', 0.7, flow('s3', 5_000), network),
    ]);
    expect(total(list)).toBeCloseTo(12_000);
    const share = Object.fromEntries(list.map((s) => [s.key, s.share]));
    expect(share).toEqual({ b: 1, c: 2_000 / 5_000, a: 0 });
  });

  it('gives one source no more than its quantity when three needs ask for it', () => {
    const source = flow('laundry', 1_800);
    const list = allocateQuantities([
      heat('a', 0.8, source, flow('n1', 1_000)),
      heat('b', 0.7, source, flow('n2', 1_500)),
      heat('c', 0.6, source, flow('n3', 1_800)),
    ]);
    expect(total(list)).toBeCloseTo(1_800);
    expect(list.find((s) => s.key === 'c')!.share).toBe(0);
  });

  it('serves what runs before what is suggested, whatever the score', () => {
    const need = flow('need', 1_000);
    const list = allocateQuantities([heat('suggested', 0.99, flow('s1', 1_000), need), heat('running', 0.1, flow('s2', 1_000), need, 'OPERATIONAL')]);
    expect(list.find((s) => s.key === 'running')!.share).toBe(1);
    expect(list.find((s) => s.key === 'suggested')!.share).toBe(0);
  });

  it('removes from a pool the tonnes a substitution already takes, and each member its euros', () => {
    const a = flow('a', 100, 'TONNE', 'org-a');
    const b = flow('b', 300, 'KILOGRAM', 'org-b');
    const euros = (organizationId: string, central: number): ImpactFigure => ({ ...mwh(central), indicator: 'EUROS_SAVED', unit: 'EUR', organizationId });
    const tonnes = (central: number): ImpactFigure => ({ ...mwh(central), indicator: 'TONNES_DIVERTED', unit: 't' });
    const list = allocateQuantities([
      { key: 'pool', kind: 'MUTUALISATION', stage: 'SUGGESTED', score: 0.99, unit: 'TONNE', matchedQuantity: 100.3, flows: [a, b], impacts: [tonnes(100.3), euros('org-a', 50), euros('org-b', 10)] },
      { key: 'sub', kind: 'SUBSTITUTION', stage: 'SUGGESTED', score: 0.5, unit: 'TONNE', matchedQuantity: 60, flows: [a, flow('mill', 60, 'TONNE')], impacts: [tonnes(60)] },
    ]);
    expect(total(list, 'TONNES_DIVERTED')).toBeCloseTo(100.3);
    const pool = list.find((s) => s.key === 'pool')!;
    expect(pool.share).toBeCloseTo(40.3 / 100.3);
    expect(pool.impacts.find((f) => f.organizationId === 'org-a')!.central).toBeCloseTo(20);
    expect(pool.impacts.find((f) => f.organizationId === 'org-b')!.central).toBeCloseTo(10);
  });

  it('drops a pool that what the substitutions leave makes no longer viable, and takes nothing for it', () => {
    const a = flow('a', 30, 'TONNE');
    const b = flow('b', 10, 'TONNE');
    const list = allocateQuantities([
      { key: 'pool', kind: 'MUTUALISATION', stage: 'SUGGESTED', score: 0.9, unit: 'TONNE', matchedQuantity: 40, flows: [a, b], impacts: [mwh(40)], viabilityThreshold: 20 },
      { key: 'sub', kind: 'SUBSTITUTION', stage: 'SUGGESTED', score: 0.1, unit: 'TONNE', matchedQuantity: 25, flows: [a, flow('mill', 25, 'TONNE')], impacts: [mwh(25)] },
      { key: 'sub2', kind: 'SUBSTITUTION', stage: 'SUGGESTED', score: 0.05, unit: 'TONNE', matchedQuantity: 5, flows: [a, flow('mill2', 5, 'TONNE')], impacts: [mwh(5)] },
    ]);
    const pool = list.find((s) => s.key === 'pool')!;
    // 40 t pooled, 30 t taken by the substitutions: 10 t left, under the 20 t threshold.
    expect(pool.share).toBe(0);
    expect(pool.taken).toEqual([]);
    expect(total(list)).toBeCloseTo(30);
  });

  it('leaves figures whole where a quantity is unknown, and the gross sum equals the once-counted one without competition', () => {
    const list = allocateQuantities([heat('a', 0.5, flow('s', null), flow('n', 400)), heat('b', 0.5, flow('s2', 300), flow('n2', 900))]);
    expect(list.map((s) => s.share)).toEqual([1, 1]);
    expect(total(list)).toBeCloseTo(700);
  });
});
