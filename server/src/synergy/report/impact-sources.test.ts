import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSynergies } from '../engine/detector.js';
import type { ImpactFigure } from '../engine/engine.types.js';
import { assumptionIds, auditImpactSources } from '../engine/impact-audit.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { validateKnowledgeBase } from '../knowledge/knowledge-base-validator.js';
import { loadDemoTerritory } from './demo-territory-flows.js';

/**
 * Issue 14, item 5: every figure the engine gives on the demo territory is traceable — it names its factors, and each
 * factor is declared data, a stated assumption written out in docs/impact-method.md, or backed by a source of its kind.
 */

const kb = loadKnowledgeBase();
const figures = detectSynergies(loadDemoTerritory(kb).flows, kb).flatMap((s) => s.impacts);
// Since round 10 (r-factors-d, KB 1.16.3) no factor is an order of magnitude; the tests of how one is shown and
// refused put one back, as virgin solvent was before (the demo uses it in four figures).
const withOrderOfMagnitude = structuredClone(kb);
Object.assign(withOrderOfMagnitude.emissionFactors.find((f) => f.id === 'ef-virgin-solvent')!, {
  derivation: 'ORDER_OF_MAGNITUDE',
  databaseEntry: 'ordre de grandeur tiré de la source (solvant neuf)',
  value: 1500,
  low: 800,
  high: 3000,
});
const base: ImpactFigure = {
  indicator: 'JOBS',
  low: 1,
  central: 1,
  high: 1,
  unit: 'FTE',
  formula: '1 FTE',
  factors: [{ id: 'jobs-per-1000-units', value: 1, unit: 'FTE per 1000 t', sourceId: 'rreuse-jobs-2021', kind: 'JOBS' }],
  basis: 'MIXED',
  organizationId: null,
};

