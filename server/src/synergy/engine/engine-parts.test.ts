import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { FIXTURE_KB, at, flow } from './engine.fixture.js';
import { detectSynergies } from './detector.js';
import { haversineKm } from './geo.js';
import { MATCH_LEVEL_COMPATIBILITY, MatchLevel, compileMatcher, matchStream, normalizeEwcCode, type MatchableFlow } from './stream-matcher.js';
import { findKeyword, foldText, searchableKeyword, searchableLabel } from './text-fold.js';
import { convertQuantity } from './units.js';

/** The small pieces the detection stands on: units, text folding, code matching, distances. */

describe('units', () => {
  it('converts within a dimension and refuses across dimensions', () => {
    expect(convertQuantity(2500, 'KILOGRAM', 'TONNE')).toBe(2.5);
    expect(convertQuantity(3200, 'KILOWATT_HOUR', 'MEGAWATT_HOUR')).toBe(3.2);
    expect(convertQuantity(1500, 'LITRE', 'CUBIC_METRE')).toBe(1.5);
    expect(convertQuantity(7, 'TONNE', 'TONNE')).toBe(7);
    expect(convertQuantity(40, 'TONNE', 'UNIT')).toBeNull();
    expect(convertQuantity(null, 'TONNE', 'TONNE')).toBeNull();
    expect(convertQuantity(0, 'TONNE', 'TONNE')).toBeNull();
  });

  it('compares a flow in kg with a need in t, and says so when units cannot be compared', () => {
    const out = flow({ id: 'o', organizationId: 'a', direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', unit: 'KILOGRAM', yearlyQuantity: 30_000 });
    const need = flow({ id: 'i', organizationId: 'b', direction: 'INPUT', category: 'MATERIAL', label: 'Cartons', needCode: 'recovered-cardboard', yearlyQuantity: 60, ...at(5, 0) });
    const [s] = detectSynergies([out, need], FIXTURE_KB);
    expect(s.explanation.matchedQuantity).toBe(30);
    expect(s.explanation.coverage).toEqual({ output: 1, input: 0.5 });

    const pallets = flow({ id: 'p', organizationId: 'a', direction: 'OUTPUT', label: 'Palettes', ewcCode: '15 01 03', yearlyQuantity: 12 });
    const wanted = flow({ id: 'w', organizationId: 'b', direction: 'INPUT', category: 'MATERIAL', label: 'Palettes', needCode: 'wood-pallets', unit: 'UNIT', yearlyQuantity: 400, ...at(2, 0) });
    const [p] = detectSynergies([pallets, wanted], FIXTURE_KB);
    expect(p.explanation.coverage).toEqual({ output: null, input: null });
    expect(p.explanation.conditionsToCheck).toContainEqual({ code: 'UNIT_MISMATCH', params: { side: 'output', unit: 'TONNE', pathwayUnit: 'UNIT' } });
    expect(p.impacts).toEqual([]);
  });
});

describe('text folding and keywords', () => {
  it('folds accents and case', () => {
    expect(foldText('Chaleur FATALE à 80 °C, déchets œuvrés')).toBe('chaleur fatale a 80 °c, dechets oeuvres');
  });

  it('finds a keyword at the start of a word only', () => {
    const label = searchableLabel("Palettes d'emballage (bois)");
    expect(findKeyword(label, [searchableKeyword('palette')])).toBe(' palette');
    expect(findKeyword(label, [searchableKeyword('emballage')])).toBe(' emballage');
    expect(findKeyword(searchableLabel('Bois dormant'), [searchableKeyword('or')])).toBeNull();
  });

  it('finds through the keyword index exactly what a plain search finds', () => {
    const kb = compileKnowledgeBase(FIXTURE_KB);
    const words = ['carton', 'cartons', 'palette', 'chaleur', 'eau', 'huile de base', 'solvant', 'serre', 'copeaux', 'bois', 'or', 'xyz'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 5 }), (picked) => {
        const raw = picked.join(' ');
        for (const direction of ['OUTPUT', 'INPUT'] as const) {
          const index = kb.sides[direction];
          const found = index.keywordsIn(searchableLabel(raw));
          for (const side of index.sides) {
            for (const keyword of side.matcher.keywords ?? []) {
              expect(found.has(keyword)).toBe(findKeyword(searchableLabel(raw), [keyword]) !== null);
            }
          }
        }
      }),
    );
  });
});

