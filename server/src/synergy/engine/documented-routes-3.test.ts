import { describe, expect, it } from 'vitest';
import { need, out, routes, synergiesOf } from './documented-routes.fixture.js';

/**
 * Routes and words of knowledge base 1.14.0 (issue 10, recall line, round 3): a need declared as plain "fuel" or as
 * fuel oil takes a neighbour's surplus gas (not a solid-fuel furnace, not a peak or back-up boiler), and conditioned
 * coal ash replaces aggregates in fills and road bases; hazardous waste prepared as kiln fuel, air gases supplied to
 * a neighbour, soiled rags and absorbents in the pooled hazardous-waste collection. Labels here are written for the
 * test, not taken from the corpus.
 */
const MWH = { unit: 'MEGAWATT_HOUR' } as const;
const gas = (id = 'gas') => out(id, 'refinery', 'ENERGY', 'Surplus off-gas from the refinery units', { ...MWH, physicalForm: 'GAS' });
const biogas = () => out('biogas', 'digester', 'ENERGY', 'Biogas from the anaerobic digestion plant', { ...MWH, physicalForm: 'GAS' });

describe('a surplus gas for a need declared as plain fuel or fuel oil', () => {
  it('offers a by-product gas to a need that names only "fuel", whatever it is for', () => {
    const boiler = need('boiler', 'plant', 'ENERGY', 'Fuel for raising process steam', MWH);
    expect(routes([gas(), boiler], 'gas', 'boiler')).toContain('surplus-fuel-gas-burner-substitution');
  });

  it('offers biogas to dryers fired with heating oil or fuel oil today', () => {
    const dryers = need('dryers', 'feed', 'ENERGY', 'Fuel for the drying drums (heating oil today)', MWH);
    const kiln = need('kiln', 'bricks', 'ENERGY', 'Heavy fuel oil for the tunnel kiln', MWH);
    expect(routes([biogas(), dryers], 'biogas', 'dryers')).toContain('surplus-fuel-gas-burner-substitution');
    expect(routes([biogas(), kiln], 'biogas', 'kiln')).toContain('surplus-fuel-gas-burner-substitution');
  });

  it('does not offer a gas to a solid-fuel boiler, nor to peak or back-up boilers kept on oil', () => {
    const solid = need('solid', 'chp', 'ENERGY', 'Solid fuel for the grate boiler (wood chips and peat)', MWH);
    const peak = need('peak', 'dh', 'ENERGY', 'Fuel oil for the peak-load boilers', MWH);
    const backup = need('backup', 'hospital', 'ENERGY', 'Fioul pour les chaudières de secours', MWH);
    expect(routes([gas(), solid], 'gas', 'solid')).not.toContain('surplus-fuel-gas-burner-substitution');
    expect(routes([gas(), peak], 'gas', 'peak')).not.toContain('surplus-fuel-gas-burner-substitution');
    expect(routes([gas(), backup], 'gas', 'backup')).not.toContain('surplus-fuel-gas-burner-substitution');
  });

  it('still offers sawdust to a lime kiln whose need names fuel oil', () => {
    const sawdust = out('sawdust', 'sawmill', 'WASTE', 'Sawdust from the band saws', { ewcCode: '03 01 05' });
    const kiln = need('kiln', 'pulp', 'ENERGY', 'Fuel for the lime kiln (fuel oil today)', MWH);
    expect(routes([sawdust, kiln], 'sawdust', 'kiln')).toContain('sawdust-biomass-fuel');
  });
});

describe('conditioned coal ash as fill and road base', () => {
  const fill = () => need('fill', 'contractor', 'MATERIAL', 'Crushed stone for embankments and road base');

  it('offers a power station’s coal fly ash to a road contractor buying crushed stone', () => {
    const ash = out('ash', 'power', 'WASTE', 'Coal fly ash, moistened at the silo', { ewcCode: '10 01 02', physicalForm: 'POWDER' }, 20);
    expect(routes([ash, fill()], 'ash', 'fill')).toContain('coal-ash-structural-fill');
  });

  it('does not offer biomass fly ash (another code and words), nor coal ash to a recycled-concrete need', () => {
    const wood = out('wood', 'power', 'WASTE', 'Fly ash from the wood-fired boiler', { ewcCode: '10 01 02' });
    const coal = out('coal', 'power', 'WASTE', 'Coal fly ash', { ewcCode: '10 01 02' });
    const recycled = need('recycled', 'precast', 'MATERIAL', 'Recycled concrete aggregates');
    expect(routes([wood, fill()], 'wood', 'fill')).not.toContain('coal-ash-structural-fill');
    expect(routes([coal, recycled], 'coal', 'recycled')).not.toContain('coal-ash-structural-fill');
  });
});