describe('impact sources', () => {
  it('traces every figure of the demo territory to declared data, a stated assumption or a source of its kind', () => {
    expect(figures.length).toBeGreaterThan(500);
    expect(auditImpactSources(figures, kb)).toEqual([]);
    expect(auditImpactSources([base], kb)).toEqual([]);
  });

  it('fails a figure with no factor, a factor with no source, and a source of another kind', () => {
    expect(auditImpactSources([{ ...base, factors: [] }], kb)).toEqual(['JOBS "1 FTE": lists no factor']);
    expect(auditImpactSources([{ ...base, factors: [{ ...base.factors[0], sourceId: null }] }], kb)).toEqual(['jobs-per-1000-units: a JOBS factor with no source']);
    expect(auditImpactSources([{ ...base, factors: [{ ...base.factors[0], sourceId: 'ademe-base-carbone-materiaux' }] }], kb)).toEqual([
      'jobs-per-1000-units: source ademe-base-carbone-materiaux is not a JOBS source',
    ]);
  });

  it('fails an emission factor that is not an entry of the knowledge base, or whose entry names no item or vintage', () => {
    const emission = { id: 'ef-natural-gas-pci', value: 227, unit: 'kgCO2e/MWh', sourceId: 'ademe-base-carbone-v23-6', kind: 'EMISSION' as const };
    const co2: ImpactFigure = { ...base, indicator: 'CO2E_AVOIDED_T', unit: 't CO2e', formula: '1 t CO2e', factors: [emission] };
    expect(auditImpactSources([co2], kb)).toEqual([]);
    expect(auditImpactSources([{ ...co2, factors: [{ ...emission, id: 'ef-made-up' }] }], kb)).toEqual(['ef-made-up: an EMISSION factor that is not in the knowledge base']);
    const noVintage = structuredClone(kb);
    noVintage.emissionFactors.find((f) => f.id === 'ef-natural-gas-pci')!.vintage = '';
    expect(auditImpactSources([co2], noVintage)).toEqual(['ef-natural-gas-pci: names no database entry or vintage']);
    expect(auditImpactSources([{ ...co2, factors: [{ ...emission, sourceId: 'ademe-base-carbone-transport' }] }], kb)).toEqual([
      'ef-natural-gas-pci: cites ademe-base-carbone-transport, its entry ademe-base-carbone-v23-6',
    ]);
  });

  it('writes out each assumption the figures rest on in docs/impact-method.md', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../../../docs/impact-method.md'), 'utf8');
    const ids = assumptionIds(figures);
    expect(ids).toContain('jobs-per-1000-units');
    expect(ids.filter((id) => !doc.includes(`\`${id}\``))).toEqual([]);
  });

  it('refuses a knowledge base whose emission factor cites a jobs source, or names no database entry', () => {
    const bad = structuredClone(kb);
    bad.emissionFactors[0] = { ...bad.emissionFactors[0], sourceId: 'rreuse-jobs-2021', databaseEntry: ' ' };
    bad.pathways[0].impact.jobsSourceIds = ['ademe-base-carbone-materiaux'];
    const problems = validateKnowledgeBase(bad);
    expect(problems).toContain(`emission factor ${bad.emissionFactors[0].id}: source rreuse-jobs-2021 is not a EMISSION source`);
    expect(problems).toContain(`emission factor ${bad.emissionFactors[0].id}: names no database entry`);
    expect(problems).toContain(`pathway ${bad.pathways[0].id}: jobs ratio: source ademe-base-carbone-materiaux is not a JOBS source`);
  });

  it('shows an order of magnitude naming no database item as an assumption with its range, and refuses it as an EMISSION factor', () => {
    const oomKb = withOrderOfMagnitude;
    const oom = oomKb.emissionFactors.find((f) => f.derivation === 'ORDER_OF_MAGNITUDE')!;
    const oomFigures = detectSynergies(loadDemoTerritory(oomKb).flows, oomKb).flatMap((s) => s.impacts);
    const uses = oomFigures.flatMap((f) => f.factors).filter((u) => oomKb.emissionFactors.find((e) => e.id === u.id)?.derivation === 'ORDER_OF_MAGNITUDE');
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatchObject({ kind: 'ASSUMPTION', sourceId: null });
    for (const u of uses) expect(u.unit).toMatch(/order of magnitude, no database item named; low .+, high .+\)$/);
    const co2: ImpactFigure = { ...base, indicator: 'CO2E_AVOIDED_T', unit: 't CO2e', formula: '1 t CO2e', factors: [{ id: oom.id, value: oom.value, unit: oom.unit, sourceId: oom.sourceId, kind: 'EMISSION' }] };
    expect(auditImpactSources([co2], oomKb)).toEqual([`${oom.id}: an order of magnitude (no database item) shown as an EMISSION factor`]);
  });

  it('refuses a vintage without a year, an item that names none, and an order of magnitude without its own range', () => {
    const bad = structuredClone(withOrderOfMagnitude);
    const item = bad.emissionFactors.find((f) => f.derivation === 'ITEM')!;
    item.vintage = 'données consultées';
    item.databaseEntry = 'ordre de grandeur tiré de la source (quelque chose)';
    const oom = bad.emissionFactors.find((f) => f.derivation === 'ORDER_OF_MAGNITUDE')!;
    delete oom.low;
    const problems = validateKnowledgeBase(bad);
    expect(problems).toContain(`emission factor ${item.id}: vintage "données consultées" gives no year`);
    expect(problems).toContain(`emission factor ${item.id}: ITEM but its entry names no database item`);
    expect(problems).toContain(`emission factor ${oom.id}: an order of magnitude must give its low and high`);
    expect(validateKnowledgeBase(kb)).toEqual([]);
  });

  it('names, for each factor read from the Base Carbone V23.6 export, its element number, and dates it by that element', () => {
    const read = kb.emissionFactors.filter((f) => f.sourceId === 'ademe-base-carbone-v23-6');
    expect(read.map((f) => f.id)).toEqual(expect.arrayContaining(['ef-electricity-fr', 'ef-fuel-oil-pci', 'ef-truck-articulated-tkm', 'ef-truck-rigid-tkm']));
    for (const f of read) expect(f.databaseEntry, f.id).toMatch(/Base Carbone V23\.6, éléments? (« [^»]+ », attribut « [^»]+ », source \S+, en kgCO2e\/tonne de déchets : )?n° \d+/);
    for (const f of read) expect(f.vintage, f.id).toMatch(/^Base Carbone V23\.6, éléments? n° \d+.*modifiés? le \d{4}-\d{2}-\d{2}/);
    for (const f of read) expect(f.derivation, f.id).not.toBe('ORDER_OF_MAGNITUDE');
  });

  it('backs the jobs of the paper, board and glass collections with Ordif, a JOBS source, and refuses the Base Carbone there', () => {
    const ordif = figures.filter((f) => f.indicator === 'JOBS').flatMap((f) => f.factors).filter((u) => u.sourceId === 'ordif-jobs-2018');
    expect(ordif.length).toBeGreaterThan(0);
    for (const u of ordif) expect(u).toMatchObject({ id: 'jobs-per-1000-units', kind: 'JOBS' });
    const bad = structuredClone(kb);
    bad.pathways.find((p) => p.id === 'pool-cardboard-collection')!.impact.jobsSourceIds = ['ademe-base-carbone-v23-6'];
    expect(validateKnowledgeBase(bad)).toContain('pathway pool-cardboard-collection: jobs ratio: source ademe-base-carbone-v23-6 is not a JOBS source');
    expect(auditImpactSources([{ ...base, factors: [{ ...base.factors[0], sourceId: 'ademe-base-carbone-v23-6' }] }], kb)).toEqual([
      'jobs-per-1000-units: source ademe-base-carbone-v23-6 is not a JOBS source',
    ]);
  });

  it('reads gas from the most recent valid generic element (n° 37132, 2022) and keeps the heat factors derived from it in step', () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    expect(f('ef-natural-gas-pci')).toMatchObject({ value: 239, derivation: 'ITEM', sourceId: 'ademe-base-carbone-v23-6' });
    expect(f('ef-natural-gas-pci').databaseEntry).toContain('n° 37132 « Gaz naturel - 2022 »');
    // Boiler heat = gas ÷ 0.9; the heat pump's net factor = boiler heat − electricity ÷ COP 3 (both rounded to the kg).
    expect(f('ef-gas-boiler-heat').value).toBe(Math.round(f('ef-natural-gas-pci').value / 0.9));
    expect(f('ef-heat-pump-recovered-heat').value).toBe(Math.round(f('ef-gas-boiler-heat').value - f('ef-electricity-fr').value / 3));
    for (const id of ['ef-gas-boiler-heat', 'ef-heat-pump-recovered-heat']) expect(f(id).databaseEntry, id).toContain('n° 37132');
  });

  it('derives the non-ferrous gain from the aluminium and copper elements, its mix stated as the assumption', () => {
    const nf = kb.emissionFactors.find((e) => e.id === 'ef-nonferrous-scrap-gain')!;
    // Aluminium n° 34669/34668: 7,803 − 562; copper n° 34671/34670: 1,445 − 1,304; half each by mass (assumed).
    expect(nf).toMatchObject({ value: Math.round(0.5 * (7_803 - 562) + 0.5 * (1_445 - 1_304)), low: 1_445 - 1_304, derivation: 'DERIVED' });
    expect(nf.databaseEntry).toMatch(/50 % aluminium, 50 % cuivre en masse \(hypothèse/);
    for (const n of ['34668', '34669', '34670', '34671']) expect(nf.databaseEntry).toContain(n);
  });

  it('reads the empty trip, the loaded return, the pallet and re-refined oil from the rows of the DESNZ 2025 flat file', () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const desnz = kb.sources.find((s) => s.id === 'desnz-ghg-conversion-factors-2025')!;
    expect(desnz.kinds).toEqual(['EMISSION']);
    expect(desnz.citation).toContain('c0b66a066ef6337cff9f1b40992e6892cce3cafb');
    // Articulated > 33 t, per km: combustion (27_304_…) plus fuel upstream (28_907_…), × 35 km a trip (assumed).
    const km = { empty: 0.64734 + 0.15178, average: 0.93421 + 0.22058, half: 0.85827 + 0.20237, full: 1.06921 + 0.25296 };
    expect(f('ef-empty-truck-trip')).toMatchObject({ value: Math.round(35 * km.empty), low: 15, high: 80 });
    const extra = (laden: number) => Math.round(35 * (laden - km.empty) * 10) / 10;
    expect(f('ef-backhaul-load-extra-fuel')).toMatchObject({ value: extra(km.average), low: extra(km.half), high: extra(km.full) });
    // « Wood », primary material production, 269.50416 kg/t × 25 kg a pallet (assumed).
    expect(f('ef-new-pallet').value).toBe(Math.round(0.025 * 269.50416 * 100) / 100);
    // « Mineral oil », primary 1,401 − closed-loop 676 kg/t, × 0.88 t/m³ (assumed).
    expect(f('ef-used-oil-regeneration').value).toBe(Math.round(0.88 * (1_401 - 676)));
    for (const id of ['ef-empty-truck-trip', 'ef-backhaul-load-extra-fuel', 'ef-new-pallet', 'ef-used-oil-regeneration']) {
      expect(f(id), id).toMatchObject({ sourceId: desnz.id, derivation: 'DERIVED' });
      expect(f(id).databaseEntry, id).toMatch(/^DESNZ conversion factors 2025, fichier à plat.*\d+_\d+_\d+_\d+_\d/);
      expect(f(id).vintage, id).toMatch(/^DESNZ, Greenhouse gas reporting: conversion factors 2025 .*lignes? \d+_\d+_\d+_\d+_\d/);
    }
  });

  it('takes furniture reuse from WRAP: sofas to a preparation-for-reuse network, 1.05 t CO2e saved per t', () => {
    const furniture = kb.emissionFactors.find((e) => e.id === 'ef-furniture-reuse')!;
    expect(furniture).toMatchObject({ value: 1_050, low: 500, high: 2_500, derivation: 'ITEM', sourceId: 'wrap-benefits-of-reuse-furniture' });
    expect(kb.sources.find((s) => s.id === furniture.sourceId)!.citation).toContain('net GHG saving of 1.05 tonnes CO2-eq net');
    // The possible overlap with the avoided incineration the pathway adds is written, not hidden.
    expect(furniture.databaseEntry).toContain('compté deux fois');
  });

  it('takes a new corrugated box from FEFCO (491 kg CO2e/t, the box itself), bounded by the board of the Base Carbone and of DESNZ', () => {
    const box = kb.emissionFactors.find((e) => e.id === 'ef-cardboard-new')!;
    expect(box).toMatchObject({ value: 491, low: 390, high: 1_200, derivation: 'ITEM', sourceId: 'fefco-carbon-footprint-corrugated-2021' });
    expect(box.databaseEntry).toContain('n° 26737');
    expect(box.databaseEntry).toContain('19_506_5156_15_1');
    expect(kb.sources.find((s) => s.id === box.sourceId)!.citation).toContain('491 kgCO2e/t');
  });

  it('takes a new forklift from a cradle-to-gate study: 10.8 t CO2e a forklift, 2.8 t per t of machine', () => {
    const forklift = kb.emissionFactors.find((e) => e.id === 'ef-forklift-reuse')!;
    expect(forklift).toMatchObject({ value: 10_800, low: 4_000, high: 15_000, derivation: 'ITEM', sourceId: 'forklift-cradle-to-gate-lca-2025' });
    expect(kb.sources.find((s) => s.id === forklift.sourceId)!.citation).toContain('10.8 tons CO2eq');
  });

  it('burns spent solvents as the IPCC 2006 « fossil liquid waste »: 80 % carbon, all fossil, all oxidised, × 44/12', () => {
    const inc = kb.emissionFactors.find((e) => e.id === 'ef-incineration-hazardous-organic')!;
    // Carbon fraction of a formula × CO2/C (C 12.011, H 1.008, O 15.999): toluene C7H8 bounds the high.
    const co2PerC = 44.009 / 12.011;
    const fromFormula = (c: number, h: number, o: number) => (c * 12.011) / (c * 12.011 + h * 1.008 + o * 15.999);
    expect(inc).toMatchObject({
      value: Math.round(1_000 * 0.8 * 1 * 1 * (44 / 12)),
      low: 1_500,
      high: Math.round(1_000 * fromFormula(7, 8, 0) * co2PerC),
      derivation: 'DERIVED',
      sourceId: 'ipcc-2006-v5-ch5-incineration',
    });
    const ipcc = kb.sources.find((s) => s.id === inc.sourceId)!;
    expect(ipcc.kinds).toEqual(['EMISSION']);
    expect(ipcc.citation).toContain('4cbeecb05cc50109efc11b9c25e6901f67a0e3b0');
    expect(ipcc.citation).toContain('seconde main');
    // The rejected Base Carbone element stays named, with why.
    expect(inc.databaseEntry).toContain('n° 34712');
    for (const [c, h, o, kg] of [[8, 10, 0, 3_316], [3, 6, 1, 2_273], [2, 6, 1, 1_911], [1, 4, 1, 1_373]] as const) {
      expect(inc.databaseEntry).toContain(`→ ${kg.toLocaleString('fr-FR').replace(/\u202f/g, ' ')}`);
      expect(Math.round(1_000 * fromFormula(c, h, o) * co2PerC)).toBe(kg);
    }
  });

  it('derives the heating network, burnt wood and pallets, zinc, quarried minerals, whey and textile reuse from named entries', () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const range = (id: string) => [f(id).low, f(id).value, f(id).high];
    // Mean of the 838 « Réseau de chaleur » elements of 2021 (0.1139 kg/kWh), their 5th and 95th percentiles.
    expect(range('ef-heating-network-fr')).toEqual([17, 114, 276]);
    // n° 14178 pallet and crate chips, 14 GJ PCI/t ÷ 3.6 × 0.85 = 3.31 MWh useful a tonne, made again by a network (114, low 17) or gas (266).
    const useful = (14 / 3.6) * 0.85;
    expect(range('ef-wood-heat-lost')).toEqual([Math.round(useful * 17), Math.round(useful * 114), Math.round(useful * 266)]);
    expect(f('ef-pallet-heat-lost').value).toBeCloseTo(0.025 * useful * 114, 1);
    // n° 20535 new zinc 2,933 kg/t × 60 % zinc (80 % for the high); the low keeps 800 for the recovery process no item gives.
    expect(range('ef-zinc-secondary')).toEqual([800, Math.round(2933 * 0.6), Math.round(2933 * 0.8)]);
    // n° 20805 « Pierres de carrière » 11 kg/t for quarried raw meal and gypsum, low n° 26735 aggregates 4.
    expect(range('ef-cement-raw-meal')).toEqual([4, 11, 20]);
    expect(range('ef-natural-gypsum')).toEqual([4, 11, 40]);
    // 60 kg of dry matter a m³ of whey as feed wheat at 85 % dry matter (n° 42043, 0.468 kg/kg); high 70 kg as oats (n° 42036, 0.549).
    expect(range('ef-whey-feed')).toEqual([10, Math.round((60 / 0.85) * 0.468), Math.round((70 / 0.85) * 0.549)]);
    // DESNZ 2025 new clothing 22,310 kg/t × WRAP's displacement (28 %; 64.6 % for online resale, the high) − re-use itself, 152.25 kg/t.
    expect(range('ef-textile-reuse')).toEqual([0.1, 0.28, 0.646].map((rate) => Math.round(22_310 * rate - 152.25)));
    for (const id of ['ef-heating-network-fr', 'ef-wood-heat-lost', 'ef-pallet-heat-lost', 'ef-zinc-secondary', 'ef-cement-raw-meal', 'ef-natural-gypsum', 'ef-whey-feed', 'ef-textile-reuse']) {
      expect(f(id).derivation, id).toBe('DERIVED');
    }
    expect(f('ef-textile-reuse').databaseEntry).toContain('19_501_5060_15_1');
  });

  it('derives animal feed, reconditioned containers and reused equipment from named entries', () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const range = (id: string) => [f(id).low, f(id).value, f(id).high];
    // Wet brewers' grains at 23 % dry matter (21.6 and 24.4 % read) as feed wheat at 85 % (n° 42043, 0.468 kg/kg); high: bakery meal at 90 %.
    expect(range('ef-animal-feed')).toEqual([40, Math.round((230 / 0.85) * 0.468), Math.round((900 / 0.85) * 0.468)]);
    // A 208 L drum of 1.2 mm steel (≈ 0.61 m × 0.88 m) × n° 26729 new steel 2,211 kg/t; a 55–65 kg IBC × HDPE (n° 20830, 1,920) or steel.
    const drumSteel = (Math.PI * 0.61 * 0.88 + 2 * Math.PI * 0.305 ** 2) * 0.0012 * 7850;
    const drum = (drumSteel * 2211) / 1000;
    const ibc = (60 * (1920 + 2211)) / 2 / 1000;
    expect(drumSteel).toBeCloseTo(21.4, 1);
    expect(range('ef-ibc-drum-reuse')).toEqual([40, Math.round((drum + ibc) / 2), Math.round((65 * 2211) / 1000)]);
    // A new unit's purchase price in the pathways (5,000 €; 150 € racking; 8,000 € refrigeration, + 80 %) × n° 43355, 273 kg/k€ 2023.
    expect(range('ef-equipment-reuse')).toEqual([Math.round(0.15 * 273), Math.round(5 * 273), Math.round(8 * 273 * 1.8)]);
    const price = (id: string) => kb.pathways.find((p) => p.id === id)!.impact.typicalPurchaseEurPerUnit;
    expect([price('racking-reuse'), price('idle-equipment-reuse'), price('refrigeration-units-reuse')]).toEqual([150, 5000, 8000]);
    for (const id of ['ef-animal-feed', 'ef-ibc-drum-reuse', 'ef-equipment-reuse']) {
      expect(f(id).derivation, id).toBe('DERIVED');
      expect(f(id).sourceId, id).toBe('ademe-base-carbone-v23-6');
    }
    expect(f('ef-animal-feed').databaseEntry).toContain('n° 42043');
    expect(f('ef-ibc-drum-reuse').databaseEntry).toMatch(/n° 26729.*n° 20830/);
    expect(f('ef-equipment-reuse').databaseEntry).toContain('n° 43355');
    // Round 10 (r-factors-d, KB 1.16.3): the last two orders of magnitude derive from named entries; none is left.
    expect(kb.emissionFactors.filter((e) => e.derivation === 'ORDER_OF_MAGNITUDE').map((e) => e.id)).toEqual([]);
    // Their entries keep what rounds 7 to 9 searched, and say what round 10 searched.
    for (const id of ['ef-iron-ore', 'ef-virgin-solvent']) {
      expect(f(id).databaseEntry, id).toContain('relu en round 7');
      expect(f(id).databaseEntry, id).toContain('recherché en round 9 (r-factors-c), non substitué');
      expect(f(id).databaseEntry, id).toContain('Recherché en round 10 (r-factors-d)');
    }
  });

  it('derives imported iron ore from a named miner\'s scopes 1 and 2 and the Base Carbone bulk carrier over computed sea distances (round 10)', () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const ore = f('ef-iron-ore');
    expect(ore).toMatchObject({ derivation: 'DERIVED', sourceId: 'ademe-base-carbone-v23-6', unit: 'kgCO2e/t' });
    for (const read of ['n° 28229', '0,0029 kgCO2e/t.km', 'n° 28228', '0,00741', '17 908 km', '8 960 km', '2.2 million', '0.35 million', '192 million', '0,0607']) {
      expect(ore.databaseEntry).toContain(read);
    }
    // Mining: Fortescue FY23, scopes 1 + 2 over tonnes shipped; sea: bulk carrier kg/t.km × km to Dunkirk.
    const mining = ((2_200_000 + 350_000) / 192_000_000) * 1000;
    const [portHedland, tubarao, capesize, handymax, highestMining] = [17_908, 8_960, 0.0029, 0.00741, 60.7];
    expect([ore.low, ore.value, ore.high]).toEqual([
      Math.round(mining + tubarao * capesize),
      Math.round(mining + portHedland * capesize),
      Math.round(highestMining + portHedland * handymax),
    ]);
    expect([ore.low, ore.value, ore.high]).toEqual([39, 65, 193]);
  });

  it('approaches virgin solvent by the DESNZ 2025 mineral oil row, its range the solvents read (round 10)', () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const solvent = f('ef-virgin-solvent');
    expect(solvent).toMatchObject({ derivation: 'DERIVED', sourceId: 'desnz-ghg-conversion-factors-2025', unit: 'kgCO2e/t' });
    expect(solvent.databaseEntry).toContain('19_500_5036_15_1');
    expect(solvent.databaseEntry).toContain('c0b66a066ef6337cff9f1b40992e6892cce3cafb');
    expect(solvent.labelEn).toContain('proxy');
    // Central: the DESNZ row as it stands; low: Base Carbone n° 20846 hexane; high: ecoinvent 3.8 acetone RoW, per kg × 1000.
    expect(solvent.databaseEntry).toMatch(/n° 20846 « Hexane » 313/);
    expect(solvent.databaseEntry).toContain('2,5435 kgCO2e/kg');
    expect([solvent.low, solvent.value, solvent.high]).toEqual([313, 1401.0, Math.round(2.5435 * 1000)]);
  });

  it("derives the solid recovered fuel's own fossil CO2 (the kiln term round 8 left out) from the IPCC 2006 rows and a named element", () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const srf = f('ef-srf-fossil-co2');
    expect(srf, 'ef-srf-fossil-co2 (knowledge base 1.15.3)').toBeDefined();
    // IPCC 2006 vol. 5 ch. 5 defaults (AMEE transcription): CO2 = carbon × fossil fraction × oxidation × 44/12.
    const co2 = (carbon: number, fossil: number) => Math.round(carbon * fossil * 1 * (44 / 12) * 1000);
    // Central « industrial waste » 50 % C, 90 % fossil; low « clinical waste » 60 % C, 40 % fossil; high a plastic-only
    // fuel, Base Carbone n° 34528 « Plastique pétrosourcé PE », incineration (the ef-incineration-plastics element).
    expect([srf.low, srf.value, srf.high]).toEqual([co2(0.6, 0.4), co2(0.5, 0.9), f('ef-incineration-plastics').value]);
    expect(srf.derivation).toBe('DERIVED');
    expect(srf.sourceId).toBe('ipcc-2006-v5-ch5-incineration');
    expect(srf.databaseEntry).toMatch(/« industrial waste ».*« clinical waste ».*n° 34528/);
    // The liquid pathways deduct the existing « fossil liquid waste » row: 80 % C, all fossil.
    expect(f('ef-incineration-hazardous-organic').value).toBe(co2(0.8, 1));
  });

  it('derives the kiln fuel, the tyre crumb and the magnesia credits from named entries, not the former orders of magnitude', () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const range = (id: string) => [f(id).low, f(id).value, f(id).high];
    // Kiln: alternative fuel's PCI × the avoided fuel, equal energy. 1 toe = 41.868 GJ; Astradeis 0.35–0.70 toe a tonne
    // (middle 0.525), SRF at least 12 GJ/t; n° 12925 « Charbon à vapeur » 104 and n° 12992 « Coke de pétrole » 109 kgCO2e/GJ PCI.
    const toe = 41.868;
    const coal = 104;
    const petcoke = 109;
    expect(range('ef-kiln-fuel-substitution')).toEqual([
      Math.round(12 * coal),
      Math.round(0.525 * toe * ((coal + petcoke) / 2)),
      Math.round(0.7 * toe * petcoke),
    ]);
    expect(f('ef-kiln-fuel-substitution').databaseEntry).toMatch(/n° 12925 « Charbon à vapeur ».*104 kgCO2e\/GJ PCI.*n° 12992 « Coke de pétrole », 109 kgCO2e\/GJ PCI/);
    // Tyre crumb: ICE v2.0 « Rubber, General » 2.85 kgCO2e/kg; low « Aggregate, General » 0.005 (civil works); high DESNZ « Tyres » 3,335.6.
    expect(range('ef-rubber-granulate')).toEqual([Math.round(0.005 * 1000), Math.round(2.85 * 1000), Math.round(3335.6)]);
    expect(f('ef-rubber-granulate').sourceId).toBe('ice-v2-bath-2011');
    // Magnesia: general dead-burned 3.1 t/t, middle grade dead-burned and fused 4.7; low the calcination CO2 alone, 44.01 / 40.30.
    expect(range('ef-magnesia-refractory')).toEqual([Math.round((44.009 / 40.304) * 1000), 3100, 4700]);
    expect(f('ef-magnesia-refractory').sourceId).toBe('dashiqiao-magnesia-ghg-2016');
    for (const id of ['ef-kiln-fuel-substitution', 'ef-rubber-granulate', 'ef-magnesia-refractory']) {
      expect(f(id).derivation, id).toBe('DERIVED');
      // The former order of magnitude and what was searched stay in the entry, as its history.
      expect(f(id).databaseEntry, id).toMatch(/Historique \(valeur précédente [\d ]+, [\d ]+–[\d ]+, ordre de grandeur\)/);
      const kinds = kb.sources.find((s) => s.id === f(id).sourceId)!.kinds;
      expect(kinds, id).toContain('EMISSION');
    }
  });

  it('derives methanisation, fertilisers, malt and IT reuse from named entries and the published parameters they cite', () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const range = (id: string) => [f(id).low, f(id).value, f(id).high];
    // Gas n° 37132 − biomethane n° 43576 (kg/kWh PCI) × 10.18 kWh PCI a m³ (n° 27964 ÷ n° 27958) × 60 % methane, per m³
    // of biogas a tonne: sewage 9 (low), food and drink waste 87.5 (the middle of 30–145), kitchen waste 220 (Härdtlein).
    const perM3 = 0.6 * (0.453 / 0.0445) * (0.239 - 0.0417);
    expect(range('ef-methanisation-credit')).toEqual([9, 87.5, 220].map((m3) => Math.round(m3 * perM3)));
    // Mineral N n° 34926, P2O5 n° 34927, K2O n° 34928 (kg a kg) × RB209's kg a tonne: green compost, only its available
    // P (50 %) and K (80 %); green/food compost, 5 % of its N and its total P and K; digested sewage cake, 15 % of N.
    const fert = (n: number, p: number, k: number) => Math.round((n * 4.285 + p * 1.35 + k * 0.678) * 10) / 10;
    expect(range('ef-mineral-fertiliser')).toEqual([fert(0, 3 * 0.5, 6.8 * 0.8), fert(11 * 0.05, 4.9, 8), fert(11 * 0.15, 11, 0.6)]);
    // A tonne of malt: barley n° 42414 (324 kg/t) × 1/0.83 t (UK Malt; 1.3 t for the high) + 750 kWh of gas × n° 37132
    // + 150 kWh × electricity n° 43642; a tonne of bread for a tonne of malt; low: bread replaces raw barley.
    const malt = (barley: number) => Math.round(barley * 324 + 750 * 0.239 + 150 * 0.0519);
    expect(range('ef-cereal-malt')).toEqual([324, malt(1 / 0.83), malt(1.3)]);
    // DESNZ « Electrical items - IT » 24,865.47556 kg/t × 87 % avoided (ADEME 2022) × what the rebound leaves: 54 %
    // (46 % rebound), 71 % (29 %), all (one for one, the high).
    expect(range('ef-it-reuse')).toEqual([0.54, 0.71, 1].map((kept) => Math.round(24_865.47556 * 0.87 * kept)));
    expect(f('ef-it-reuse')).toMatchObject({ sourceId: 'desnz-ghg-conversion-factors-2025', derivation: 'DERIVED' });
    expect(f('ef-it-reuse').databaseEntry).toMatch(/^dérivé : DESNZ conversion factors 2025, fichier à plat, ligne 19_503_5084_15_1/);
    for (const id of ['ef-methanisation-credit', 'ef-mineral-fertiliser', 'ef-cereal-malt']) {
      expect(f(id), id).toMatchObject({ sourceId: 'ademe-base-carbone-v23-6', derivation: 'DERIVED' });
    }
    for (const n of ['37132', '43576', '27958', '27964']) expect(f('ef-methanisation-credit').databaseEntry).toContain(`n° ${n}`);
    for (const n of ['34926', '34927', '34928']) expect(f('ef-mineral-fertiliser').databaseEntry).toContain(`n° ${n}`);
    for (const n of ['42414', '37132', '43642']) expect(f('ef-cereal-malt').databaseEntry).toContain(`n° ${n}`);
    // Each names the parameter it takes from outside the databases, with its words.
    expect(f('ef-methanisation-credit').databaseEntry).toContain('Food & Drink Waste | 30-145');
    expect(f('ef-mineral-fertiliser').databaseEntry).toContain('1bd74fa35637176c5c56b6e89cc1d186556c976b');
    expect(f('ef-cereal-malt').databaseEntry).toContain('10.1016/j.cesys.2024.100241');
    expect(f('ef-it-reuse').databaseEntry).toContain('10.3389/fenrg.2018.00039');
  });

  it('credits a reused unit at its own pathway new price × the machinery ratio (n° 43355), not at a 5,000 € machine', () => {
    const factor = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const ratio = 0.273; // kgCO2e per € of 2023, « Machines et équipements - 2023 », 80 % uncertainty
    const creditsPerUnit = kb.pathways.filter((p) => p.impact?.indicator === 'UNITS' && p.impact.avoidedProductionFactorId);
    const byRatio = creditsPerUnit.filter((p) => factor(p.impact.avoidedProductionFactorId!).databaseEntry?.includes('n° 43355'));
    expect(byRatio.map((p) => p.id).sort()).toEqual(['idle-equipment-reuse', 'racking-reuse', 'refrigeration-units-reuse', 'site-cabins-sharing']);
    for (const p of byRatio) {
      const f = factor(p.impact.avoidedProductionFactorId!);
      expect(f.value, p.id).toBe(Math.round(p.impact.typicalPurchaseEurPerUnit! * ratio));
      expect(f.derivation, p.id).toBe('DERIVED');
      // A pathway of one kind of unit gets the element's own spread; idle equipment spans a rack's price to a chiller's.
      if (p.id !== 'idle-equipment-reuse') {
        expect([f.low, f.high], p.id).toEqual([Math.round(p.impact.typicalPurchaseEurPerUnit! * ratio * 0.2), Math.round(p.impact.typicalPurchaseEurPerUnit! * ratio * 1.8)]);
      }
    }
    expect(factor(kb.pathways.find((p) => p.id === 'racking-reuse')!.impact.avoidedProductionFactorId!).value).toBe(41);
  });

  it('makes the steam of distillation and the heat lost by burnt wood with the current gas boiler (n° 37132 ÷ 0.9), not 2015 gas', () => {
    const f = (id: string) => kb.emissionFactors.find((e) => e.id === id)!;
    const boiler = f('ef-gas-boiler-heat').value;
    expect(boiler).toBe(266);
    // 0.5 MWh of steam a tonne (assumed; 0.25 with a condensing boiler at 239, 1 with an old one at 306).
    expect(f('ef-solvent-distillation-energy')).toMatchObject({
      value: Math.round(0.5 * boiler),
      low: Math.round(0.25 * 239),
      high: 306,
      derivation: 'DERIVED',
      sourceId: 'ademe-base-carbone-v23-6',
    });
    // 14 GJ PCI a tonne (n° 14178) ÷ 3.6 × 0.85 = 3.31 MWh of useful heat a tonne of wood, made again by the gas boiler: the high bound.
    const usefulPerTonne = (14 / 3.6) * 0.85;
    expect(f('ef-wood-heat-lost').high).toBe(Math.round(usefulPerTonne * boiler));
    // 25 kg a pallet: 0.083 MWh × 266 = 22.0 kg.
    expect(f('ef-pallet-heat-lost').high).toBeCloseTo(0.025 * usefulPerTonne * boiler, 1);
    for (const id of ['ef-solvent-distillation-energy', 'ef-wood-heat-lost', 'ef-pallet-heat-lost']) {
      expect(f(id).databaseEntry, id).toContain('n° 37132');
      expect(f(id).databaseEntry, id).not.toMatch(/0,252 kg\/kWh/);
    }
  });

  it('accepts a negative factor only from named database items: FEDEREC board, not an order of magnitude', () => {
    const board = kb.emissionFactors.find((f) => f.id === 'ef-cardboard-recycling-gain')!;
    expect(board).toMatchObject({ value: 390 - 670, derivation: 'DERIVED', sourceId: 'ademe-base-carbone-federec-2017' });
    const bad = structuredClone(withOrderOfMagnitude);
    const oom = bad.emissionFactors.find((f) => f.derivation === 'ORDER_OF_MAGNITUDE')!;
    Object.assign(oom, { value: -10, low: -20, high: 0 });
    expect(validateKnowledgeBase(bad)).toContain(
      `emission factor ${oom.id}: a negative value must come from named database items (ITEM or DERIVED), not an order of magnitude`,
    );
  });
});
