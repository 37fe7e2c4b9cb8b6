import { describe, expect, it } from 'vitest';
import { need, out, routes, synergiesOf } from './documented-routes.fixture.js';

/**
 * Routes and words of knowledge base 1.13.0 (issue 10, recall line, round 2): chemical co-products and process
 * off-gases to neighbours, seafood residues to a digester, shared effluent treatment read in English, sawmill chips
 * and sawdust to a pulp mill (100 km), hot water for a fish farm; and the generic words that no longer identify
 * anything (a fluidised bed is not animal bedding, an ash is not bark, a fish farm's sludge is not a steelworks
 * sludge). Labels here are written for the test, not taken from the corpus.
 */
const MWH = { unit: 'MEGAWATT_HOUR' } as const;

describe('chemical co-products and off-gases for a neighbour', () => {
  it('offers surplus hydrogen whose label says "own use" (the French "usée" no longer excludes the English "use")', () => {
    const h2 = out('h2', 'chlor-alkali', 'MATERIAL', 'Hydrogen from the electrolysis, surplus to own use', { physicalForm: 'GAS' });
    expect(routes([h2, need('need', 'cracker', 'MATERIAL', 'Hydrogen for the hydrogenation units')], 'h2', 'need')).toContain('chemical-byproduct-feedstock');
  });

  it('offers a cracker’s surplus ethylene to a derivative plant, and no polyethylene waste', () => {
    const ethylene = out('c2', 'cracker', 'MATERIAL', 'Ethylene from the steam cracker, surplus', { physicalForm: 'GAS' });
    const pe = out('pe', 'cracker', 'WASTE', 'Off-grade polyethylene pellets', { ewcCode: '07 02 13' });
    const vcm = need('vcm', 'pvc', 'MATERIAL', 'Ethylene for the vinyl chloride plant', { physicalForm: 'GAS' });
    expect(routes([ethylene, vcm], 'c2', 'vcm')).toContain('chemical-byproduct-feedstock');
    expect(routes([pe, vcm], 'pe', 'vcm')).toEqual([]);
  });

  it('does not send off-grade virgin pellets to a gasifier (mechanical recycling first)', () => {
    const pe = out('pe', 'cracker', 'WASTE', 'Off-grade polyethylene pellets', { ewcCode: '07 02 13' });
    expect(routes([pe, need('gas', 'oxo', 'MATERIAL', 'Synthesis gas feedstock for the oxo unit')], 'pe', 'gas')).not.toContain('plastics-feedstock-recycling');
  });

  it('offers a smelter’s carbon monoxide off-gas in place of propane, and a fuel gas to LPG burners', () => {
    const co = out('co', 'ferroalloys', 'ENERGY', 'Carbon monoxide-rich off-gas from the closed furnaces', { ...MWH, physicalForm: 'GAS' });
    const fuelGas = out('fg', 'cracker', 'ENERGY', 'By-product fuel gas from the cracker', { ...MWH, physicalForm: 'GAS' });
    expect(routes([co, need('propane', 'steel', 'ENERGY', 'Propane for the annealing furnaces', MWH)], 'co', 'propane')).toContain('surplus-fuel-gas-burner-substitution');
    expect(routes([fuelGas, need('lpg', 'food', 'ENERGY', 'Fuel for the steam boiler (LPG today)', MWH)], 'fg', 'lpg')).toContain('surplus-fuel-gas-burner-substitution');
  });
});

describe('seafood residues and effluents', () => {
  it('offers fish trimmings and a fish plant’s treatment sludge to a digester', () => {
    const digester = need('digester', 'biogas', 'MATERIAL', 'Wet organic substrate for the anaerobic digesters');
    const trimmings = out('trim', 'fish', 'WASTE', 'Fish heads and guts from filleting', { ewcCode: '02 02 02' });
    const sludge = out('sludge', 'fish', 'WASTE', 'Sludge from the fat separator', { ewcCode: '02 02 04', physicalForm: 'SLUDGE' });
    expect(routes([trimmings, digester], 'trim', 'digester')).toContain('organic-residue-digester-substrate');
    expect(routes([sludge, digester], 'sludge', 'digester')).toContain('organic-residue-digester-substrate');
  });

  it('groups two neighbours’ process waters into a shared treatment', () => {
    const water = (id: string, org: string, label: string) => out(id, org, 'WATER', label, { unit: 'CUBIC_METRE', physicalForm: 'LIQUID' }, 0.5);
    const flows = [water('a', 'herring', 'Process water from rinsing the fish'), water('b', 'shrimp', 'Process water from cooking, organic load')];
    const pools = synergiesOf(flows).filter((s) => s.kind === 'MUTUALISATION' && s.pathwayId === 'pool-wastewater-pretreatment');
    expect(pools.map((s) => [...s.flowIds].sort())).toContainEqual(['a', 'b']);
  });

  it('does not take a fish farm’s sludge for an iron-bearing sludge, and still takes a blast furnace’s', () => {
    const ore = need('ore', 'steelworks', 'MATERIAL', 'Iron ore fines for the sinter plant');
    const fish = out('fish', 'fishfarm', 'WASTE', 'Fish sludge from the drum filters', { ewcCode: '02 01 06', physicalForm: 'SLUDGE' });
    const bf = out('bf', 'steelworks-2', 'WASTE', 'Blast furnace gas scrubbing sludge', { ewcCode: '10 02 14', physicalForm: 'SLUDGE' });
    expect(routes([fish, ore], 'fish', 'ore')).toEqual([]);
    expect(routes([bf, ore], 'bf', 'ore').length).toBeGreaterThan(0);
  });
});

