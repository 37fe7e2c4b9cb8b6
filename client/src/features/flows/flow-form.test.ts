import { describe, expect, it } from 'vitest';
import type { FlowFieldsFragment } from '../../gql/graphql';
import { chooseCategory, chooseDirection, codeKind, emptyFlowForm, flowFormOf, toFlowInput, type FlowFormState } from './flow-form';

const wasteOutput = (): FlowFormState => ({
  ...chooseCategory(emptyFlowForm('site-1'), 'WASTE'),
  label: '  Laitier  ',
  ewcCode: '10 02 01',
  quantity: '12,5',
});

describe('the flow form', () => {
  it('asks for the category first, then names the resource the way its direction and category call for', () => {
    expect(codeKind(emptyFlowForm())).toBeNull();
    expect(codeKind({ direction: 'OUTPUT', category: 'WASTE' })).toBe('ewc');
    expect(codeKind({ direction: 'OUTPUT', category: 'MATERIAL' })).toBe('ewc');
    expect(codeKind({ direction: 'OUTPUT', category: 'ENERGY' })).toBeNull();
    expect(codeKind({ direction: 'INPUT', category: 'WASTE' })).toBe('need');
    expect(codeKind({ direction: 'INPUT', category: 'ENERGY' })).toBe('need');
  });

  it('proposes the usual unit of a category', () => {
    expect(chooseCategory(emptyFlowForm(), 'ENERGY').unit).toBe('MEGAWATT_HOUR');
    expect(chooseCategory(emptyFlowForm(), 'WATER').unit).toBe('CUBIC_METRE');
    expect(chooseCategory(emptyFlowForm(), 'SPACE').unit).toBe('SQUARE_METRE');
    expect(chooseCategory(emptyFlowForm(), 'WASTE').unit).toBe('TONNE');
  });

  it('clears what no longer applies when the category or direction changes', () => {
    const heat = { ...chooseCategory(emptyFlowForm(), 'ENERGY'), temperatureC: '85', currentDestination: 'OTHER' as const };
    const asWaste = chooseCategory(heat, 'WASTE');
    expect(asWaste.temperatureC).toBe('');
    const need = chooseDirection(wasteOutput(), 'INPUT');
    expect(need.ewcCode).toBe('');
    expect(need.currentDestination).toBe('');
    expect(chooseDirection(heat, 'INPUT').temperatureC).toBe('85');
  });

  it('sends a declared waste output with numbers parsed and empty optional fields as null', () => {
    const outcome = toFlowInput({ ...wasteOutput(), physicalForm: 'SOLID', yearlyCostEur: '14 000', currentDestination: 'LANDFILL' });
    expect(outcome).toEqual({
      ok: true,
      input: {
        siteId: 'site-1',
        direction: 'OUTPUT',
        category: 'WASTE',
        label: 'Laitier',
        description: null,
        ewcCode: '10 02 01',
        needCode: null,
        quantity: 12.5,
        unit: 'TONNE',
        period: 'YEAR',
        physicalForm: 'SOLID',
        temperatureC: null,
        availableMonths: null,
        currentDestination: 'LANDFILL',
        yearlyCostEur: 14000,
        visibility: 'TERRITORY',
      },
    });
  });

  it('sends the months of a seasonal flow in calendar order, and none for a flow all year', () => {
    const seasonal = toFlowInput({ ...wasteOutput(), allYear: false, months: [11, 2, 6] });
    expect(seasonal.ok && seasonal.input.availableMonths).toEqual([2, 6, 11]);
    const allYear = toFlowInput({ ...wasteOutput(), allYear: true, months: [11, 2, 6] });
    expect(allYear.ok && allYear.input.availableMonths).toBeNull();
  });

  it('sends a temperature only where it matters', () => {
    const heat = toFlowInput({ ...chooseCategory(emptyFlowForm('s'), 'ENERGY'), label: 'Chaleur', temperatureC: '-5.5' });
    expect(heat.ok && heat.input.temperatureC).toBe(-5.5);
    const waste = toFlowInput({ ...wasteOutput(), temperatureC: '90' });
    expect(waste.ok && waste.input.temperatureC).toBeNull();
  });

  it('says what to fix before sending: no category, no site, no name, words for a number, no month chosen', () => {
    expect(toFlowInput(emptyFlowForm())).toEqual({ ok: false, problems: { category: 'required', siteId: 'required', label: 'required' } });
    expect(toFlowInput({ ...wasteOutput(), quantity: 'beaucoup', allYear: false, months: [] })).toEqual({
      ok: false,
      problems: { quantity: 'notANumber', availableMonths: 'required' },
    });
  });

  it('leaves range checks to the server, which words them per field', () => {
    const outcome = toFlowInput({ ...wasteOutput(), quantity: '-3', ewcCode: '99 99 99' });
    expect(outcome.ok && [outcome.input.quantity, outcome.input.ewcCode]).toEqual([-3, '99 99 99']);
  });

  it('turns a stored flow back into the form it was declared with', () => {
    const stored: FlowFieldsFragment = {
      id: 'f', direction: 'INPUT', category: 'ENERGY', label: 'Chaleur basse température', description: null,
      ewcCode: null, wasteCode: null, needCode: 'heat-low', quantity: 800, unit: 'MEGAWATT_HOUR', unitSymbol: 'MWh',
      period: 'YEAR', physicalForm: null, temperatureC: 60, availableMonths: [1, 2, 12], currentDestination: null,
      yearlyCostEur: null, visibility: 'PRIVATE', status: 'ACTIVE', updatedAt: '2026-12-04T00:00:00Z',
      site: { id: 'site-2', name: 'Atelier', city: 'Knutange' },
    };
    const form = flowFormOf(stored);
    expect(form).toMatchObject({ siteId: 'site-2', quantity: '800', temperatureC: '60', allYear: false, months: [1, 2, 12], yearlyCostEur: '' });
    const again = toFlowInput(form);
    expect(again.ok && again.input).toMatchObject({ needCode: 'heat-low', quantity: 800, temperatureC: 60, availableMonths: [1, 2, 12] });
  });
});
