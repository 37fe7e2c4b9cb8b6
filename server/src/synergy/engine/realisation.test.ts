import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { expectedTotals, PNSI_CONCRETISED, PNSI_DETECTED, REALISATION, REALISATION_SOURCE_ID, wilsonInterval } from './realisation.js';

describe('the probability that a synergy happens, by stage', () => {
  it('takes the suggested rate from the cited source, whose text gives both counts', () => {
    const source = loadKnowledgeBase().sources.find((s) => s.id === REALISATION_SOURCE_ID)!;
    expect(REALISATION.SUGGESTED.sourceId).toBe(source.id);
    expect(source.citation).toContain(`concrétisation de ${PNSI_CONCRETISED} synergies`);
    expect(source.citation).toContain(`${PNSI_CONCRETISED} synergies concrétisées sur ${PNSI_DETECTED} détectées`);
    // 138 concretised + 450 left as ideas or discussions = 588 detected.
    expect(source.citation).toContain(`${PNSI_DETECTED - PNSI_CONCRETISED} synergies à l'état`);
    expect(REALISATION.SUGGESTED.probability.central).toBeCloseTo(0.2347, 4);
  });

  it('gives the 95 % Wilson interval of a count, checked by hand', () => {
    // p = 0.2347, z² = 3.8416: centre (0.2347 + 0.003267) / 1.006533 = 0.23641; half 0.034188 → 0.2022–0.2706.
    const { low, high } = wilsonInterval(138, 588);
    expect(low).toBeCloseTo(0.2022, 4);
    expect(high).toBeCloseTo(0.2706, 4);
    // A smaller count of the same rate widens it.
    const wider = wilsonInterval(14, 59);
    expect(wider.high - wider.low).toBeGreaterThan(high - low);
  });

  it('orders the stages: suggested below in progress below operational, and only the assumption lacks a source', () => {
    expect(REALISATION.SUGGESTED.probability.central).toBeLessThan(REALISATION.IN_PROGRESS.probability.central);
    expect(REALISATION.IN_PROGRESS.probability.central).toBeLessThan(REALISATION.OPERATIONAL.probability.central);
    expect(REALISATION.IN_PROGRESS.probability.low).toBe(REALISATION.SUGGESTED.probability.central);
    expect(REALISATION.IN_PROGRESS.sourceId).toBeNull();
    expect(REALISATION.IN_PROGRESS.basis).toMatch(/^assumption/);
  });

  it('scales low, central and high by the stage’s low, central and high; operational totals stay whole', () => {
    const totals = [{ indicator: 'TONNES_DIVERTED', unit: 't', low: 70, central: 85, high: 100 }];
    const [s] = expectedTotals(totals, 'SUGGESTED');
    expect(s.central).toBeCloseTo(85 * (138 / 588), 6);
    expect(s.low).toBeCloseTo(70 * wilsonInterval(138, 588).low, 6);
    expect(s.high).toBeCloseTo(100 * wilsonInterval(138, 588).high, 6);
    expect(expectedTotals(totals, 'OPERATIONAL')).toEqual(totals);
    const [p] = expectedTotals(totals, 'IN_PROGRESS');
    expect(p.central).toBeCloseTo(85 * (1 + 138 / 588) / 2, 6);
    expect(p.high).toBe(100);
  });
});
