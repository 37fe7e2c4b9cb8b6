import { describe, expect, it } from 'vitest';
import { need, out, routes } from './documented-routes.fixture.js';

/**
 * Routes of knowledge base 1.15.0 (issue 10, recall line: a coverage audit against published catalogues of
 * exchange types, docs/knowledge-base.md "Coverage audit"): non-hazardous alternative fuels and raw materials of a
 * cement kiln (Kim and Phae 2022, Ciment Català 2020), spent acids and alkalis as neutralising agents and organic
 * effluents as a wastewater plant's carbon source (Chertow and Park 2019's chemical wastes; the Ulsan case in the
 * JoongAng Economist 2021), bagasse as biomass. Labels here are written for the test, not taken from the corpus.
 */
const M3 = { unit: 'CUBIC_METRE', physicalForm: 'LIQUID' } as const;

describe('a cement kiln burns non-hazardous high-calorific wastes too', () => {
  const kiln = () => need('kiln', 'cement', 'ENERGY', 'Fuel for the cement kiln (petroleum coke today)', { unit: 'MEGAWATT_HOUR' });

  it('offers non-recyclable plastics from sorting and treated waste wood to the kiln', () => {
    const plastics = out('plastics', 'sorting', 'WASTE', 'Non-recyclable plastics from the sorting line', { ewcCode: '19 12 04' });
    const wood = out('wood', 'sorting', 'WASTE', 'Treated waste wood (class C)', { ewcCode: '19 12 06' });
    expect(routes([plastics, kiln()], 'plastics', 'kiln')).toContain('hazardous-waste-kiln-fuel');
    expect(routes([wood, kiln()], 'wood', 'kiln')).toContain('hazardous-waste-kiln-fuel');
  });

  it('still offers them to no lime kiln, and offers no wet sewage sludge across the 300 km of prepared fuels', () => {
    const plastics = out('plastics', 'sorting', 'WASTE', 'Non-recyclable plastics from the sorting line', { ewcCode: '19 12 04' });
    const lime = need('lime', 'pulp-mill', 'ENERGY', 'Fuel for the lime kiln', { unit: 'MEGAWATT_HOUR' });
    const sludge = out('sludge', 'wwtp', 'WASTE', 'Dewatered sewage sludge', { ewcCode: '19 08 05' });
    expect(routes([plastics, lime], 'plastics', 'lime')).not.toContain('hazardous-waste-kiln-fuel');
    expect(routes([sludge, kiln()], 'sludge', 'kiln')).not.toContain('hazardous-waste-kiln-fuel');
  });
});

describe('dewatered sewage sludge as kiln fuel, within its own reach', () => {
  const sludge = (km: number) => out('sludge', 'wwtp', 'WASTE', 'Dewatered sewage sludge', { ewcCode: '19 08 05' }, km);
  const kiln = () => need('kiln', 'cement', 'ENERGY', 'Fuel for the cement kiln (petroleum coke today)', { unit: 'MEGAWATT_HOUR' });

  it('offers sewage sludge to a kiln 40 km away, not to one 240 km away', () => {
    expect(routes([sludge(40), kiln()], 'sludge', 'kiln')).toContain('sewage-sludge-kiln-fuel');
    expect(routes([sludge(240), kiln()], 'sludge', 'kiln')).not.toContain('sewage-sludge-kiln-fuel');
  });
});

describe('cement raw materials: iron turnings, iron silicate slag and carbonate sludges', () => {
  const rawMeal = () => need('raw', 'cement', 'MATERIAL', 'Iron ore and limestone correctives for the raw meal');

  it('offers iron turnings, copper slag and lime mud to the raw meal', () => {
    const turnings = out('turnings', 'machining', 'WASTE', 'Cast iron turnings from machining', { ewcCode: '12 01 01' });
    const slag = out('slag', 'copper-smelter', 'WASTE', 'Granulated iron silicate slag from the copper smelter', { ewcCode: '10 06 01' });
    const mud = out('mud', 'pulp-mill', 'WASTE', 'Lime mud from the causticising plant', { ewcCode: '03 03 09' });
    expect(routes([turnings, rawMeal()], 'turnings', 'raw')).toContain('iron-bearing-fines-cement-raw-meal');
    expect(routes([slag, rawMeal()], 'slag', 'raw')).toContain('iron-bearing-fines-cement-raw-meal');
    expect(routes([mud, rawMeal()], 'mud', 'raw')).toContain('water-treatment-sludge-cement');
  });

  it('keeps steel plate offcuts, under the same code as turnings, out of the raw meal', () => {
    const offcuts = out('offcuts', 'fabrication', 'WASTE', 'Steel plate offcuts (chutes de tôles)', { ewcCode: '12 01 01' });
    expect(routes([offcuts, rawMeal()], 'offcuts', 'raw')).not.toContain('iron-bearing-fines-cement-raw-meal');
  });
});

