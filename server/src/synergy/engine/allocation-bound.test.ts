import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateQuantities, sumFigures, type AllocationFlow, type AllocationSynergy } from './allocation.js';
import type { ImpactFigure } from './engine.types.js';
import { divertedShare } from './impact-factors.js';

/**
 * The issue's audit bounded each indicator by a linear program: every flow contributes at most its declared quantity,
 * each indicator maximised on its own. A greedy allocation over the same constraints is one feasible point of that
 * program, so its total can never exceed the program's maximum. This test solves the program (a small simplex below)
 * on random territories — substitutions and pools over members with different destinations — and checks the
 * greedy's tonnes diverted stay under it. Before pools kept their tonnes by the members' diverted share, a pool
 * that a substitution had emptied of its landfilled member kept its recycled member's tonnes as if they were
 * diverted: over the bound.
 */

/** max c·x subject to A x ≤ b, x ≥ 0, with b ≥ 0 (the origin is feasible): a dense simplex with Bland's rule. */
export function maximise(c: number[], A: number[][], b: number[]): number {
  const m = A.length;
  const n = c.length;
  const t = A.map((row, i) => [...row, ...Array.from({ length: m }, (_, k) => (k === i ? 1 : 0)), b[i]]);
  const z = [...c.map((x) => -x), ...Array<number>(m).fill(0), 0];
  const basis = Array.from({ length: m }, (_, i) => n + i);
  for (;;) {
    const enter = z.slice(0, n + m).findIndex((x) => x < -1e-9);
    if (enter < 0) return z[n + m];
    let leave = -1;
    for (let i = 0; i < m; i++) {
      if (t[i][enter] <= 1e-12) continue;
      const r = t[i][n + m] / t[i][enter];
      const best = leave < 0 ? Infinity : t[leave][n + m] / t[leave][enter];
      if (leave < 0 || r < best - 1e-12 || (Math.abs(r - best) <= 1e-12 && basis[i] < basis[leave])) leave = i;
    }
    if (leave < 0) return Infinity;
    const p = t[leave][enter];
    t[leave] = t[leave].map((x) => x / p);
    for (let i = 0; i < m; i++) if (i !== leave && t[i][enter] !== 0) { const f = t[i][enter]; t[i] = t[i].map((x, j) => x - f * t[leave][j]); }
    const f = z[enter];
    for (let j = 0; j <= n + m; j++) z[j] -= f * t[leave][j];
    basis[leave] = enter;
  }
}

const DESTINATIONS = ['LANDFILL', 'RECYCLING', 'ENERGY_RECOVERY', null] as const;

const tonnes = (central: number): ImpactFigure => ({
  indicator: 'TONNES_DIVERTED', unit: 't', low: central, central, high: central, formula: '', factors: [], basis: 'DECLARED', organizationId: null,
});

