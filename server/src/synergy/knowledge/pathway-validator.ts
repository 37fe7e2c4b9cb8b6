import type { FlowUnit } from '../../vocabulary/flow.enums.js';
import { isMaterialPathway } from './pathway-classes.js';
import type { EmissionFactor, Pathway, StreamMatcher } from './knowledge-base.types.js';
import {
  CATEGORIES,
  FACTOR_UNIT_FOR,
  FAMILIES,
  FLOW_UNITS,
  FOLDED_WORDS,
  HAZARD_POLICIES,
  INDICATORS,
  KEBAB_CASE,
  NACE_PREFIX,
  PHYSICAL_FORMS,
  ROUTES,
  UNITS_FOR_INDICATOR,
  checkIds,
  checkWords,
  foldKeyword,
  type Problem,
} from './validation-rules.js';

/**
 * The checks of one pathway: the shape its kind needs, its matchers, kinds of item, member filter and conditions,
 * its unit and route, and its impact (indicator, factors in the right unit, typical figures, sources).
 */

/** What the rest of the knowledge base tells a pathway's checks, and where matchers record the needs they use. */
export interface ValidationContext {
  problem: Problem;
  sourceIds: ReadonlySet<string>;
  needCodes: ReadonlySet<string>;
  usedNeeds: Set<string>;
  factorsById: ReadonlyMap<string, EmissionFactor>;
  ewcCodes: ReadonlySet<string>;
  ewcHeadings: ReadonlySet<string>;
}

export function checkPathway(pathway: Pathway, context: ValidationContext): void {
  const { problem, needCodes, sourceIds, factorsById } = context;
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
  checkMatcher(pathway.output, `${where} output`, context);
  checkMatcher(pathway.input, `${where} input`, context);
  checkMatcher(pathway.stream, `${where} stream`, context);
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
    return;
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

function checkMatcher(matcher: StreamMatcher | undefined, where: string, context: ValidationContext): void {
  if (!matcher) return;
  const { problem, ewcCodes, ewcHeadings, needCodes, usedNeeds } = context;
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
  if (matcher.temperatureOnlyKeywords !== undefined) {
    checkWords(matcher.temperatureOnlyKeywords, `${where} temperatureOnlyKeywords`, problem);
    const listed = new Set(matcher.keywords ?? []);
    for (const word of Array.isArray(matcher.temperatureOnlyKeywords) ? matcher.temperatureOnlyKeywords : []) {
      if (!listed.has(word)) problem(`${where}: temperatureOnlyKeywords "${word}" is not one of its keywords`);
    }
  }
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
}

function checkKinds(pathway: Pathway, where: string, problem: Problem): void {
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

function checkOutputConditions(pathway: Pathway, where: string, problem: Problem): void {
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

function checkMembers(pathway: Pathway, where: string, problem: Problem): void {
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
