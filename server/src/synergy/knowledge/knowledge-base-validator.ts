import { listWasteCodes } from '../../nomenclature/waste-codes.js';
import type { KnowledgeBase } from './knowledge-base.types.js';
import { checkKeywordReasons } from './keyword-reasons-validator.js';
import { checkPathway } from './pathway-validator.js';
import { CATEGORIES, FACTOR_UNITS, FLOW_UNITS, KEBAB_CASE, SEMVER, collectIds } from './validation-rules.js';
import type { SourceKind } from './knowledge-base.types.js';

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
    if (!Array.isArray(source.kinds) || source.kinds.length === 0) problem(`${where}: no kinds (EMISSION, COST, JOBS, TECHNICAL, REGULATION)`);
    for (const kind of source.kinds ?? []) if (!SOURCE_KINDS.has(kind)) problem(`${where}: unknown kind ${kind}`);
  }
  const sourceKinds = new Map((kb.sources ?? []).map((source) => [source.id, new Set<string>(source.kinds ?? [])]));
  /** A figure may cite only a source of its own kind: an emission database does not give jobs or prices. */
  const citeOfKind = (where: string, sourceId: string, kind: SourceKind) => {
    const kinds = sourceKinds.get(sourceId);
    if (!kinds) problem(`${where}: unknown source ${sourceId}`);
    else if (!kinds.has(kind)) problem(`${where}: source ${sourceId} is not a ${kind} source`);
  };

  for (const factor of kb.emissionFactors ?? []) {
    const where = `emission factor ${factor.id}`;
    if (!factor.labelFr?.trim() || !factor.labelEn?.trim()) problem(`${where}: missing French or English label`);
    if (!FACTOR_UNITS.has(factor.unit)) problem(`${where}: unknown unit ${factor.unit}`);
    citeOfKind(where, factor.sourceId, 'EMISSION');
    if (!factor.databaseEntry?.trim()) problem(`${where}: names no database entry`);
    if (!factor.vintage?.trim()) problem(`${where}: gives no vintage`);
    if (!DERIVATIONS.has(factor.derivation)) problem(`${where}: derivation must be ITEM, DERIVED or ORDER_OF_MAGNITUDE`);
    checkItemAndVintage(factor, where, problem);
    // A negative avoided emission (recycled board emits more than virgin board) is a finding, not a convention: it
    // must come from named database items; an order of magnitude may not be negative.
    if (!Number.isFinite(factor.value)) problem(`${where}: value must be a number`);
    else if (factor.value < 0 && factor.derivation === 'ORDER_OF_MAGNITUDE') {
      problem(`${where}: a negative value must come from named database items (ITEM or DERIVED), not an order of magnitude`);
    }
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

  const context = { problem, sourceIds, needCodes, usedNeeds, factorsById, ewcCodes, ewcHeadings };
  for (const pathway of kb.pathways ?? []) {
    checkPathway(pathway, context);
    for (const id of pathway.impact?.costSourceIds ?? []) citeOfKind(`pathway ${pathway.id}: typical costs`, id, 'COST');
    for (const id of pathway.impact?.jobsSourceIds ?? []) citeOfKind(`pathway ${pathway.id}: jobs ratio`, id, 'JOBS');
  }

  for (const code of needCodes) {
    if (!usedNeeds.has(code)) problem(`need ${code} is used by no pathway`);
  }
  checkKeywordReasons(kb, { sourceIds, ewcCodes }, problem);
  return problems;
}

/**
 * Issue 14, item 5: a factor backed by a database names its item and vintage; one that does not is an assumption
 * with its range. ITEM and DERIVED: the entry names an item (not "ordre de grandeur…"), the vintage gives a year.
 * ORDER_OF_MAGNITUDE: shown as an assumption (engine/impact-factors.ts), so its low and high must be written out —
 * not left to the ±30 % default.
 */
function checkItemAndVintage(factor: KnowledgeBase['emissionFactors'][number], where: string, problem: (text: string) => void) {
  if (factor.vintage?.trim() && !/\b(19|20)\d\d\b/.test(factor.vintage)) problem(`${where}: vintage "${factor.vintage}" gives no year`);
  if (factor.derivation === 'ORDER_OF_MAGNITUDE') {
    if (factor.low === undefined || factor.high === undefined) problem(`${where}: an order of magnitude must give its low and high`);
  } else if (/^\s*ordre de grandeur/i.test(factor.databaseEntry ?? '')) {
    problem(`${where}: ${factor.derivation} but its entry names no database item`);
  }
}

const SOURCE_KINDS = new Set<string>(['EMISSION', 'COST', 'JOBS', 'TECHNICAL', 'REGULATION'] satisfies SourceKind[]);
const DERIVATIONS = new Set<string>(['ITEM', 'DERIVED', 'ORDER_OF_MAGNITUDE']);

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
