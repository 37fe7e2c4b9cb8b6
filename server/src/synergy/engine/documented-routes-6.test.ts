import { describe, expect, it } from 'vitest';
import { need, out, routes, synergiesOf } from './documented-routes.fixture.js';

/**
 * Routes of knowledge base 1.16.5 (issue 10, recall line, r-recall4): precision on the heat routes, the ORC and the
 * group purchases, found on the dev part of the corpus and fixed in general terms. Labels here are written for the
 * test, not taken from the corpus.
 */
const M3 = { unit: 'CUBIC_METRE', physicalForm: 'LIQUID' } as const;
const MWH = { unit: 'MEGAWATT_HOUR' } as const;
const LOW_HEAT = ['heat-low-temperature-heat-pump', 'heat-low-temperature-space-heating', 'heat-low-temperature-greenhouse', 'wastewater-heat-recovery'];

describe('a water named only as water or effluent is a heat source when its temperature says so', () => {
  const heating = () => need('heating', 'offices', 'ENERGY', 'Space heating for the office buildings', MWH);

  it('offers no heat pump on wash water or a process effluent of unknown temperature', () => {
    const wash = out('wash', 'dairy', 'WATER', 'Wash water from cleaning in place, to the sewer', M3, 0.5);
    const effluent = out('effluent', 'chemicals', 'WATER', 'Process effluent, to treatment', M3, 0.5);
    for (const [flow, id] of [[wash, 'wash'], [effluent, 'effluent']] as const) {
      const found = routes([flow, heating()], id, 'heating');
      expect(found.filter((r) => LOW_HEAT.includes(r)), id).toEqual([]);
    }
  });

  it('still offers the same effluent at a declared 35 °C, and warm water named as such without a temperature', () => {
    const effluent = out('effluent', 'chemicals', 'WATER', 'Process effluent, to treatment', { ...M3, temperatureC: 35 }, 0.5);
    const warm = out('warm', 'chemicals', 'WATER', 'Eaux tièdes de refroidissement des compresseurs', M3, 0.5);
    expect(routes([effluent, heating()], 'effluent', 'heating').some((r) => LOW_HEAT.includes(r))).toBe(true);
    expect(routes([warm, heating()], 'warm', 'heating').some((r) => LOW_HEAT.includes(r))).toBe(true);
  });
});

describe('an organic Rankine cycle takes heat with no other carrier, not steam raised for sale', () => {
  const power = () => need('power', 'gases', 'ENERGY', 'Electricity for the air compressors', MWH);

  it('offers no ORC on a CHP plant’s or a power station’s process steam', () => {
    const chp = out('chp', 'chp', 'ENERGY', 'Process steam from the biomass-fired CHP plant', { ...MWH, physicalForm: 'GAS', temperatureC: 200 }, 0.5);
    const vapeur = out('vapeur', 'centrale', 'ENERGY', 'Vapeur haute pression de la centrale', { ...MWH, physicalForm: 'GAS', temperatureC: 450 }, 0.5);
    expect(routes([chp, power()], 'chp', 'power')).not.toContain('heat-orc-electricity');
    expect(routes([vapeur, power()], 'vapeur', 'power')).not.toContain('heat-orc-electricity');
  });

  it('still offers the flue gas of a steam boiler and a kiln’s exhaust air', () => {
    const flue = out('flue', 'boiler', 'ENERGY', 'Fumées de la chaudière vapeur', { ...MWH, physicalForm: 'GAS', temperatureC: 250 }, 0.5);
    const kiln = out('kiln', 'bricks', 'ENERGY', 'Hot exhaust air from the tunnel kiln', { ...MWH, physicalForm: 'GAS', temperatureC: 300 }, 0.5);
    expect(routes([flue, power()], 'flue', 'power')).toContain('heat-orc-electricity');
    expect(routes([kiln, power()], 'kiln', 'power')).toContain('heat-orc-electricity');
  });
});

