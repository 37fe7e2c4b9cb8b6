import { describe, expect, it } from 'vitest';
import { need, out, routes } from './documented-routes.fixture.js';

/**
 * Routes and words of knowledge base 1.14.4 (issue 10, recall line, round 4): steam condensate returned as boiler
 * feed water; oxygen for an oxidation is oxygen (the air-gas route excludes nitrogen oxides, not every "oxid…"
 * word); an organic Rankine cycle, which needs 150 °C, takes no liquid of unknown temperature; a crude hydrogen
 * off-gas is a fuel gas, electrolytic hydrogen a feedstock; "watering" no longer reads every water need as
 * irrigation; a fluidised-bed boiler takes solid recovered fuel. Labels here are written for the test, not taken
 * from the corpus.
 */
const MWH = { unit: 'MEGAWATT_HOUR' } as const;
const M3 = { unit: 'CUBIC_METRE', physicalForm: 'LIQUID' } as const;

describe('steam condensate returned as boiler feed water', () => {
  const feed = () => need('feed', 'boilers', 'WATER', 'Boiler feed water (demineralised water produced today)', M3);

  it('offers a steam customer’s condensate to the boiler house that needs feed water', () => {
    const condensate = out('condensate', 'chemicals', 'WATER', 'Steam condensate returned from the process heaters', M3);
    expect(routes([condensate, feed()], 'condensate', 'feed')).toContain('steam-condensate-return-boiler-feed');
  });

  it('does not offer an oily condensate, nor a boiler blowdown', () => {
    const oily = out('oily', 'refinery', 'WATER', 'Oily condensate from the tank heating coils', M3);
    const blowdown = out('blowdown', 'power', 'WATER', 'Boiler blowdown condensate', M3);
    expect(routes([oily, feed()], 'oily', 'feed')).not.toContain('steam-condensate-return-boiler-feed');
    expect(routes([blowdown, feed()], 'blowdown', 'feed')).not.toContain('steam-condensate-return-boiler-feed');
  });
});

describe('air gases for a need that names an oxidation', () => {
  const oxygen = () => out('oxygen', 'asu', 'MATERIAL', 'Gaseous oxygen from the air separation unit', { physicalForm: 'GAS' });

  it('offers oxygen to a partial oxidation or a wet oxidation', () => {
    const gasifier = need('gasifier', 'chemicals', 'MATERIAL', 'Oxygen for the partial oxidation of heavy fuel oil', { physicalForm: 'GAS' });
    const wet = need('wet', 'wwtp', 'MATERIAL', 'Oxygen for the wet oxidation of sludge', { physicalForm: 'GAS' });
    expect(routes([oxygen(), gasifier], 'oxygen', 'gasifier')).toContain('industrial-gases-neighbour-supply');
    expect(routes([oxygen(), wet], 'oxygen', 'wet')).toContain('industrial-gases-neighbour-supply');
  });

  it('still takes nitrogen oxides for no air gas', () => {
    const nox = out('nox', 'boiler', 'MATERIAL', 'Nitrogen oxides in the flue gas', { physicalForm: 'GAS' });
    const inerting = need('inerting', 'tanks', 'MATERIAL', 'Nitrogen for tank blanketing', { physicalForm: 'GAS' });
    expect(routes([nox, inerting], 'nox', 'inerting')).not.toContain('industrial-gases-neighbour-supply');
  });
});

describe('an organic Rankine cycle needs 150 °C: a gas, not a liquid of unknown temperature', () => {
  const power = () => need('power', 'smelter', 'ENERGY', 'Electricity for the furnaces', MWH);

  it('does not turn district heating water into electricity', () => {
    const water = out('water', 'dh', 'ENERGY', 'District heating water for the park and the town', { ...MWH, physicalForm: 'LIQUID' }, 0.5);
    expect(routes([water, power()], 'water', 'power')).not.toContain('heat-orc-electricity');
  });

  it('still offers hot flue gas to the electricity need next door', () => {
    const flue = out('flue', 'glassworks', 'ENERGY', 'Flue gas from the melting furnace', { ...MWH, physicalForm: 'GAS', temperatureC: 450 }, 0.5);
    expect(routes([flue, power()], 'flue', 'power')).toContain('heat-orc-electricity');
  });
});

describe('crude hydrogen off-gas as a fuel gas; electrolytic hydrogen as feedstock', () => {
  const fuel = () => need('fuel', 'steelworks', 'ENERGY', 'Fuel for the reheating furnaces (natural gas today)', MWH);

  it('offers a dehydrogenation unit’s crude hydrogen off-gas to burners on natural gas', () => {
    const crude = out('crude', 'chemicals', 'ENERGY', 'Crude hydrogen off-gas from the dehydrogenation unit', { ...MWH, physicalForm: 'GAS' });
    expect(routes([crude, fuel()], 'crude', 'fuel')).toContain('surplus-fuel-gas-burner-substitution');
  });

  it('does not burn the hydrogen of a chlor-alkali electrolysis', () => {
    const electrolytic = out('h2', 'chlorine', 'ENERGY', 'Hydrogen off-gas from the chlor-alkali electrolysis', { ...MWH, physicalForm: 'GAS' });
    expect(routes([electrolytic, fuel()], 'h2', 'fuel')).not.toContain('surplus-fuel-gas-burner-substitution');
  });
});

describe('words: watering, fluidised beds', () => {
  it('does not read a drinking-water need as irrigation (the stem of "watering" is "water")', () => {
    const effluent = out('effluent', 'wwtp', 'WATER', 'Treated effluent from the municipal treatment plant', M3);
    const canteen = need('canteen', 'plant', 'WATER', 'Potable water for the canteen', M3);
    const cattle = need('cattle', 'farm', 'WATER', 'Drinking water for the cattle', M3);
    expect(routes([effluent, canteen], 'effluent', 'canteen')).not.toContain('treated-water-irrigation');
    expect(routes([effluent, cattle], 'effluent', 'cattle')).not.toContain('treated-water-irrigation');
  });

  it('still offers treated effluent for lawn watering and irrigation', () => {
    const effluent = out('effluent', 'wwtp', 'WATER', 'Treated effluent from the municipal treatment plant', M3);
    const lawns = need('lawns', 'town', 'WATER', 'Lawn watering of the sports grounds', M3);
    expect(routes([effluent, lawns], 'effluent', 'lawns')).toContain('treated-water-irrigation');
  });

  it('offers solid recovered fuel to a fluidised-bed boiler burning wood and peat', () => {
    const srf = out('srf', 'sorting', 'WASTE', 'Solid recovered fuel from mixed commercial waste', { ewcCode: '19 12 10' }, 6);
    const boiler = need('boiler', 'chp', 'ENERGY', 'Fluidised bed boiler fuel (wood chips and peat today)', MWH);
    expect(routes([srf, boiler], 'srf', 'boiler')).toContain('sorting-residues-srf');
  });
});
