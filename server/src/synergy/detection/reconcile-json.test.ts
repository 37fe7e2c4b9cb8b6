import { describe, expect, it } from 'vitest';
import { sameJson } from './reconcile.js';

describe('sameJson', () => {
  it('sees an explanation read back from jsonb (keys reordered, undefined dropped) as the one detected', () => {
    const detected = { pathwayId: 'p', score: { quantity: 0.4, distance: 1 }, coverage: { output: 0.5, input: null }, transport: undefined, items: [{ code: 'A', params: { b: 1, a: 2 } }] };
    const stored = JSON.parse('{"items":[{"code":"A","params":{"a":2,"b":1}}],"score":{"distance":1,"quantity":0.4},"coverage":{"input":null,"output":0.5},"pathwayId":"p"}');
    expect(sameJson(stored, detected)).toBe(true);
  });
  it('tells a changed value, a changed order of a list, or a missing key apart', () => {
    const a = { score: { quantity: 0.4 }, items: [1, 2] };
    expect(sameJson(a, { score: { quantity: 0.41 }, items: [1, 2] })).toBe(false);
    expect(sameJson(a, { score: { quantity: 0.4 }, items: [2, 1] })).toBe(false);
    expect(sameJson(a, { score: {}, items: [1, 2] })).toBe(false);
    expect(sameJson(null, undefined)).toBe(true);
    expect(sameJson(null, {})).toBe(false);
  });
});
