import { FlowUnit, PhysicalForm, ResourceCategory } from '../../vocabulary/flow.enums.js';
import { normalizeText } from '../../nomenclature/text-search.js';
import { PATHWAY_FAMILIES } from './knowledge-base.js';
import type { EmissionFactor, PathwayImpact } from './knowledge-base.types.js';

/**
 * What the knowledge-base validator checks against (the enums, units, identifier and keyword shapes) and the checks
 * its parts share. Each check reports to `problem` in readable sentences.
 */

export type Problem = (message: string) => void;

export const FLOW_UNITS = new Set<string>(Object.values(FlowUnit));
export const CATEGORIES = new Set<string>(Object.values(ResourceCategory));
export const PHYSICAL_FORMS = new Set<string>(Object.values(PhysicalForm));
export const FACTOR_UNITS = new Set<string>(['kgCO2e/t', 'kgCO2e/MWh', 'kgCO2e/m3', 'kgCO2e/unit', 'kgCO2e/h', 'kgCO2e/t.km']);
export const ROUTES = new Set<string>(['REUSE', 'RECYCLING', 'ENERGY_RECOVERY']);
export const INDICATORS = new Set<string>(['MASS', 'ENERGY', 'WATER', 'UNITS', 'SERVICE']);
export const HAZARD_POLICIES = new Set<string>(['FORBIDDEN', 'HANDLED', 'ALLOWED']);
export const FAMILIES = new Set<string>(PATHWAY_FAMILIES);
export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SEMVER = /^\d+\.\d+\.\d+$/;
/**
 * Matcher keywords are matched at the start of a word of the folded label: letters and digits, single spaces; a final
 * `$` makes the last word whole ("sulphur$" does not find "sulphuric", see searchableKeyword).
 */
export const FOLDED_WORDS = /^[a-z0-9]+( [a-z0-9]+)*\$?$/;

export function foldKeyword(keyword: string): string {
  return normalizeText(keyword).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The emission-factor unit that goes with a pathway unit (factors are per unit of the pathway). */
export const FACTOR_UNIT_FOR: Partial<Record<FlowUnit, EmissionFactor['unit']>> = {
  [FlowUnit.TONNE]: 'kgCO2e/t',
  [FlowUnit.KILOGRAM]: 'kgCO2e/t',
  [FlowUnit.MEGAWATT_HOUR]: 'kgCO2e/MWh',
  [FlowUnit.KILOWATT_HOUR]: 'kgCO2e/MWh',
  [FlowUnit.CUBIC_METRE]: 'kgCO2e/m3',
  [FlowUnit.LITRE]: 'kgCO2e/m3',
  [FlowUnit.UNIT]: 'kgCO2e/unit',
  [FlowUnit.HOUR]: 'kgCO2e/h',
};

/**
 * Units each impact indicator may be counted in. MASS accepts volumes: oils, acids and effluents are declared in
 * litres, and a cubic metre of them weighs about a tonne.
 */
export const UNITS_FOR_INDICATOR: Record<PathwayImpact['indicator'], ReadonlySet<string> | null> = {
  MASS: new Set([FlowUnit.TONNE, FlowUnit.KILOGRAM, FlowUnit.CUBIC_METRE, FlowUnit.LITRE]),
  ENERGY: new Set([FlowUnit.MEGAWATT_HOUR, FlowUnit.KILOWATT_HOUR]),
  WATER: new Set([FlowUnit.CUBIC_METRE, FlowUnit.LITRE]),
  UNITS: new Set([FlowUnit.UNIT]),
  SERVICE: null,
};

/** NACE code prefixes: a division "38", a group "24.1", a class "24.10" or a French subclass "24.10Z". */
export const NACE_PREFIX = /^\d{2}(\.\d{1,2}[A-Z]?)?$/;

export function checkWords(words: unknown, where: string, problem: Problem): void {
  if (!Array.isArray(words) || words.length === 0) {
    problem(`${where}: needs a non-empty list of keywords`);
    return;
  }
  for (const word of words) {
    if (typeof word !== 'string' || !FOLDED_WORDS.test(word)) {
      problem(`${where}: keyword "${String(word)}" must be folded words (lower case, no accents): "${foldKeyword(String(word))}"`);
    }
  }
}

export function collectIds<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  what: string,
  problem: Problem,
): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    const id = idOf(item);
    if (!id) problem(`a ${what} has no id`);
    else if (ids.has(id)) problem(`duplicate ${what} id ${id}`);
    ids.add(id);
  }
  return ids;
}

export function checkIds(
  ids: readonly string[] | undefined,
  known: ReadonlySet<string>,
  where: string,
  what: string,
  problem: Problem,
): void {
  if (!Array.isArray(ids) || ids.length === 0) {
    problem(`${where}: cites no ${what}`);
    return;
  }
  for (const id of ids) if (!known.has(id)) problem(`${where}: unknown ${what} ${id}`);
}