describe('stream matching', () => {
  const base: MatchableFlow = { category: 'WASTE', ewcCode: null, needCode: null, searchLabel: ' cartons ', physicalForm: null, temperatureC: null };
  const matcher = compileMatcher({ ewcCodes: ['15 01 01'], ewcPrefixes: ['15 01'], keywords: ['carton'] });

  it('ranks exact code, then family, then words', () => {
    expect(matchStream({ ...base, ewcCode: '15 01 01' }, matcher)).toEqual({ level: MatchLevel.EXACT_EWC, detail: '15 01 01' });
    expect(matchStream({ ...base, ewcCode: '15 01 05' }, matcher)).toEqual({ level: MatchLevel.EWC_FAMILY, detail: '15 01' });
    expect(matchStream(base, matcher)).toEqual({ level: MatchLevel.KEYWORD, detail: 'carton' });
  });

  it('trusts words more on a side that has no code to declare than as a fallback for a missing code', () => {
    const service = compileMatcher({ categories: ['SERVICE' as never], keywords: ['formation'] });
    const training: MatchableFlow = { ...base, category: 'SERVICE', searchLabel: ' formation caces ' };
    expect(matchStream(training, service)).toEqual({ level: MatchLevel.LABEL, detail: 'formation' });
    expect(MATCH_LEVEL_COMPATIBILITY[MatchLevel.LABEL]).toBeGreaterThan(MATCH_LEVEL_COMPATIBILITY[MatchLevel.KEYWORD]);
  });

  it('counts a heat flow qualified by a temperature within the bounds as a need-level identity', () => {
    const heat = compileMatcher({ categories: ['ENERGY' as never], keywords: ['chaleur'], minTemperatureC: 20, maxTemperatureC: 60 });
    const h: MatchableFlow = { ...base, category: 'ENERGY', searchLabel: ' chaleur fatale salles serveurs ', temperatureC: 35 };
    expect(matchStream(h, heat)).toEqual({ level: MatchLevel.TEMPERATURE, detail: '35' });
    expect(MATCH_LEVEL_COMPATIBILITY[MatchLevel.TEMPERATURE]).toBe(MATCH_LEVEL_COMPATIBILITY[MatchLevel.NEED_CODE]);
    // Without a temperature, or out of the bounds, no such identity.
    expect(matchStream({ ...h, temperatureC: null }, heat)?.level).toBe(MatchLevel.LABEL);
    expect(matchStream({ ...h, temperatureC: 70 }, heat)).toBeNull();
    // Warm water is not energy: its words only.
    expect(matchStream({ ...h, category: 'WATER' }, compileMatcher({ keywords: ['chaleur'], maxTemperatureC: 60 }))?.level).toBe(MatchLevel.LABEL);
  });

  it('lets a declared code decide over the label', () => {
    expect(matchStream({ ...base, ewcCode: '20 03 01' }, matcher)).toBeNull();
  });

  it('applies categories, forms and temperature bounds; unknown form or temperature passes', () => {
    const heat = compileMatcher({ categories: ['ENERGY' as never], keywords: ['chaleur'], minTemperatureC: 40, physicalForms: ['LIQUID' as never] });
    const h: MatchableFlow = { ...base, category: 'ENERGY', searchLabel: ' chaleur fatale ', temperatureC: 80 };
    expect(matchStream(h, heat)?.level).toBe(MatchLevel.TEMPERATURE);
    expect(matchStream({ ...h, temperatureC: 30 }, heat)).toBeNull();
    expect(matchStream({ ...h, temperatureC: null }, heat)).not.toBeNull();
    expect(matchStream({ ...h, category: 'WATER' }, heat)).toBeNull();
    expect(matchStream({ ...h, physicalForm: 'GAS' }, heat)).toBeNull();
  });

  it('normalises List of Waste codes', () => {
    expect(normalizeEwcCode('100202')).toBe('10 02 02');
    expect(normalizeEwcCode('13 02 05*')).toBe('13 02 05');
    expect(normalizeEwcCode('10 02 02')).toBe('10 02 02');
  });
});

