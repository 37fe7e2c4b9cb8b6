/**
 * The indicators a synergy's impacts are estimated in (docs/impact-method.md). Part of the public API: add values,
 * never rename them. The engine's figures, the territory's totals and a plan's expected indicators share them.
 */
export enum ImpactIndicatorCode {
  TONNES_DIVERTED = 'TONNES_DIVERTED',
  MWH_RECOVERED = 'MWH_RECOVERED',
  WATER_M3_SAVED = 'WATER_M3_SAVED',
  CO2E_AVOIDED_T = 'CO2E_AVOIDED_T',
  EUROS_SAVED = 'EUROS_SAVED',
  JOBS = 'JOBS',
  INSERTION_JOBS = 'INSERTION_JOBS',
}

/** The codes as the plain strings the engine and documents hold. */
export type ImpactIndicatorValue = `${ImpactIndicatorCode}`;

const CODES = new Set<string>(Object.values(ImpactIndicatorCode));

/** Whether a value read from somewhere untrusted (a client's document) is one of the codes. */
export function isImpactIndicator(value: unknown): value is ImpactIndicatorValue {
  return typeof value === 'string' && CODES.has(value);
}
