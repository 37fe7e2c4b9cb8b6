import { describe, expect, it } from 'vitest';
import { withoutDeclarations, type PlainFlows } from './declared-baseline.js';
import { COUNTERFACTUAL_FIELDS, type CounterfactualField, type EngineFlow } from './engine.types.js';

const flow: EngineFlow = {
  id: 'f1',
  organizationId: 'o1',
  siteId: 's1',
  territoryId: 't1',
  direction: 'OUTPUT',
  category: 'WASTE',
  label: 'Chutes de bois',
  description: 'palettes',
  ewcCode: '030105',
  hazardous: false,
  needCode: null,
  yearlyQuantity: 120,
  visibility: 'TERRITORY',
  unit: 'TONNE',
  physicalForm: 'SOLID',
  temperatureC: null,
  availableMonths: [1, 2, 3],
  currentDestination: 'ENERGY_RECOVERY',
  yearlyCostEur: 4000,
  heatSupply: 'NATURAL_GAS',
  heatSupplyEfficiency: 0.9,
  heatNetworkName: 'Réseau',
  heatNetworkCo2GPerKwh: 61,
  usedShareToday: 0.2,
  latitude: 49.36,
  longitude: 6.12,
  organizationKind: 'COMPANY',
  insertion: false,
  naceCode: '16.10',
};

describe('withoutDeclarations', () => {
  it('copies every field but the declared counterfactuals, which it clears (as a spread that clears them would)', () => {
    const plain = withoutDeclarations(flow);
    expect(plain).toEqual({ ...flow, currentDestination: null, heatSupply: null, heatSupplyEfficiency: null, heatNetworkName: null, heatNetworkCo2GPerKwh: null, usedShareToday: null });
    expect(Object.keys(plain).sort()).toEqual(Object.keys(flow).sort());
    expect(flow.currentDestination).toBe('ENERGY_RECOVERY');
  });

  it('clears each counterfactual declared alone (every field of COUNTERFACTUAL_FIELDS), nothing else', () => {
    const none = Object.fromEntries(COUNTERFACTUAL_FIELDS.map((f) => [f, null]));
    const values: Record<CounterfactualField, unknown> = {
      currentDestination: 'LANDFILL',
      heatSupply: 'NATURAL_GAS',
      heatSupplyEfficiency: 0.9,
      heatNetworkName: 'Réseau',
      heatNetworkCo2GPerKwh: 61,
      usedShareToday: 0.5,
    };
    for (const field of COUNTERFACTUAL_FIELDS) {
      const declaring = { ...flow, ...none, [field]: values[field] } as EngineFlow;
      const plain = withoutDeclarations(declaring);
      expect(plain, field).not.toBe(declaring);
      expect(plain, field).toEqual({ ...declaring, [field]: null });
    }
  });

  it('gives the flow itself when it declares nothing, and one copy per flow for a detector', () => {
    const bare: EngineFlow = { ...flow, currentDestination: null, heatSupply: null, heatSupplyEfficiency: null, heatNetworkName: null, heatNetworkCo2GPerKwh: null, usedShareToday: null };
    expect(withoutDeclarations(bare)).toBe(bare);
    const plainFlows: PlainFlows = new WeakMap();
    const once = withoutDeclarations(flow, plainFlows);
    expect(withoutDeclarations(flow, plainFlows)).toBe(once);
    expect(withoutDeclarations({ ...flow }, plainFlows)).not.toBe(once);
  });
});