describe('distances', () => {
  it('computes great-circle distances', () => {
    // Paris – Lyon, about 391.5 km as the crow flies.
    expect(haversineKm(48.8566, 2.3522, 45.764, 4.8357)).toBeCloseTo(391.5, 0);
    expect(haversineKm(49.3275, 6.1194, 49.3275, 6.1194)).toBe(0);
  });
});

describe('caps and hazard handling', () => {
  it('keeps a hazardous solvent through a pathway that handles it, with the handling to check', () => {
    const solvent = flow({ id: 's', organizationId: 'a', direction: 'OUTPUT', label: 'Solvants usagés', ewcCode: '14 06 03*', hazardous: true, yearlyQuantity: 8 });
    const need = flow({ id: 'n', organizationId: 'b', direction: 'INPUT', category: 'MATERIAL', label: 'Solvant', needCode: 'solvent', yearlyQuantity: 20, ...at(30, 0) });
    const [s] = detectSynergies([solvent, need], FIXTURE_KB);
    expect(s.pathwayId).toBe('solvent-regeneration');
    expect(s.explanation.conditionsToCheck.map((c) => c.code)).toEqual(expect.arrayContaining(['HAZARD_HANDLING', 'TREATMENT']));
    expect(s.explanation.score.hazard).toBe(0.7);
  });

  it('excludes heat that does not exceed the need by the margin', () => {
    const heat = flow({ id: 'h', organizationId: 'a', direction: 'OUTPUT', category: 'ENERGY', label: 'Chaleur', unit: 'MEGAWATT_HOUR', yearlyQuantity: 100, temperatureC: 65 });
    const greenhouse = flow({ id: 'g', organizationId: 'b', direction: 'INPUT', category: 'ENERGY', label: 'Chauffage', needCode: 'greenhouse-heat', unit: 'MEGAWATT_HOUR', yearlyQuantity: 100, ...at(1, 0) });
    expect(detectSynergies([heat, greenhouse], FIXTURE_KB)).toEqual([]);
    expect(detectSynergies([{ ...heat, temperatureC: 70 }, greenhouse], FIXTURE_KB)).toHaveLength(1);
  });

  it('splits a crowded cluster into compact groups of at most twelve, each within reach', () => {
    const flows = Array.from({ length: 30 }, (_, k) =>
      flow({ id: `c${String(k).padStart(2, '0')}`, organizationId: `o${k}`, direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', yearlyQuantity: 10, ...at((k % 6) * 0.8, Math.floor(k / 6) * 0.8) }),
    );
    const groups = detectSynergies(flows, FIXTURE_KB).filter((s) => s.kind === 'MUTUALISATION');
    expect(groups.length).toBeGreaterThanOrEqual(3);
    const seen = new Set<string>();
    for (const g of groups) {
      expect(g.flowIds.length).toBeGreaterThanOrEqual(2);
      expect(g.flowIds.length).toBeLessThanOrEqual(12);
      expect(g.explanation.distanceKm).toBeLessThanOrEqual(15 / 2);
      for (const id of g.flowIds) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
  });
});

describe('search radius', () => {
  it('searches slightly beyond each substitution reach: a share of it, at most a few km', () => {
    const kb = compileKnowledgeBase(FIXTURE_KB, 0.2, 5);
    const radius = (id: string) => kb.pathways.find((p) => p.id === id)!;
    const heat = radius('heat-greenhouse');
    expect(heat.searchKm).toBeCloseTo(heat.reachKm * 1.2); // 5 km → 6 km: the whole share
    const slag = radius('slag-to-concrete');
    expect(slag.searchKm).toBe(slag.reachKm + 5); // 150 km → 155 km, not 180
    const pool = kb.pathways.find((p) => p.pathway.kind === 'MUTUALISATION')!;
    expect(pool.searchKm).toBe(pool.reachKm); // pools are never stretched
  });
});
