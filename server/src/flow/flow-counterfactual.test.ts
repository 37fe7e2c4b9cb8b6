import { describe, expect, it } from 'vitest';
import { ProblemList } from '../errors/domain-errors.js';
import { checkFlowFields, type FlowFields } from './flow.validation.js';

/** Declared counterfactuals (issue 14): each field on the side it describes, a network with its CO2 content. */
const need: FlowFields = { direction: 'INPUT', category: 'ENERGY', label: 'Chaleur réseau', quantity: 1000, unit: 'MWh', period: 'YEAR', visibility: 'PRIVATE' };
const source: FlowFields = { ...need, direction: 'OUTPUT', label: 'Chaleur fatale' };

function check(fields: FlowFields) {
  const problems = new ProblemList();
  const clean = checkFlowFields(problems, fields, new Set());
  return { clean, fields: problems.problems.map((p) => p.field) };
}

describe('declared counterfactuals', () => {
  it("keeps a need's supply today and a source's share used today", () => {
    const network = check({ ...need, heatSupply: 'HEATING_NETWORK', heatNetworkName: 'Réseau de Hayange', heatNetworkCo2GPerKwh: '61' });
    expect(network.fields).toEqual([]);
    expect(network.clean).toMatchObject({ heatSupply: 'HEATING_NETWORK', heatNetworkCo2GPerKwh: 61, heatNetworkName: 'Réseau de Hayange' });
    expect(check({ ...need, heatSupply: 'FUEL_OIL', heatSupplyEfficiency: 0.85 }).clean).toMatchObject({ heatSupply: 'FUEL_OIL', heatSupplyEfficiency: 0.85 });
    expect(check({ ...source, usedShareToday: 0.4 }).clean.usedShareToday).toBe(0.4);
  });

  it('refuses a network without its CO2 content, a supply on an output, a share on an input or out of [0, 1]', () => {
    expect(check({ ...need, heatSupply: 'HEATING_NETWORK' }).fields).toContain('heatNetworkCo2GPerKwh');
    expect(check({ ...need, heatSupply: 'NATURAL_GAS', heatNetworkCo2GPerKwh: 61 }).fields).toContain('heatNetworkCo2GPerKwh');
    expect(check({ ...source, heatSupply: 'NATURAL_GAS' }).fields).toContain('heatSupply');
    expect(check({ ...need, usedShareToday: 0.5 }).fields).toContain('usedShareToday');
    expect(check({ ...source, usedShareToday: 1.5 }).fields).toContain('usedShareToday');
    expect(check({ ...need, heatSupply: 'COAL' }).fields).toContain('heatSupply');
    expect(check({ ...need, heatSupplyEfficiency: 0.9 }).fields).toContain('heatSupplyEfficiency');
  });
});
