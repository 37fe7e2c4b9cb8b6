import { describe, expect, it } from 'vitest';
import { organization, output, side, synergy } from './fixtures.test-data';
import { territoryMapModel } from './map-model';
import { networkModel } from './network-model';
import { allocateSynergies, inBaseUnit, sankeyModel } from './sankey-model';

const steel = organization('steel', [['s1', 'Florange', 49.32, 6.12]]);
const cement = organization('cement', [['c1', 'Uckange', 49.3, 6.15]]);
const flowSide = (id: string, quantity: number, unit = 'TONNE' as const) => ({ id, unit, yearlyQuantity: quantity, site: null });

describe('the Sankey of outputs', () => {
  it('counts a tonne once when two suggestions compete for the same source', () => {
    const slag = output('slag', 100);
    const first = synergy('a', [side('OUTPUT', steel, flowSide('slag', 100)), side('INPUT', cement, flowSide('need1', 80))], {
      score: 0.9,
      explanation: { matchedQuantity: 80, unit: 't' },
    });
    const second = synergy('b', [side('OUTPUT', steel, flowSide('slag', 100)), side('INPUT', null)], {
      score: 0.6,
      explanation: { matchedQuantity: 100, unit: 'TONNE' },
    });
    expect(allocateSynergies([slag], [second, first], 'mass').get('slag')).toBe(100);
    const model = sankeyModel([slag], [first, second], 'mass', true);
    expect(model.diverted).toBe(100);
    const toDestinations = model.links.filter((link) => link.target.startsWith('destination:'));
    expect(toDestinations).toEqual([{ source: 'stream:WASTE:-', target: 'destination:SYNERGY', value: 100 }]);
  });

  it('caps what a need takes at what it still needs, and leaves today as it is', () => {
    const a = output('a', 50);
    const b = output('b', 50, { currentDestination: 'INCINERATION' });
    const need = flowSide('need', 60);
    const synergies = [
      synergy('x', [side('OUTPUT', steel, flowSide('a', 50)), side('INPUT', cement, need)], { score: 0.9, explanation: { matchedQuantity: 50, unit: 'TONNE' } }),
      synergy('y', [side('OUTPUT', steel, flowSide('b', 50)), side('INPUT', cement, need)], { score: 0.8, explanation: { matchedQuantity: 50, unit: 'TONNE' } }),
    ];
    expect(sankeyModel([a, b], synergies, 'mass', true).diverted).toBe(60);
    const today = sankeyModel([a, b], synergies, 'mass', false);
    expect(today.diverted).toBe(0);
    expect(today.links.find((link) => link.target === 'destination:INCINERATION')?.value).toBe(50);
  });

  it('reads the unit of a quantity by name or by symbol', () => {
    expect(inBaseUnit(2000, 'KILOGRAM', 'mass')).toBe(2);
    expect(inBaseUnit(2000, 'kg', 'mass')).toBe(2);
    expect(inBaseUnit(500, 'kWh', 'energy')).toBe(0.5);
    expect(inBaseUnit(5, 'MWh', 'mass')).toBeNull();
    expect(inBaseUnit(5, 'h', 'mass')).toBeNull();
  });

  it('adds kilograms as tonnes and leaves other dimensions out', () => {
    const model = sankeyModel([output('kg', 2000, { unit: 'KILOGRAM' }), output('mwh', 5, { unit: 'MEGAWATT_HOUR', category: 'ENERGY' })], [], 'mass', false);
    expect(model.links.find((link) => link.source.startsWith('category:'))).toEqual({ source: 'category:WASTE', target: 'stream:WASTE:-', value: 2 });
    expect(model.nodes.some((node) => node.id === 'category:ENERGY')).toBe(false);
  });

  it('joins the outputs of one List of Waste chapter into one stream, whatever their category', () => {
    const chapter = { chapterCode: '10', chapterLabelFr: 'Procédés thermiques', chapterLabelEn: 'Thermal processes' };
    const model = sankeyModel(
      [output('slag', 5, { wasteCode: chapter }), output('slag-as-material', 7, { category: 'MATERIAL', wasteCode: chapter })],
      [],
      'mass',
      false,
    );
    expect(model.nodes.filter((node) => node.column === 'stream').map((node) => node.id)).toEqual(['stream:10']);
    expect(model.links.find((link) => link.source === 'stream:10')?.value).toBe(12);
  });

  it('ignores declined synergies and poolings', () => {
    const slag = output('slag', 10);
    const declined = synergy('d', [side('OUTPUT', steel, flowSide('slag', 10)), side('INPUT', cement)], {
      status: 'DECLINED',
      explanation: { matchedQuantity: 10, unit: 'TONNE' },
    });
    const pooling = synergy('p', [side('MEMBER', steel, flowSide('slag', 10)), side('MEMBER', cement)], {
      kind: 'MUTUALISATION',
      explanation: { matchedQuantity: 10, unit: 'TONNE' },
    });
    expect(sankeyModel([slag], [declined, pooling], 'mass', true).diverted).toBe(0);
  });
});

describe('the map', () => {
  it('places named parties and draws lines only between named sides', () => {
    const withAnonymous = synergy('a', [side('OUTPUT', steel), side('INPUT', null)]);
    const named = synergy('b', [side('OUTPUT', steel), side('INPUT', cement)], { status: 'ACCEPTED' });
    const model = territoryMapModel([], [withAnonymous, named]);
    expect(model.sites.map((site) => site.id).sort()).toEqual(['c1', 's1']);
    expect(model.lines).toEqual([{ synergyId: 'b', stage: 'accepted', from: [49.32, 6.12], to: [49.3, 6.15] }]);
  });

  it('places no site of a party the API leaves anonymous', () => {
    const model = territoryMapModel([steel], [synergy('a', [side('OUTPUT', steel), side('INPUT', null)])]);
    expect(model.sites.map((site) => site.organizationId)).toEqual(['steel']);
    expect(model.lines).toEqual([]);
  });

  it('names each commune once at the mean position of its sites', () => {
    const twoSites = organization('two', [['t1', 'Hayange', 49.3, 6.0], ['t2', 'Hayange', 49.4, 6.1]]);
    const [hayange] = territoryMapModel([twoSites], []).communes;
    expect(hayange.name).toBe('Hayange');
    expect(hayange.siteCount).toBe(2);
    expect(hayange.latitude).toBeCloseTo(49.35);
    expect(hayange.longitude).toBeCloseTo(6.05);
  });

});

describe('the network', () => {
  it('gives each anonymous side a node of its own, unnamed', () => {
    const model = networkModel([
      synergy('a', [side('OUTPUT', steel), side('INPUT', null)]),
      synergy('b', [side('OUTPUT', steel), side('INPUT', null)], { status: 'CONTACT_REQUESTED' }),
    ]);
    expect(model.nodes.filter((node) => node.name === null)).toHaveLength(2);
    expect(model.nodes.filter((node) => node.name === 'Org steel')).toHaveLength(1);
    expect(model.edges.map((edge) => edge.stage)).toEqual(['suggested', 'contactRequested']);
  });
});
