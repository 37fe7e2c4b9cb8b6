import { findActivitySector } from '../../nomenclature/activity-sectors.js';
import type { KnowledgeBase, Pathway } from './knowledge-base.types.js';
import { checkWords, type Problem } from './validation-rules.js';

/**
 * Checks `keywordReasons` (see KeywordReason): each names keywords the engine reads, says why in words, and refers to
 * at least one List of Waste code, NACE code or source that exists. Whether a keyword needs a reason at all is the
 * business of `npm run check:keywords`, which reads the demo territory and the nomenclatures' labels.
 */
export function checkKeywordReasons(
  kb: KnowledgeBase,
  known: { sourceIds: Set<string>; ewcCodes: Set<string> },
  problem: Problem,
): void {
  const read = keywordsReadByTheEngine(kb.pathways ?? []);
  const reasoned = new Set<string>();
  (kb.keywordReasons ?? []).forEach((entry, n) => {
    const where = `keyword reason ${n + 1}`;
    checkWords(entry.keywords, where, problem);
    for (const keyword of entry.keywords ?? []) {
      if (!read.has(keyword)) problem(`${where}: "${keyword}" is read by no pathway`);
      if (reasoned.has(keyword)) problem(`${where}: "${keyword}" has a reason already`);
      reasoned.add(keyword);
    }
    if (!entry.reason?.trim()) problem(`${where}: empty reason`);
    const references = [...(entry.ewcCodes ?? []), ...(entry.naceCodes ?? []), ...(entry.sourceIds ?? [])];
    if (references.length === 0) problem(`${where}: refers to no waste code, NACE code or source`);
    for (const code of entry.ewcCodes ?? []) {
      if (!known.ewcCodes.has(code)) problem(`${where}: "${code}" is not in the List of Waste`);
    }
    for (const code of entry.naceCodes ?? []) {
      if (findActivitySector(code) === undefined) problem(`${where}: "${code}" is not a NACE class`);
    }
    for (const id of entry.sourceIds ?? []) if (!known.sourceIds.has(id)) problem(`${where}: unknown source ${id}`);
  });
}

/** The words the engine matches flows by: matchers and their exclusions, kinds, member filters, factors by output. */
export function keywordsReadByTheEngine(pathways: Pathway[]): Set<string> {
  const words = new Set<string>();
  const add = (list: string[] | undefined) => list?.forEach((word) => words.add(word));
  for (const pathway of pathways) {
    for (const side of [pathway.output, pathway.input, pathway.stream]) {
      add(side?.keywords);
      add(side?.excludeKeywords);
    }
    for (const kind of pathway.kinds ?? []) add(kind.keywords);
    add(pathway.members?.excludeKeywords);
    for (const entry of pathway.impact?.productionFactorsByOutput ?? []) add(entry.keywords);
  }
  return words;
}
