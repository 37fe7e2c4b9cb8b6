import { UNIT_SYMBOLS, type FlowUnit } from '../../vocabulary/flow.enums.js';
import { itemSentence, messageContext, renderExplanation } from '../engine/explanation.js';
import type { Lang, MessageContext } from '../engine/explanation-messages.js';
import type { Explanation, ExplanationItem } from '../engine/engine.types.js';
import { redactItem, type OwnSides, type RedactedItem } from './explanation-redaction.js';
import { ExplanationItemNode, SynergyExplanationNode } from './explanation.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { Language } from './knowledge.types.js';
import type { FigureAccess } from '../../policy/synergy-policy.js';
import { QUANTITY_UNKNOWN } from '../engine/pair-score.js';

const langOf = (language: Language): Lang => (language === Language.EN ? 'en' : 'fr');

/**
 * The explanation as one viewer may read it: whole for facilitators and, once identities are revealed, for the
 * parties. Otherwise each item goes through its redaction rule (explanation-redaction.ts) and the figures that
 * would describe the other side (its coverage, the exact distance, the matched quantity, the transport) are left
 * out; the sentences are rendered from what is left, so a party reads an explanation, not a list of codes.
 */
export function viewExplanation(
  kb: KnowledgeBase,
  e: Explanation,
  figures: FigureAccess,
  ownSides: OwnSides,
  language: Language,
  /** How far the counterparts' distance bands were widened (policy/counterpart-disclosure.ts). */
  bandLevel = 0,
): SynergyExplanationNode {
  const exact = figures === 'EXACT';
  // A side's coverage is the matched quantity over its own: with the other side's quantity hidden, it would tell it.
  const ownSideOnly = figures === 'OWN_SIDE';
  const round = (x: number) => Math.round(x * 10) / 10;
  const contexts = new Map<Language, MessageContext>();
  const contextIn = (l: Language) => contexts.get(l) ?? contexts.set(l, messageContext(kb, langOf(l))).get(l)!;
  const wholeSentence = (i: ExplanationItem) => (c: MessageContext) => itemSentence(i, c);
  const view = (items: ExplanationItem[]): RedactedItem[] =>
    items.flatMap((i) => {
      const shown = exact ? { code: i.code, params: i.params, sentence: wholeSentence(i) } : redactItem(i, ownSides, wholeSentence, bandLevel);
      return shown ? [shown] : [];
    });
  const reasons = view(e.reasons);
  const conditionsMet = view(e.conditionsMet);
  const conditionsToCheck = view(e.conditionsToCheck);
  const coverage = exact
    ? e.coverage
    : ownSideOnly
      ? { output: null, input: null }
      : {
          output: ownSides.has('output') && e.coverage.output !== null ? round(e.coverage.output) : null,
          input: ownSides.has('input') && e.coverage.input !== null ? round(e.coverage.input) : null,
        };
  const shown: Explanation = exact
    ? e
    : { ...e, reasons, conditionsMet, conditionsToCheck, coverage, matchedQuantity: null, distanceKm: Number.NaN, transport: null };
  const itemNode = (i: RedactedItem): ExplanationItemNode =>
    Object.assign(new ExplanationItemNode(), {
      code: i.code,
      params: JSON.stringify(i.params),
      say: (l: Language) => i.sentence?.(contextIn(l)) ?? null,
      language,
    });
  const parts = ownSideOnly ? { ...e.score, quantity: QUANTITY_UNKNOWN } : e.score;
  const score = exact ? e.score : Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(v)]));
  return Object.assign(new SynergyExplanationNode(), {
    render: (l: Language) =>
      exact ? renderExplanation(e, kb, langOf(l)) : renderExplanation(shown, kb, langOf(l), (i, c) => (i as RedactedItem).sentence?.(c) ?? null),
    language,
    reasons: reasons.map(itemNode),
    conditionsMet: conditionsMet.map(itemNode),
    conditionsToCheck: conditionsToCheck.map(itemNode),
    outputCoverage: coverage.output,
    inputCoverage: coverage.input,
    matchedQuantity: exact ? e.matchedQuantity : null,
    unit: UNIT_SYMBOLS[e.unit as FlowUnit] ?? String(e.unit),
    distanceKm: exact ? e.distanceKm : null,
    transportTonneKm: exact ? (e.transport?.tonneKm ?? null) : null,
    score,
  });
}