describe('spent acids and alkalis neutralise a neighbour’s effluent', () => {
  const caustic = () => out('caustic', 'refinery', 'WASTE', 'Spent caustic from gas scrubbing', { ewcCode: '06 02 05' });
  const acid = () => out('acid', 'chemicals', 'WASTE', 'Off-spec dilute sulphuric acid', { ewcCode: '06 01 01' });
  const needsBase = () => need('base', 'plating', 'MATERIAL', 'Caustic soda for neutralisation of the acidic rinse water');
  const needsAcid = () => need('acidic', 'dyehouse', 'MATERIAL', 'Acid for pH adjustment of the alkaline wastewater');

  it('offers a spent alkali to an alkali need and a spent acid to an acid need', () => {
    expect(routes([caustic(), needsBase()], 'caustic', 'base')).toContain('spent-alkali-neutralising-agent');
    expect(routes([acid(), needsAcid()], 'acid', 'acidic')).toContain('spent-acid-neutralising-agent');
  });

  it('never offers an acid where a base is needed, nor a base where an acid is', () => {
    const sulphuric = need('sulphuric', 'dyehouse', 'MATERIAL', 'Sulphuric acid for neutralisation of the alkaline effluent');
    const lye = need('lye', 'refinery', 'MATERIAL', 'Sodium hydroxide (lye) for neutralisation');
    expect(routes([caustic(), sulphuric], 'caustic', 'sulphuric')).toEqual([]);
    expect(routes([acid(), lye], 'acid', 'lye')).toEqual([]);
  });

  it('does not read a need for caustic soda in a process as a neutralisation', () => {
    const bayer = need('bayer', 'alumina', 'MATERIAL', 'Caustic soda for Bayer digestion');
    expect(routes([caustic(), bayer], 'caustic', 'bayer')).toEqual([]);
  });
});

describe('organic effluents and by-products as a wastewater plant’s carbon source', () => {
  const plant = () => need('plant', 'wwtp', 'MATERIAL', 'Methanol as external carbon source for denitrification');

  it('offers a high-COD organic wastewater and crude glycerol to the denitrification', () => {
    const water = out('water', 'fine-chemicals', 'WATER', 'Organic wastewater from the fine chemicals plant (high COD)', M3);
    const glycerol = out('glycerol', 'biodiesel', 'MATERIAL', 'Crude glycerol from biodiesel production');
    expect(routes([water, plant()], 'water', 'plant')).toContain('organic-byproduct-denitrification-carbon');
    expect(routes([glycerol, plant()], 'glycerol', 'plant')).toContain('organic-byproduct-denitrification-carbon');
  });

  it('does not offer an oily effluent, nor read a nutrient-salt need as a carbon need', () => {
    const oily = out('oily', 'refinery', 'WATER', 'Oily organic wastewater from the tank farm', M3);
    const water = out('water', 'fine-chemicals', 'WATER', 'Organic wastewater from the fine chemicals plant (high COD)', M3);
    const salts = need('salts', 'wwtp', 'MATERIAL', 'Urea and phosphoric acid as nutrients for the activated sludge');
    expect(routes([oily, plant()], 'oily', 'plant')).not.toContain('organic-byproduct-denitrification-carbon');
    expect(routes([water, salts], 'water', 'salts')).not.toContain('organic-byproduct-denitrification-carbon');
  });
});

describe('category 3 animal by-products for fishmeal, rendering or pet food', () => {
  const offal = () => out('offal', 'fish-plant', 'WASTE', 'Fish heads and viscera from filleting', { ewcCode: '02 02 02' });

  it('offers fish offal to a fishmeal plant and to a pet food maker', () => {
    const meal = need('meal', 'fishmeal', 'MATERIAL', 'Raw fish for fishmeal and fish oil production');
    const pet = need('pet', 'petfood', 'MATERIAL', 'Animal by-products (meat and fish) for pet food');
    expect(routes([offal(), meal], 'offal', 'meal')).toContain('animal-byproducts-rendering');
    expect(routes([offal(), pet], 'offal', 'pet')).toContain('animal-byproducts-rendering');
  });

  it('does not read an additive for fish oil as a need for fish, nor offer category 1 material', () => {
    const antioxidant = need('antioxidant', 'fishmeal', 'MATERIAL', 'Antioxidant for the fish oil');
    const cat1 = out('cat1', 'abattoir', 'WASTE', 'Category 1 specified risk material', { ewcCode: '02 02 02' });
    const meal = need('meal', 'renderer', 'MATERIAL', 'Animal by-products for rendering into meat and bone meal');
    expect(routes([offal(), antioxidant], 'offal', 'antioxidant')).not.toContain('animal-byproducts-rendering');
    expect(routes([cat1, meal], 'cat1', 'meal')).not.toContain('animal-byproducts-rendering');
  });
});

describe('bagasse is biomass', () => {
  it('offers bagasse to a biomass boiler and to a pulp mill', () => {
    const bagasse = out('bagasse', 'cane-mill', 'MATERIAL', 'Sugarcane bagasse');
    const boiler = need('boiler', 'chp', 'ENERGY', 'Fuel for the biomass boiler (forest chips today)', { unit: 'MEGAWATT_HOUR' });
    const pulp = need('pulp', 'paper-mill', 'MATERIAL', 'Wood chips for the pulp mill');
    expect(routes([bagasse, boiler], 'bagasse', 'boiler')).toContain('sawdust-biomass-fuel');
    expect(routes([bagasse, pulp], 'bagasse', 'pulp')).toContain('sawmill-chips-pulp');
  });
});