const territory = fc
  .record({
    flows: fc.array(fc.record({ q: fc.integer({ min: 1, max: 500 }), destination: fc.constantFrom(...DESTINATIONS) }), { minLength: 2, maxLength: 7 }),
    synergies: fc.array(
      fc.record({ pool: fc.boolean(), members: fc.uniqueArray(fc.nat({ max: 6 }), { minLength: 2, maxLength: 4 }), score: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { maxLength: 10 },
    ),
  })
  .map(({ flows: declared, synergies }) => {
    const flows: AllocationFlow[] = declared.map((f, k) => ({ id: `f${k}`, organizationId: `o${k}`, yearlyQuantity: f.q, unit: 'TONNE', currentDestination: f.destination }));
    const d = (f: AllocationFlow) => divertedShare(f.currentDestination ?? null).central;
    const list: AllocationSynergy[] = synergies.flatMap((s, k): AllocationSynergy[] => {
      const members = s.members.filter((m) => m < flows.length).map((m) => flows[m]);
      if (members.length < 2) return [];
      const [output, input] = members;
      // Substitution: the first member is the output, the second the input; its tonnes are the output's diverted part.
      if (!s.pool) {
        const q = Math.min(output.yearlyQuantity!, input.yearlyQuantity!);
        return [{ key: `s${k}`, kind: 'SUBSTITUTION', stage: 'SUGGESTED', score: s.score, unit: 'TONNE', matchedQuantity: q, flows: [output, input], impacts: [tonnes(q * d(output))] }];
      }
      const pooled = members.reduce((n, f) => n + f.yearlyQuantity!, 0);
      const diverted = members.reduce((n, f) => n + f.yearlyQuantity! * d(f), 0);
      return [{ key: `p${k}`, kind: 'MUTUALISATION', stage: 'SUGGESTED', score: s.score, unit: 'TONNE', matchedQuantity: pooled, flows: members, impacts: [tonnes(diverted)] }];
    });
    return { flows, list, d };
  });

/** The program: one variable per substitution (tonnes moved) and per pool member (its tonnes kept by the pool). */
function bound(flows: AllocationFlow[], list: AllocationSynergy[], d: (f: AllocationFlow) => number): number {
  const c: number[] = [];
  const columns: { flows: string[]; max: number }[] = [];
  for (const s of list) {
    if (s.kind === 'SUBSTITUTION') {
      c.push(d(s.flows[0]));
      columns.push({ flows: s.flows.map((f) => f.id), max: s.matchedQuantity! });
    } else for (const f of s.flows) { c.push(d(f)); columns.push({ flows: [f.id], max: f.yearlyQuantity! }); }
  }
  const A = [...flows.map((f) => columns.map((col) => (col.flows.includes(f.id) ? 1 : 0))), ...columns.map((_, j) => columns.map((__, k) => (k === j ? 1 : 0)))];
  const b = [...flows.map((f) => f.yearlyQuantity!), ...columns.map((col) => col.max)];
  return c.length === 0 ? 0 : maximise(c, A, b);
}

describe('allocateQuantities against the linear-program bound', () => {
  it('solves a known program', () => {
    // max 3x + 2y, x + y ≤ 4, x + 3y ≤ 6, x ≤ 3: x = 3, y = 1, 11.
    expect(maximise([3, 2], [[1, 1], [1, 3], [1, 0]], [4, 6, 3])).toBeCloseTo(11);
  });

  it('keeps a pool emptied of its landfilled member from counting its recycled member as diverted', () => {
    const landfilled: AllocationFlow = { id: 'a', organizationId: 'oa', yearlyQuantity: 50, unit: 'TONNE', currentDestination: 'LANDFILL' };
    const recycled: AllocationFlow = { id: 'b', organizationId: 'ob', yearlyQuantity: 50, unit: 'TONNE', currentDestination: 'RECYCLING' };
    const mill: AllocationFlow = { id: 'mill', organizationId: 'om', yearlyQuantity: 50, unit: 'TONNE' };
    const list = allocateQuantities([
      { key: 'sub', kind: 'SUBSTITUTION', stage: 'SUGGESTED', score: 0.9, unit: 'TONNE', matchedQuantity: 50, flows: [landfilled, mill], impacts: [tonnes(50)] },
      { key: 'pool', kind: 'MUTUALISATION', stage: 'SUGGESTED', score: 0.8, unit: 'TONNE', matchedQuantity: 100, flows: [landfilled, recycled], impacts: [tonnes(50)] },
    ]);
    // 50 t can be diverted in all: the substitution's. The pool keeps the recycled 50 t, which divert nothing.
    expect(sumFigures(list.flatMap((s) => s.impacts))[0].central).toBeCloseTo(50);
    expect(list.find((s) => s.key === 'pool')!.share).toBeCloseTo(0.5);
  });

  it('never counts more tonnes diverted than the linear program allows', () => {
    fc.assert(
      fc.property(territory, ({ flows, list, d }) => {
        const greedy = sumFigures(allocateQuantities(list).flatMap((s) => s.impacts)).find((t) => t.indicator === 'TONNES_DIVERTED')?.central ?? 0;
        expect(greedy).toBeLessThanOrEqual(bound(flows, list, d) + 1e-6);
      }),
      { numRuns: 300 },
    );
  });
});
