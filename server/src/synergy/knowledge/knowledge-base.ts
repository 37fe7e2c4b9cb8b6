/**
 * Loading, validating and searching the knowledge base of valorisation pathways
 * (server/data/synergy/knowledge-base.json, format in knowledge-base.types.ts, guide in docs/knowledge-base.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FlowUnit, PhysicalForm, ResourceCategory } from '../../vocabulary/flow.enums.js';
import { listWasteCodes } from '../../nomenclature/waste-codes.js';
import { normalizeText, searchWords } from '../../nomenclature/text-search.js';
import { isMaterialPathway } from './pathway-classes.js';
import type {
  EmissionFactor,
  KnowledgeBase,
  NeedDefinition,
  Pathway,
  PathwayImpact,
  StreamMatcher,
} from './knowledge-base.types.js';

/** The pathway families of the contract, in the order reports show them. */
export const PATHWAY_FAMILIES = [
  'HEAT',
  'STEAM',
  'COOLING',
  'WATER',
  'WASTEWATER',
  'SLUDGE',
  'WOOD',
  'PAPER',
  'PLASTIC',
  'METAL',
  'SLAG',
  'DUST_SCALE',
  'ASH_GYPSUM',
  'CONSTRUCTION',
  'ORGANIC',
  'SOLVENT_OIL',
  'PACKAGING',
  'EQUIPMENT',
  'SERVICE',
  'LOGISTICS',
  'PURCHASING',
] as const;

export type PathwayFamily = (typeof PATHWAY_FAMILIES)[number];

const KNOWLEDGE_BASE_FILE = path.join(import.meta.dirname, '../../../data/synergy/knowledge-base.json');

let cached: KnowledgeBase | null = null;

/** The knowledge base, read from its JSON file once per process. Treat it as read-only. */
export function loadKnowledgeBase(): KnowledgeBase {
  if (cached === null) {
    cached = JSON.parse(readFileSync(KNOWLEDGE_BASE_FILE, 'utf8')) as KnowledgeBase;
  }
  return cached;
}

const FLOW_UNITS = new Set<string>(Object.values(FlowUnit));
const CATEGORIES = new Set<string>(Object.values(ResourceCategory));
const PHYSICAL_FORMS = new Set<string>(Object.values(PhysicalForm));
const FACTOR_UNITS = new Set<string>(['kgCO2e/t', 'kgCO2e/MWh', 'kgCO2e/m3', 'kgCO2e/unit', 'kgCO2e/h', 'kgCO2e/t.km']);
const ROUTES = new Set<string>(['REUSE', 'RECYCLING', 'ENERGY_RECOVERY']);
const INDICATORS = new Set<string>(['MASS', 'ENERGY', 'WATER', 'UNITS', 'SERVICE']);
const HAZARD_POLICIES = new Set<string>(['FORBIDDEN', 'HANDLED', 'ALLOWED']);
const FAMILIES = new Set<string>(PATHWAY_FAMILIES);
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SEMVER = /^\d+\.\d+\.\d+$/;
/** Matcher keywords are matched at the start of a word of the folded label: letters and digits, single spaces. */
const FOLDED_WORDS = /^[a-z0-9]+( [a-z0-9]+)*$/;