describe('a group purchase of energy buys one carrier', () => {
  const pools = (flows: ReturnType<typeof need>[]) =>
    synergiesOf(flows)
      .filter((s) => s.kind === 'MUTUALISATION' && s.pathwayId.startsWith('group-purchase'))
      .map((s) => `${s.pathwayId}: ${[...s.flowIds].sort().join(' + ')}`);
  const electricity = (id: string) => need(id, id, 'ENERGY', 'Electricity for the machines', MWH);
  const gas = (id: string, label = 'Natural gas for the boilers') => need(id, id, 'ENERGY', label, MWH);

  it('pools no electricity need with a gas need', () => {
    expect(pools([electricity('a'), gas('b')])).toEqual([]);
  });

  it('pools two electricity needs, and two gas needs in a gas purchase', () => {
    expect(pools([electricity('a'), electricity('b')])).toEqual(['group-purchase-energy: a + b']);
    expect(pools([gas('a'), gas('b', 'Gaz naturel pour les séchoirs')])).toEqual(['group-purchase-natural-gas: a + b']);
  });

  it('leaves a bus fleet’s fuel out of the gas purchase', () => {
    expect(pools([gas('a'), gas('b', 'Fuel for the city bus fleet (diesel, natural gas)')])).toEqual([]);
  });
});

describe('cooling-tower make-up takes lightly loaded treated water, not scrubber liquor, brine or blowdown', () => {
  const makeup = () => need('makeup', 'plant', 'WATER', 'Cooling tower make-up water', M3);
  const WATER_ROUTES = ['treated-water-cooling-tower-makeup', 'rinse-water-reuse-process', 'reclaimed-water-industrial-use'];
  const offered = (label: string, input = makeup()) =>
    routes([out('o', 'supplier', 'WATER', label, M3, 1), input], 'o', input.id).filter((r) => WATER_ROUTES.includes(r));

  it('offers no flue gas scrubber effluent and no boiler blowdown as make-up or process water', () => {
    expect(offered('Effluent of the wet flue gas scrubbers, to treatment')).toEqual([]);
    expect(offered('Eaux de lavage des fumées')).toEqual([]);
    expect(offered('Boiler blowdown water, to the effluent treatment')).toEqual([]);
    expect(offered('Effluent of the wet flue gas scrubbers, to treatment', need('wash', 'plant', 'WATER', 'Eau industrielle pour le lavage des sols', M3))).toEqual([]);
  });

  it('offers nothing to a once-through sea water cooling system, which has no make-up to replace', () => {
    expect(offered('Treated rinse water', need('sea', 'plant', 'WATER', 'Sea water for the cooling system', M3))).toEqual([]);
  });

  it('still offers treated rinse water and treated sewage effluent as make-up', () => {
    expect(offered('Eaux de rinçage traitées')).toContain('treated-water-cooling-tower-makeup');
    expect(offered('Secondary treated sewage effluent').length).toBeGreaterThan(0);
  });
});

describe('a bauxite residue is no rolling-mill sludge', () => {
  it('does not send red mud to iron-unit recycling as an oily mill sludge', () => {
    const redMud = out('redmud', 'alumina', 'WASTE', 'Boues rouges de l’usine d’alumine', { ewcCode: '01 03 09', physicalForm: 'SLUDGE' }, 20);
    const corrective = need('iron', 'cement', 'MATERIAL', 'Raw materials for the cement kiln (iron corrective)');
    expect(routes([redMud, corrective], 'redmud', 'iron')).not.toContain('oily-mill-sludge-iron-recovery');
  });
});

describe('a cane sugar mill’s filter mud goes to the fields', () => {
  const fertiliser = () => need('fields', 'farms', 'MATERIAL', 'Organic fertiliser for the cane fields');

  it('offers press mud as an organic fertiliser, not a metal finishing filter cake', () => {
    const pressMud = out('mud', 'mill', 'WASTE', 'Filter mud (press mud) from the cane sugar mill', { physicalForm: 'SLUDGE' }, 10);
    const metal = out('metal', 'plating', 'WASTE', 'Filter cake from the metal finishing line', { ewcCode: '19 02 05*', physicalForm: 'SLUDGE' }, 10);
    expect(routes([pressMud, fertiliser()], 'mud', 'fields')).toContain('organic-residue-fertiliser');
    expect(routes([metal, fertiliser()], 'metal', 'fields')).toEqual([]);
  });
});