describe('hazardous waste prepared as kiln fuel', () => {
  const kiln = () => need('kiln', 'cement', 'ENERGY', 'Fuel for the clinker kiln (coal and petroleum coke)', MWH);

  it('offers separator oil, off-spec fuel oil and fuels blended from hazardous waste to a cement kiln', () => {
    const separator = out('separator', 'garage', 'WASTE', 'Oil from the oil/water separator', { ewcCode: '13 05 06*', physicalForm: 'LIQUID' }, 40);
    const offSpec = out('offspec', 'depot', 'WASTE', 'Contaminated heating oil from tank cleaning', { ewcCode: '13 07 01*', physicalForm: 'LIQUID' }, 60);
    const blended = out('blended', 'pretreatment', 'WASTE', 'Liquid waste fuel blended from solvents and oily residues', { ewcCode: '19 02 08*', physicalForm: 'LIQUID' }, 80);
    const impregnated = out('impregnated', 'pretreatment', 'WASTE', 'Impregnated sawdust fuel made from pasty hazardous waste', { ewcCode: '19 02 09*' }, 80);
    for (const source of [separator, offSpec, blended, impregnated]) {
      expect(routes([source, kiln()], source.id, 'kiln')).toContain('hazardous-waste-kiln-fuel');
    }
  });

  it('does not offer a reaction residue of the same chemical chapter (spent caustic) as kiln fuel', () => {
    const caustic = out('caustic', 'cracker', 'WASTE', 'Spent caustic from the gas washing', { ewcCode: '07 01 08*', physicalForm: 'LIQUID' }, 30);
    expect(routes([caustic, kiln()], 'caustic', 'kiln')).not.toContain('hazardous-waste-kiln-fuel');
  });
});

describe('air gases supplied to a neighbour', () => {
  const asu = (id: string, label: string) => out(id, 'steelworks', 'MATERIAL', label, { physicalForm: 'GAS' }, 3);

  it('offers an air separation unit’s surplus nitrogen to a plant buying nitrogen for inerting, and its oxygen to a furnace', () => {
    const nitrogen = asu('n2', 'Surplus nitrogen from the air separation unit');
    const oxygen = asu('o2', 'Oxygen from the air separation unit, spare capacity');
    const inerting = need('inert', 'chemicals', 'MATERIAL', 'Nitrogen for inerting the storage tanks (liquid, delivered by tanker)');
    const furnace = need('furnace', 'glass', 'MATERIAL', 'Oxygen for the oxy-fuel glass furnace');
    expect(routes([nitrogen, inerting], 'n2', 'inert')).toContain('industrial-gases-neighbour-supply');
    expect(routes([oxygen, furnace], 'o2', 'furnace')).toContain('industrial-gases-neighbour-supply');
  });

  it('keeps each gas to its own need, and takes neither nitrogen oxides nor a fertiliser need for air gases', () => {
    const nitrogen = asu('n2', 'Surplus nitrogen from the air separation unit');
    const furnace = need('furnace', 'glass', 'MATERIAL', 'Oxygen for the oxy-fuel glass furnace');
    const fertiliser = need('fert', 'farm', 'MATERIAL', 'Nitrogen fertiliser for the crops');
    const nox = out('nox', 'boiler', 'MATERIAL', 'Nitrogen oxides in the boiler flue gas', { physicalForm: 'GAS' }, 1);
    const inerting = need('inert', 'chemicals', 'MATERIAL', 'Nitrogen for inerting the storage tanks');
    expect(routes([nitrogen, furnace], 'n2', 'furnace')).not.toContain('industrial-gases-neighbour-supply');
    expect(routes([nitrogen, fertiliser], 'n2', 'fert')).not.toContain('industrial-gases-neighbour-supply');
    expect(routes([nox, inerting], 'nox', 'inert')).not.toContain('industrial-gases-neighbour-supply');
  });
});