describe('sawmill residues for a pulp mill, up to 100 km', () => {
  const kiln = need('kiln', 'pulp', 'ENERGY', 'Fuel for the lime kiln (heavy fuel oil today)', MWH);
  const pulpwood = need('wood', 'pulp', 'MATERIAL', 'Pulpwood and wood chips for the digesters');

  it('offers sawmill chips as pulpwood, and sawdust to the lime kiln from 90 km away', () => {
    const chips = out('chips', 'sawmill', 'WASTE', 'Sawmill chips from edging and trimming', { ewcCode: '03 01 05' });
    const sawdust = out('dust', 'sawmill', 'WASTE', 'Dry sawdust and shavings', { ewcCode: '03 01 05', physicalForm: 'POWDER' }, 90);
    expect(routes([chips, pulpwood], 'chips', 'wood')).toContain('sawmill-chips-pulp');
    expect(routes([sawdust, kiln], 'dust', 'kiln')).toContain('sawdust-biomass-fuel');
  });

  it('offers neither bark nor sawdust as pulpwood, nor the ash of a bark-fired boiler as fuel', () => {
    const bark = out('bark', 'sawmill', 'WASTE', 'Bark from log debarking', { ewcCode: '03 03 01' });
    const ash = out('ash', 'sawmill', 'WASTE', 'Ash from the bark-fired boiler', { ewcCode: '10 01 01' });
    expect(routes([bark, pulpwood], 'bark', 'wood')).toEqual([]);
    expect(routes([ash, kiln], 'ash', 'kiln')).toEqual([]);
  });

  it('does not read a fluidised bed’s sand as animal bedding, and still a stable’s litter', () => {
    const sawdust = out('dust', 'sawmill', 'WASTE', 'Dry sawdust and shavings', { ewcCode: '03 01 05' });
    const sand = need('sand', 'chp', 'MATERIAL', 'Bed sand for the fluidised bed');
    const litter = need('litter', 'farm', 'MATERIAL', 'Animal bedding for the dairy stables');
    expect(routes([sawdust, sand], 'dust', 'sand')).toEqual([]);
    expect(routes([sawdust, litter], 'dust', 'litter')).toContain('sawdust-animal-bedding');
  });
});

describe('hot water for a fish farm', () => {
  it('offers 85 °C surplus heat to tanks kept at 27 °C (no temperature hole)', () => {
    const heat = out('heat', 'smelter', 'ENERGY', 'Surplus heat from the furnaces, as hot water', { ...MWH, temperatureC: 85, physicalForm: 'LIQUID' }, 0.2);
    const tanks = need('tanks', 'fishfarm', 'ENERGY', 'Heating of the fish tanks', { ...MWH, temperatureC: 27 });
    expect(routes([heat, tanks], 'heat', 'tanks')).toContain('heat-low-temperature-aquaculture');
  });
});

describe('a district heating exchanger with a 5 K approach', () => {
  it('offers 95 °C process-cooling heat 13 km away to a network supplied at 90 °C', () => {
    const heat = out('heat', 'chemicals', 'ENERGY', 'Residual heat from process cooling', { ...MWH, temperatureC: 95, physicalForm: 'LIQUID' }, 13);
    const network = need('dh', 'heat-company', 'ENERGY', 'Heat supply for the city district heating', { ...MWH, temperatureC: 90 });
    expect(routes([heat, network], 'heat', 'dh')).toContain('heat-hot-water-district-heating');
  });
});
