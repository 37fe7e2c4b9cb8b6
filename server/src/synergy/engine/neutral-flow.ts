import type { EngineFlow } from './engine.types.js';

/** What a flow must name; everything else has a neutral default. */
export type FlowFields = Partial<EngineFlow> & Pick<EngineFlow, 'id' | 'organizationId' | 'direction'>;

/**
 * An engine flow with neutral defaults (a non-hazardous waste in tonnes, nothing declared, a company's site at the
 * given place), overridden by `fields`: for the engine's tests and the method's worked examples, which state only
 * what they are about.
 */
export function neutralFlow(fields: FlowFields, place: { territoryId: string; latitude: number; longitude: number }): EngineFlow {
  return {
    siteId: `site-${fields.organizationId}`,
    category: 'WASTE',
    label: '',
    ewcCode: null,
    hazardous: false,
    needCode: null,
    yearlyQuantity: null,
    unit: 'TONNE',
    physicalForm: null,
    temperatureC: null,
    availableMonths: null,
    currentDestination: null,
    yearlyCostEur: null,
    organizationKind: 'COMPANY',
    insertion: false,
    naceCode: null,
    ...place,
    ...fields,
  };
}
