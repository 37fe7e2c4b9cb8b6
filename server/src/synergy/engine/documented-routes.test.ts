import { describe, expect, it } from 'vitest';
import { need, out, routes } from './documented-routes.fixture.js';

/**
 * Routes that documented parks run and knowledge base 1.12.0 added or sharpened (issue 10, recall line): mixed
 * plastics as chemical feedstock, pulp and paper sludge and bark as boiler fuel, reverse-osmosis recycled water as
 * boiler make-up; and the words that kept near-misses apart (a feedstock is not animal feed, quicklime is not a liming
 * need, a boiler is not irrigated). Labels here are written for the test, not taken from the corpus.
 */

describe('mixed plastics as chemical feedstock', () => {
  const mixed = out('mixed', 'sorting', 'WASTE', 'Refus plastiques en mélange du centre de tri', { ewcCode: '19 12 04' });
  const bottles = out('bottles', 'collector', 'WASTE', 'Bouteilles PET claires triées', { ewcCode: '15 01 02' });

  it('offers mixed plastics to a blast furnace reducing agent and to a synthesis-gas feedstock', () => {
    const furnace = need('furnace', 'steelworks', 'MATERIAL', 'Charbon pulvérisé injecté comme agent réducteur');
    const ammonia = need('ammonia', 'chemicals', 'MATERIAL', 'Synthesis gas feedstock for the ammonia unit');
    expect(routes([mixed, furnace], 'mixed', 'furnace')).toContain('plastics-feedstock-recycling');
    expect(routes([mixed, ammonia], 'mixed', 'ammonia')).toContain('plastics-feedstock-recycling');
  });

  it('leaves clean PET bottles to mechanical recycling: a PET recycler, not a blast furnace', () => {
    const furnace = need('furnace', 'steelworks', 'MATERIAL', 'Pulverised coal for blast furnace injection');
    const recycler = need('recycler', 'pet-plant', 'MATERIAL', 'PET bottles for depolymerisation');
    expect(routes([bottles, furnace], 'bottles', 'furnace')).toEqual([]);
    expect(routes([bottles, recycler], 'bottles', 'recycler')).toContain('rigid-plastic-recycling');
  });

  it('does not read a feedstock as animal feed', () => {
    const grain = out('grain', 'brewery', 'WASTE', 'Drêches de brasserie', { ewcCode: '02 07 04' });
    expect(routes([grain, need('stock', 'chemicals', 'MATERIAL', 'Sugar feedstock for fermentation')], 'grain', 'stock')).not.toContain('spent-grain-yeast-animal-feed');
    expect(routes([grain, need('feed', 'farm', 'MATERIAL', 'Feed for the dairy herd')], 'grain', 'feed')).toContain('spent-grain-yeast-animal-feed');
  });
});

describe('mill residues as fuel for a boiler that burns peat or forest chips', () => {
  const boiler = need('boiler', 'chp', 'ENERGY', 'Fuel for the fluidised-bed boiler (peat and forest chips today)', { unit: 'MEGAWATT_HOUR' });

  it('offers bark and the fibre and biological sludge of a paper mill', () => {
    const bark = out('bark', 'mill', 'WASTE', 'Bark from the debarking drums', { ewcCode: '03 03 01' });
    const sludge = out('sludge', 'effluent-plant', 'WASTE', 'Dewatered fibre sludge', { ewcCode: '03 03 10' });
    expect(routes([bark, boiler], 'bark', 'boiler')).toContain('sawdust-biomass-fuel');
    expect(routes([sludge, boiler], 'sludge', 'boiler')).toContain('paper-sludge-boiler-fuel');
  });

  it('does not burn a chemical sludge whose code names no route', () => {
    const iron = out('iron', 'chemicals', 'WASTE', 'Iron-bearing sludge from coagulant production', { ewcCode: '06 05 03' });
    expect(routes([iron, boiler], 'iron', 'boiler')).toEqual([]);
  });
});

describe('recycled water for boilers', () => {
  const make = (label: string) => need('boiler-water', 'power-plant', 'WATER', label, { unit: 'CUBIC_METRE' });
  const ro = out('ro', 'water-utility', 'WATER', 'Reverse-osmosis recycled water', { unit: 'CUBIC_METRE', physicalForm: 'LIQUID' });
  const effluent = out('effluent', 'water-utility', 'WATER', 'Treated effluent (secondary treatment)', { unit: 'CUBIC_METRE', physicalForm: 'LIQUID' });

  it('offers reverse-osmosis water as boiler make-up, and an ordinary treated effluent not at all', () => {
    expect(routes([ro, make('Boiler feed water make-up')], 'ro', 'boiler-water')).toContain('reclaimed-water-boiler-feed');
    expect(routes([effluent, make('Boiler feed water make-up')], 'effluent', 'boiler-water')).toEqual([]);
    expect(routes([effluent, make('Demineralised water for the boilers')], 'effluent', 'boiler-water')).toEqual([]);
  });

  it('does not offer the reverse-osmosis brine', () => {
    const brine = out('brine', 'water-utility', 'WATER', 'Reverse-osmosis brine concentrate', { unit: 'CUBIC_METRE', physicalForm: 'LIQUID' });
    expect(routes([brine, make('Boiler feed water make-up')], 'brine', 'boiler-water')).toEqual([]);
  });
});

describe('a reagent is not a liming need', () => {
  it('does not offer boiler ash to a plant buying quicklime, and still to a farm liming its fields', () => {
    const ash = out('ash', 'chp', 'WASTE', 'Wood ash from the grate boiler', { ewcCode: '10 01 03' });
    expect(routes([ash, need('lime', 'pcc', 'MATERIAL', 'Burnt lime (quicklime) for slaking')], 'ash', 'lime')).toEqual([]);
    expect(routes([ash, need('farm', 'farm', 'MATERIAL', 'Amendement calcique pour le chaulage des parcelles')], 'ash', 'farm')).toContain('biomass-ash-soil');
  });
});