describe('a cement kiln’s fuel declared in tonnes takes the kiln fuels; its raw materials take none', () => {
  const fuel = () => need('fuel', 'cement', 'MATERIAL', 'Combustibles de substitution pour le four à clinker');
  const limestone = () => need('stone', 'cement', 'MATERIAL', 'Limestone and raw meal correctives for the cement kiln');

  it('offers tyres and sewage sludge to kiln fuel bought in tonnes', () => {
    const tyres = out('tyres', 'garage', 'WASTE', 'Waste tyres', { ewcCode: '16 01 03' }, 30);
    const sludge = out('sludge', 'wwtp', 'WASTE', 'Dewatered sewage sludge', { ewcCode: '19 08 05' }, 30);
    expect(routes([tyres, fuel()], 'tyres', 'fuel')).toContain('hazardous-waste-kiln-fuel');
    expect(routes([sludge, fuel()], 'sludge', 'fuel')).toContain('sewage-sludge-kiln-fuel');
  });

  it('offers no solvent, tyre or sludge fuel to the kiln’s limestone', () => {
    const solvents = out('solvents', 'paints', 'WASTE', 'Spent solvents', { ewcCode: '14 06 03*' }, 30);
    const tyres = out('tyres', 'garage', 'WASTE', 'Waste tyres', { ewcCode: '16 01 03' }, 30);
    const KILN = ['hazardous-waste-kiln-fuel', 'sewage-sludge-kiln-fuel', 'solvent-paint-kiln-fuel'];
    expect(routes([solvents, limestone()], 'solvents', 'stone').filter((r) => KILN.includes(r))).toEqual([]);
    expect(routes([tyres, limestone()], 'tyres', 'stone').filter((r) => KILN.includes(r))).toEqual([]);
  });
});

describe('waste heat in its common French words', () => {
  it('offers « rejets thermiques » and « énergie fatale » of unknown temperature to a heat network', () => {
    const network = need('dh', 'town', 'ENERGY', 'Chaleur pour le réseau de chaleur urbain', MWH);
    const rejets = out('rejets', 'steel', 'ENERGY', 'Rejets thermiques de l’aciérie', MWH, 3);
    const fatale = out('fatale', 'glass', 'ENERGY', 'Énergie fatale du site', MWH, 3);
    expect(routes([rejets, network], 'rejets', 'dh').length).toBeGreaterThan(0);
    expect(routes([fatale, network], 'fatale', 'dh').length).toBeGreaterThan(0);
  });
});

describe('a data centre’s heat is low-grade: a heat pump, not steam nor an ORC', () => {
  const dc = () => out('dc', 'datacentre', 'ENERGY', 'Chaleur fatale du datacenter (salles serveurs)', MWH, 1);
  const HOT = ['heat-process-90-150', 'heat-process-hot-water', 'steam-surplus-process-steam', 'steam-district-heating', 'heat-orc-electricity', 'cooling-absorption-from-waste-heat'];

  it('offers it to no route needing 70 °C and more', () => {
    const steam = need('steam', 'plant', 'ENERGY', 'Process steam for the evaporators', MWH);
    const power = need('power', 'plant', 'ENERGY', 'Electricity for the compressors', MWH);
    expect(routes([dc(), steam], 'dc', 'steam').filter((r) => HOT.includes(r))).toEqual([]);
    expect(routes([dc(), power], 'dc', 'power')).toEqual([]);
  });

  it('still offers it to office heating through a heat pump', () => {
    const offices = need('offices', 'town', 'ENERGY', 'Chauffage des bureaux', MWH);
    expect(routes([dc(), offices], 'dc', 'offices')).toContain('heat-low-temperature-heat-pump');
  });
});

describe('bags for cement are packaging, not a cement addition', () => {
  it('offers neither fly ash nor slag to a need for paper cement bags', () => {
    const bags = need('bags', 'cement', 'MATERIAL', 'Paper cement bags', { unit: 'UNIT' });
    const ash = out('ash', 'power', 'WASTE', 'Fly ash from the electrostatic precipitators', { ewcCode: '10 01 02', physicalForm: 'POWDER' }, 5);
    const slag = out('slag', 'steel', 'WASTE', 'Granulated blast furnace slag', { ewcCode: '10 02 02' }, 5);
    expect(routes([ash, bags], 'ash', 'bags')).toEqual([]);
    expect(routes([slag, bags], 'slag', 'bags')).toEqual([]);
  });
});

describe('a biodiesel plant’s crude glycerine is a digester’s co-substrate', () => {
  it('offers crude glycerine to a digester', () => {
    const glycerine = out('gly', 'biodiesel', 'MATERIAL', 'Glycérine brute de l’usine de biodiesel', { physicalForm: 'LIQUID' }, 20);
    const digester = need('dig', 'biogas', 'MATERIAL', 'Co-substrat pour le méthaniseur');
    expect(routes([glycerine, digester], 'gly', 'dig')).toContain('food-waste-methanisation');
  });
});
