import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKnowledgeBase } from '../engine/compiled-knowledge-base.js';
import { auditImpactSources } from '../engine/impact-audit.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { renderWorkedExamples, withExamples, workedExamples } from './worked-examples.js';

/**
 * docs/impact-method.md § 10 shows one worked example per route family, computed by the engine: this test fails when
 * the doc's figures are not what the engine gives today (run `npm run impact:examples -w server`), and checks a few
 * of them against the arithmetic of the method, worked out by hand.
 */
const raw = loadKnowledgeBase();
const examples = workedExamples(compileKnowledgeBase(raw));
const doc = readFileSync(path.resolve(import.meta.dirname, '../../../../docs/impact-method.md'), 'utf8');
const figure = (family: string, indicator: string, who?: string) =>
  examples.find((e) => e.family === family)!.figures.find((f) => f.indicator === indicator && (who === undefined || f.organizationId === who))!;

describe('worked examples of the impact method', () => {
  it('are in docs/impact-method.md as the engine computes them today', () => {
    const section = renderWorkedExamples(examples);
    expect(withExamples(doc, section)).toBe(doc);
  });

  it('cover every route family, each figure traceable to a source of its kind or a stated assumption', () => {
    expect(examples.map((e) => e.family)).toEqual([
      'Material substitution (recycling)',
      'Reuse',
      'Heat, direct exchange',
      'Heat through a heat pump',
      'Water',
      'Energy recovery',
      'Pooled collection',
      'Pooled service',
    ]);
    for (const e of examples) expect(e.figures.length, e.family).toBeGreaterThan(0);
    expect(auditImpactSources(examples.flatMap((e) => e.figures), raw)).toEqual([]);
  });

  it('agree with the method worked by hand', () => {
    // 100 t × 85 % = 85 t; CO2e: 85 t × 1,100 kg/t (BIO IS, per t recovered: no yield) + 63.75 t (85 t × 75 % yield:
    // the rejects are still disposed of) × 2,769 kg/t − 2,210 t·km × 0.0875 kg/t·km (Base Carbone V23.6: PE packaging
    // « Incinération - Impacts » n° 34528; articulated truck 34 à 40 t, diesel, n° 43643).
    expect(figure('Material substitution (recycling)', 'TONNES_DIVERTED').central).toBe(85);
    expect(figure('Material substitution (recycling)', 'CO2E_AVOIDED_T').central).toBeCloseTo((85 * 1_100 + 63.75 * 2_769 - 2_210 * 0.0875) / 1000, 2);
    // Three shops pool their board, 38.25 t diverted: 38.25 t × (−280 + 45) kg/t + 414.4 t·km × 0.0875 kg/t·km saved — by the
    // Base Carbone's FEDEREC 2017 items recycled board emits more than virgin board (670 against 390 kg CO2e/t).
    expect(figure('Pooled collection', 'CO2E_AVOIDED_T').central).toBeCloseTo((38.25 * (-280 + 45) + 414.4 * 0.0875) / 1000, 2);
    // The plastic's price (85 t × 321 EUR/t) moves from the converter to the producer: their sum is the two costs × 85 %,
    // less the haulage (2,210 t·km × 0.12 EUR/t·km).
    const both = figure('Material substitution (recycling)', 'EUROS_SAVED', 'converter').central + figure('Material substitution (recycling)', 'EUROS_SAVED', 'producer').central;
    expect(both).toBe((90_000 + 15_000) * 0.85 - Math.round(2_210 * 0.12));
    // min(3,000 × 7/12, 3,500) = 1,750 MWh × 85 % = 1,487.5 MWh × 266 kg/MWh.
    expect(figure('Heat, direct exchange', 'CO2E_AVOIDED_T').central).toBeCloseTo((1_487.5 * 266) / 1000, 2);
    // Half the rinse water is used today: 10,000 m³ × 85 %; the taker saves on half its purchase.
    expect(figure('Water', 'WATER_M3_SAVED').central).toBe(8_500);
    expect(figure('Water', 'EUROS_SAVED', 'taker').central).toBe(70_000 * 0.5 * 0.85);
    // A service bought together: 10 % of each budget × 85 % take-up; no jobs (the hours move between providers).
    expect(figure('Pooled service', 'EUROS_SAVED', 'firm-a').central).toBe(12_000 * 0.1 * 0.85);
    expect(figure('Pooled service', 'JOBS')).toBeUndefined();
  });
});