describe('soiled rags, gloves and absorbents in the pooled hazardous-waste collection', () => {
  it('groups two neighbours’ soiled absorbents and wiping cloths (15 02 02*) into one collection', () => {
    const rags = (id: string, org: string, label: string) => out(id, org, 'WASTE', label, { ewcCode: '15 02 02*', yearlyQuantity: 2 }, 0.5);
    const flows = [rags('a', 'garage', 'Oily rags and absorbent granules'), rags('b', 'printer', 'Solvent-soaked wiping cloths and gloves')];
    const pools = synergiesOf(flows).filter((s) => s.kind === 'MUTUALISATION' && s.pathwayId === 'pool-hazardous-waste-collection');
    expect(pools.map((s) => [...s.flowIds].sort())).toContainEqual(['a', 'b']);
  });

  it('does not read "soiled" into soil: clean soil is no hazardous waste', () => {
    const solvents = out('solvents', 'pharma', 'WASTE', 'Spent solvents from the pilot plant', { ewcCode: '07 05 04*', yearlyQuantity: 2 }, 0.5);
    const soil = out('soil', 'remediation', 'MATERIAL', 'Cleaned soil after bioremediation', { yearlyQuantity: 2 }, 0.6);
    const pools = synergiesOf([solvents, soil]).filter((s) => s.kind === 'MUTUALISATION');
    expect(pools.some((s) => s.flowIds.includes('soil'))).toBe(false);
  });
});

describe('offcuts and plates are steel only when a word says so', () => {
  const fabricator = need('fab', 'fabricator', 'MATERIAL', 'Steel plate for brackets and gussets');

  it('offers steel plate offcuts to a fabricator', () => {
    const steel = out('steel', 'laser', 'MATERIAL', 'Steel offcuts from the laser cutting of plates', {}, 5);
    expect(routes([steel, fabricator], 'steel', 'fab')).toContain('steel-offcuts-reuse');
  });

  it('does not read wood, plasterboard or seafood offcuts, nor aluminium printing plates, as steel offcuts', () => {
    const others = [
      out('wood', 'joinery', 'WASTE', 'Nailed wood offcuts', { ewcCode: '03 01 05' }, 5),
      out('gypsum', 'boards', 'WASTE', 'Plasterboard offcuts', { ewcCode: '17 08 02' }, 5),
      out('fish', 'seafood', 'WASTE', 'Shells and seafood offcuts', { ewcCode: '02 02 02' }, 5),
      out('alu', 'printer', 'WASTE', 'Used aluminium printing plates', { ewcCode: '17 04 02' }, 5),
    ];
    for (const source of others) expect(routes([source, fabricator], source.id, 'fab')).not.toContain('steel-offcuts-reuse');
  });

  it('does not take paper plates for the canteen as a need for steel plate', () => {
    const steel = out('steel', 'laser', 'MATERIAL', 'Steel offcuts from the laser cutting of plates', {}, 5);
    const canteen = need('plates', 'canteen', 'MATERIAL', 'Paper plates for the canteen');
    expect(routes([steel, canteen], 'steel', 'plates')).not.toContain('steel-offcuts-reuse');
  });
});

describe('a feedstock is a digester’s only when a word says so', () => {
  const effluent = () => out('effluent', 'dairy', 'WATER', 'Process effluent with organic load', { unit: 'CUBIC_METRE', physicalForm: 'LIQUID' }, 1);

  it('does not take a refinery’s "crude oil and renewable feedstocks" for a digester’s intake', () => {
    const crude = need('crude', 'refinery', 'MATERIAL', 'Crude oil and renewable feedstocks');
    expect(routes([effluent(), crude], 'effluent', 'crude')).not.toContain('organic-effluent-methanisation');
  });

  it('still offers an organic effluent to a digester’s feedstock need', () => {
    const digester = need('digester', 'biogas', 'WASTE', 'Digester feedstock (liquid co-substrates)');
    expect(routes([effluent(), digester], 'effluent', 'digester')).toContain('organic-effluent-methanisation');
  });
});