function foldKeyword(keyword: string): string {
  return normalizeText(keyword).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The emission-factor unit that goes with a pathway unit (factors are per unit of the pathway). */
const FACTOR_UNIT_FOR: Partial<Record<FlowUnit, EmissionFactor['unit']>> = {
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
const UNITS_FOR_INDICATOR: Record<PathwayImpact['indicator'], ReadonlySet<string> | null> = {
  MASS: new Set([FlowUnit.TONNE, FlowUnit.KILOGRAM, FlowUnit.CUBIC_METRE, FlowUnit.LITRE]),
  ENERGY: new Set([FlowUnit.MEGAWATT_HOUR, FlowUnit.KILOWATT_HOUR]),
  WATER: new Set([FlowUnit.CUBIC_METRE, FlowUnit.LITRE]),
  UNITS: new Set([FlowUnit.UNIT]),
  SERVICE: null,
};

/**
 * Every problem found in a knowledge base, as readable sentences; an empty list means it is sound. Checks identities,
 * references (sources, factors, needs), List of Waste codes, the shape each kind of pathway needs, numbers and units.
 */
export function validateKnowledgeBase(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  const problem = (message: string) => problems.push(message);

  if (!SEMVER.test(kb.version ?? '')) problem(`version "${kb.version}" is not a semantic version like 1.0.0`);

  const sourceIds = collectIds(kb.sources ?? [], (source) => source.id, 'source', problem);
  collectIds(kb.emissionFactors ?? [], (factor) => factor.id, 'emission factor', problem);
  const needCodes = collectIds(kb.needs ?? [], (need) => need.code, 'need', problem);
  collectIds(kb.pathways ?? [], (pathway) => pathway.id, 'pathway', problem);
  const factorsById = new Map((kb.emissionFactors ?? []).map((factor) => [factor.id, factor]));

  for (const source of kb.sources ?? []) {
    const where = `source ${source.id}`;
    if (!KEBAB_CASE.test(source.id)) problem(`${where}: id is not kebab-case`);
    if (!source.citation?.trim()) problem(`${where}: empty citation`);
    if (!source.publisher?.trim()) problem(`${where}: empty publisher`);
    if (!Number.isInteger(source.year) || source.year < 1950 || source.year > 2100) {
      problem(`${where}: implausible year ${source.year}`);
    }
    if (source.url !== undefined && !/^https?:\/\/\S+$/.test(source.url)) {
      problem(`${where}: url "${source.url}" is not an http(s) address`);
    }
  }

  for (const factor of kb.emissionFactors ?? []) {
    const where = `emission factor ${factor.id}`;
    if (!factor.labelFr?.trim() || !factor.labelEn?.trim()) problem(`${where}: missing French or English label`);
    if (!FACTOR_UNITS.has(factor.unit)) problem(`${where}: unknown unit ${factor.unit}`);
    if (!sourceIds.has(factor.sourceId)) problem(`${where}: unknown source ${factor.sourceId}`);
    if (!Number.isFinite(factor.value) || factor.value < 0) problem(`${where}: value must be a number ≥ 0`);
    const low = factor.low ?? factor.value;
    const high = factor.high ?? factor.value;
    if (!(low <= factor.value && factor.value <= high)) {
      problem(`${where}: expected low ≤ value ≤ high, got ${low} ≤ ${factor.value} ≤ ${high}`);
    }
  }

  const { codes: ewcCodes, headings: ewcHeadings } = wasteCodeSets();
  const usedNeeds = new Set<string>();

  for (const need of kb.needs ?? []) {
    const where = `need ${need.code}`;
    if (!KEBAB_CASE.test(need.code)) problem(`${where}: code is not kebab-case`);
    if (!need.labelFr?.trim() || !need.labelEn?.trim()) problem(`${where}: missing French or English label`);
    if (!CATEGORIES.has(need.category)) problem(`${where}: unknown category ${need.category}`);
    if (!FLOW_UNITS.has(need.unit)) problem(`${where}: unit ${need.unit} is not a FlowUnit`);
    if (!Array.isArray(need.keywords) || need.keywords.length === 0) problem(`${where}: no keywords`);
    for (const keyword of need.keywords ?? []) {
      if (keyword !== keyword.toLowerCase() || keyword.trim() !== keyword || keyword === '') {
        problem(`${where}: keyword "${keyword}" must be lower case and trimmed`);
      }
    }
  }

  const checkMatcher = (matcher: StreamMatcher | undefined, where: string) => {
    if (!matcher) return;
    const criteria = ['ewcCodes', 'ewcPrefixes', 'categories', 'needCodes', 'keywords'] as const;
    if (!criteria.some((key) => (matcher[key]?.length ?? 0) > 0)) {
      problem(`${where}: matches anything (no codes, categories, needs or keywords)`);
    }
    for (const code of matcher.ewcCodes ?? []) {
      if (!ewcCodes.has(code)) problem(`${where}: EWC code "${code}" is not in the List of Waste`);
    }
    for (const prefix of matcher.ewcPrefixes ?? []) {
      if (!ewcHeadings.has(prefix)) {
        problem(`${where}: EWC prefix "${prefix}" is not a chapter or sub-chapter of the List of Waste`);
      }
    }
    for (const category of matcher.categories ?? []) {
      if (!CATEGORIES.has(category)) problem(`${where}: unknown category ${category}`);
    }
    for (const code of matcher.needCodes ?? []) {
      if (!needCodes.has(code)) problem(`${where}: unknown need ${code}`);
      usedNeeds.add(code);
    }
    for (const keyword of matcher.keywords ?? []) {
      if (!FOLDED_WORDS.test(keyword)) {
        const folded = foldKeyword(keyword);
        problem(`${where}: keyword "${keyword}" must be folded words (lower case, no accents): "${folded}"`);
      }
    }
    if (matcher.excludeKeywords !== undefined) checkWords(matcher.excludeKeywords, `${where} excludeKeywords`, problem);
    if (matcher.looseKeywords !== undefined && typeof matcher.looseKeywords !== 'boolean') {
      problem(`${where}: looseKeywords must be true or false`);
    }
    for (const form of matcher.physicalForms ?? []) {
      if (!PHYSICAL_FORMS.has(form)) problem(`${where}: unknown physical form ${form}`);
    }
    const { minTemperatureC: min, maxTemperatureC: max } = matcher;
    if (min !== undefined && max !== undefined && min > max) {
      problem(`${where}: minTemperatureC ${min} > maxTemperatureC ${max}`);
    }
  };

  for (const pathway of kb.pathways ?? []) {
    const where = `pathway ${pathway.id}`;
    if (!KEBAB_CASE.test(pathway.id)) problem(`${where}: id is not kebab-case`);
    if (!FAMILIES.has(pathway.family)) problem(`${where}: unknown family ${pathway.family}`);
    if (!pathway.labelFr?.trim() || !pathway.labelEn?.trim()) problem(`${where}: missing French or English label`);
    if (!pathway.descriptionFr?.trim() || !pathway.descriptionEn?.trim()) {
      problem(`${where}: missing French or English description`);
    }

    if (pathway.kind === 'SUBSTITUTION') {
      if (!pathway.output || !pathway.input) problem(`${where}: a substitution needs both an output and an input side`);
      if (pathway.stream) problem(`${where}: a substitution has no stream`);
      if (pathway.viabilityThreshold !== undefined) problem(`${where}: viabilityThreshold is for mutualisation only`);
    } else if (pathway.kind === 'MUTUALISATION') {
      if (!pathway.stream) problem(`${where}: a mutualisation needs a stream`);
      else if (pathway.stream.direction !== 'OUTPUT' && pathway.stream.direction !== 'INPUT') {
        problem(`${where}: stream direction must be OUTPUT or INPUT`);
      }
      if (pathway.output || pathway.input) problem(`${where}: a mutualisation has a stream, not output/input sides`);
      if (!(typeof pathway.viabilityThreshold === 'number' && pathway.viabilityThreshold > 0)) {
        problem(`${where}: a mutualisation needs a viabilityThreshold > 0`);
      }
    } else {
      problem(`${where}: unknown kind ${String((pathway as Pathway).kind)}`);
    }
    checkMatcher(pathway.output, `${where} output`);
    checkMatcher(pathway.input, `${where} input`);
    checkMatcher(pathway.stream, `${where} stream`);
    checkKinds(pathway, where, problem);
    for (const kind of pathway.kinds ?? []) {
      for (const code of kind.needCodes ?? []) {
        if (!needCodes.has(code)) problem(`${where} kind ${kind.id}: unknown need ${code}`);
      }
    }
    checkMembers(pathway, where, problem);

    const conditions = pathway.conditions;
    if (!conditions) {
      problem(`${where}: no conditions`);
    } else {
      if (!HAZARD_POLICIES.has(conditions.hazardous)) {
        problem(`${where}: unknown hazardous policy ${conditions.hazardous}`);
      }
      if (conditions.temperatureMarginC !== undefined && !(conditions.temperatureMarginC >= 0)) {
        problem(`${where}: temperatureMarginC must be ≥ 0`);
      }
      if (conditions.heatPumpBelowMarginC !== undefined && !(typeof conditions.heatPumpBelowMarginC === 'number' && conditions.heatPumpBelowMarginC >= 0)) {
        problem(`${where}: heatPumpBelowMarginC must be a number ≥ 0`);
      }
      if (Boolean(conditions.treatmentFr) !== Boolean(conditions.treatmentEn)) {
        problem(`${where}: treatment must be given in both French and English`);
      }
      const { checksFr, checksEn } = conditions;
      if (!Array.isArray(checksFr) || !Array.isArray(checksEn) || checksFr.length !== checksEn.length) {
        problem(`${where}: checksFr and checksEn must be lists of the same length`);
      }
      if ([...(checksFr ?? []), ...(checksEn ?? [])].some((check) => !check?.trim())) {
        problem(`${where}: empty check`);
      }
      checkOutputConditions(pathway, where, problem);
    }

    if (!(typeof pathway.reachKm === 'number' && pathway.reachKm > 0)) problem(`${where}: reachKm must be > 0`);
    const material = pathway.kind === 'SUBSTITUTION' && isMaterialPathway(pathway);
    if (material && !ROUTES.has(pathway.route as string)) problem(`${where}: a material substitution needs a route (${[...ROUTES].join(', ')})`);
    if (!material && pathway.route !== undefined) problem(`${where}: route is for material substitutions only`);
    if (!FLOW_UNITS.has(pathway.unit)) problem(`${where}: unit ${pathway.unit} is not a FlowUnit`);
    checkIds(pathway.sourceIds, sourceIds, `${where}`, 'source', problem);

    const impact = pathway.impact;
    if (!impact) {
      problem(`${where}: no impact`);
      continue;
    }
    if (!INDICATORS.has(impact.indicator)) {
      problem(`${where}: unknown impact indicator ${impact.indicator}`);
    } else {
      const allowed = UNITS_FOR_INDICATOR[impact.indicator];
      if (allowed && !allowed.has(pathway.unit)) {
        problem(`${where}: indicator ${impact.indicator} does not fit unit ${pathway.unit}`);
      }
    }
    const byOutput = impact.productionFactorsByOutput;
    if (byOutput !== undefined) {
      if (pathway.kind !== 'SUBSTITUTION') problem(`${where}: productionFactorsByOutput is for substitutions only`);
      if (!Array.isArray(byOutput) || byOutput.length === 0) problem(`${where}: productionFactorsByOutput must be a non-empty list`);
      for (const entry of byOutput ?? []) checkWords(entry.keywords, `${where} productionFactorsByOutput`, problem);
    }
    for (const factorId of [
      impact.avoidedProductionFactorId,
      impact.avoidedDisposalFactorId,
      ...(byOutput ?? []).map((entry) => entry.avoidedProductionFactorId),
    ]) {
      if (factorId === undefined) continue;
      const factor = factorsById.get(factorId);
      if (!factor) {
        problem(`${where}: unknown emission factor ${factorId}`);
        continue;
      }
      const expected = FACTOR_UNIT_FOR[pathway.unit as FlowUnit];
      if (factor.unit !== expected) {
        const counted = `${pathway.unit} (${expected ?? 'no factor unit'})`;
        problem(`${where}: factor ${factorId} is in ${factor.unit}, the pathway counts in ${counted}`);
      }
    }
    for (const [key, value] of Object.entries({
      typicalDisposalEurPerUnit: impact.typicalDisposalEurPerUnit,
      typicalPurchaseEurPerUnit: impact.typicalPurchaseEurPerUnit,
      jobsPer1000Units: impact.jobsPer1000Units,
    })) {
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
        problem(`${where}: impact ${key} must be a number ≥ 0`);
      }
    }
    if (impact.treatmentUnchanged !== undefined && (impact.treatmentUnchanged !== true || pathway.kind !== 'MUTUALISATION')) {
      problem(`${where}: impact treatmentUnchanged is true or absent, and for mutualisations only`);
    }
    checkIds(impact.sourceIds, sourceIds, `${where} impact`, 'source', problem);
  }

  for (const code of needCodes) {
    if (!usedNeeds.has(code)) problem(`need ${code} is used by no pathway`);
  }
  return problems;
}

const checkWords = (words: unknown, where: string, problem: (message: string) => void): void => {
  if (!Array.isArray(words) || words.length === 0) {
    problem(`${where}: needs a non-empty list of keywords`);
    return;
  }
  for (const word of words) {
    if (typeof word !== 'string' || !FOLDED_WORDS.test(word)) {
      problem(`${where}: keyword "${String(word)}" must be folded words (lower case, no accents): "${foldKeyword(String(word))}"`);
    }
  }
};

/** NACE code prefixes: a division "38", a group "24.1", a class "24.10" or a French subclass "24.10Z". */
const NACE_PREFIX = /^\d{2}(\.\d{1,2}[A-Z]?)?$/;

function checkKinds(pathway: Pathway, where: string, problem: (message: string) => void): void {
  if (pathway.kinds === undefined) return;
  if (pathway.kind !== 'SUBSTITUTION') problem(`${where}: kinds are for substitutions only`);
  if (!Array.isArray(pathway.kinds) || pathway.kinds.length === 0) {
    problem(`${where}: kinds must be a non-empty list`);
    return;
  }
  if (pathway.kinds.length > 31) problem(`${where}: at most 31 kinds`);
  const groups = new Map<string, number>();
  for (const kind of pathway.kinds) groups.set(kind.group ?? '', (groups.get(kind.group ?? '') ?? 0) + 1);
  if ([...groups.values()].reduce((product, n) => product * n, 1) > 31) {
    problem(`${where}: at most 31 combinations of one kind per group (the product of the groups' sizes)`);
  }
  for (const kind of pathway.kinds) {
    if (kind.group !== undefined && !KEBAB_CASE.test(kind.group)) problem(`${where} kind ${kind.id}: group is not kebab-case`);
  }
  const ids = new Set<string>();
  for (const kind of pathway.kinds) {
    const at = `${where} kind ${kind.id}`;
    if (!KEBAB_CASE.test(kind.id ?? '')) problem(`${at}: id is not kebab-case`);
    if (ids.has(kind.id)) problem(`${at}: duplicate kind`);
    ids.add(kind.id);
    if (!kind.labelFr?.trim() || !kind.labelEn?.trim()) problem(`${at}: missing French or English label`);
    checkWords(kind.keywords, at, problem);
  }
}

function checkOutputConditions(pathway: Pathway, where: string, problem: (message: string) => void): void {
  const entries = pathway.conditions.byOutput;
  if (entries === undefined) return;
  if (pathway.kind !== 'SUBSTITUTION') problem(`${where}: conditions.byOutput is for substitutions only`);
  if (!Array.isArray(entries) || entries.length === 0) {
    problem(`${where}: conditions.byOutput must be a non-empty list`);
    return;
  }
  entries.forEach((entry, n) => {
    const at = `${where} conditions.byOutput[${n}]`;
    checkWords(entry.keywords, at, problem);
    if (Boolean(entry.treatmentFr) !== Boolean(entry.treatmentEn)) problem(`${at}: treatment must be given in both French and English`);
    const fr = entry.checksFr ?? [];
    const en = entry.checksEn ?? [];
    if (!Array.isArray(fr) || !Array.isArray(en) || fr.length !== en.length) problem(`${at}: checksFr and checksEn must be lists of the same length`);
    if ([...fr, ...en].some((check) => !check?.trim())) problem(`${at}: empty check`);
    if (!entry.treatmentFr && fr.length === 0) problem(`${at}: gives neither a treatment nor checks`);
  });
}

function checkMembers(pathway: Pathway, where: string, problem: (message: string) => void): void {
  const members = pathway.members;
  if (members === undefined) return;
  if (pathway.kind !== 'MUTUALISATION') problem(`${where}: a member filter is for mutualisations only`);
  for (const code of members.excludeNaceCodes ?? []) {
    if (!NACE_PREFIX.test(code)) problem(`${where} members: "${code}" is not a NACE code prefix like 38 or 24.10`);
  }
  if (members.excludeKeywords !== undefined) checkWords(members.excludeKeywords, `${where} members`, problem);
  const core = members.core;
  if (core !== undefined) {
    if (!Array.isArray(core.naceCodes) || core.naceCodes.length === 0) problem(`${where} members: core needs NACE codes`);
    for (const code of core.naceCodes ?? []) {
      if (!NACE_PREFIX.test(code)) problem(`${where} members: "${code}" is not a NACE code prefix like 41 or 43.1`);
    }
    if (!(Number.isInteger(core.minOrganizations) && core.minOrganizations >= 1)) {
      problem(`${where} members: core.minOrganizations must be an integer ≥ 1`);
    }
  }
  if (!members.excludeNaceCodes?.length && !members.excludeKeywords?.length && !core) {
    problem(`${where} members: an empty member filter`);
  }
}

function collectIds<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  what: string,
  problem: (message: string) => void,
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

function checkIds(
  ids: readonly string[] | undefined,
  known: ReadonlySet<string>,
  where: string,
  what: string,
  problem: (message: string) => void,
): void {
  if (!Array.isArray(ids) || ids.length === 0) {
    problem(`${where}: cites no ${what}`);
    return;
  }
  for (const id of ids) if (!known.has(id)) problem(`${where}: unknown ${what} ${id}`);
}

let wasteCodeCache: { codes: Set<string>; headings: Set<string> } | null = null;

function wasteCodeSets(): { codes: Set<string>; headings: Set<string> } {
  if (wasteCodeCache === null) {
    const entries = listWasteCodes();
    wasteCodeCache = {
      codes: new Set(entries.map((entry) => entry.code)),
      headings: new Set(entries.flatMap((entry) => [entry.chapterCode, entry.subchapterCode])),
    };
  }
  return wasteCodeCache;
}

// ------------------------------------------------------------------------------------------------ need search

const NEED_STOP_WORDS = new Set([
  'a', 'au', 'aux', 'de', 'des', 'du', 'en', 'et', 'la', 'le', 'les', 'ou', 'par', 'pour', 'sur', 'un', 'une',
  'and', 'for', 'from', 'in', 'of', 'or', 'the', 'to', 'with', 'c', 'deg', 'degres', 'degrees',
]);
const NUMBER = /^\d{1,4}$/;

interface NeedSearchKey {
  need: NeedDefinition;
  index: number;
  words: string[];
  firstLabelWords: string[];
}

const needKeyCache = new WeakMap<KnowledgeBase, NeedSearchKey[]>();

function needKeys(kb: KnowledgeBase): NeedSearchKey[] {
  let keys = needKeyCache.get(kb);
  if (!keys) {
    keys = kb.needs.map((need, index) => ({
      need,
      index,
      words: [
        ...new Set([need.labelFr, need.labelEn, ...need.keywords, need.code.replace(/-/g, ' ')].flatMap(searchWords)),
      ],
      firstLabelWords: [searchWords(need.labelFr)[0] ?? '', searchWords(need.labelEn)[0] ?? ''],
    }));
    needKeyCache.set(kb, keys);
  }
  return keys;
}

/**
 * Needs suggested for what someone typed ("chaleur 80", "palettes", "gypse"), best first, at most `first`.
 * Accent- and case-insensitive; words match the start of the needs' label and keyword words. A number is read as a
 * temperature: needs whose temperature covers it (the lowest sufficient band first) come before the others.
 */
export function findNeeds(search: string, first: number, kb: KnowledgeBase = loadKnowledgeBase()): NeedDefinition[] {
  const limit = Math.max(0, Math.floor(first));
  const allWords = searchWords(search ?? '').filter((word) => !NEED_STOP_WORDS.has(word));
  const temperature = allWords.filter((word) => NUMBER.test(word)).map(Number)[0];
  const textWords = allWords.filter((word) => !NUMBER.test(word) && word.length > 1);
  const keys = needKeys(kb);
  if (textWords.length === 0 && temperature === undefined) return keys.slice(0, limit).map((key) => key.need);

  const ranked: Array<{ key: NeedSearchKey; rank: number[] }> = [];
  for (const key of keys) {
    const hits = textWords.filter((word) => key.words.some((needWord) => needWord.startsWith(word))).length;
    if (textWords.length > 0 && hits === 0) continue;
    const need = key.need;
    if (textWords.length === 0 && need.temperatureC === undefined) continue;
    let fit = 0;
    let gap = 0;
    if (temperature !== undefined) {
      if (need.temperatureC === undefined) {
        fit = 1;
        gap = Number.MAX_SAFE_INTEGER;
      } else if (temperature <= need.temperatureC) {
        gap = need.temperatureC - temperature;
      } else {
        fit = 2;
        gap = temperature - need.temperatureC;
      }
    }
    const labelStarts =
      textWords.length > 0 && key.firstLabelWords.some((word) => word.startsWith(textWords[0])) ? 0 : 1;
    ranked.push({ key, rank: [textWords.length - hits, fit, gap, labelStarts, key.index] });
  }
  ranked.sort((a, b) => compareRanks(a.rank, b.rank));
  return ranked.slice(0, limit).map(({ key }) => key.need);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/** The need with this code, if the knowledge base has it. */
export function findNeedByCode(code: string, kb: KnowledgeBase = loadKnowledgeBase()): NeedDefinition | undefined {
  return kb.needs.find((need) => need.code === code);
}
