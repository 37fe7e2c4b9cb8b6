import { isMessageKey, type MessageKey, type MessageParams } from '../i18n/messages';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** An explanation's sentences, grouped as the detail page shows them. */
export interface ExplanationSections {
  /** The pathway, why the sides fit, quantities and transport. */
  summary: string[];
  conditionsMet: string[];
  conditionsToCheck: string[];
}

// The API renders each condition as one sentence with one of these prefixes (server/src/synergy/engine/explanation.ts).
const CONDITION_PREFIX = /^(Condition remplie|Condition met|À vérifier|To check)\s?:\s*/u;

/**
 * Splits the sentences the API rendered: they end with one sentence per condition met, then one per condition to
 * check, in the order of the structured items. The prefix naming the group is dropped, since the page shows the
 * groups under their own headings. Returns null when the sentences do not have that shape (then show them whole).
 */
export function splitSentences(sentences: readonly string[], metCount: number, toCheckCount: number): ExplanationSections | null {
  const summaryCount = sentences.length - metCount - toCheckCount;
  if (sentences.length === 0 || summaryCount < 0) return null;
  const conditions = sentences.slice(summaryCount);
  if (!conditions.every((sentence) => CONDITION_PREFIX.test(sentence))) return null;
  const strip = (sentence: string) => sentence.replace(CONDITION_PREFIX, '');
  return {
    summary: sentences.slice(0, summaryCount),
    conditionsMet: conditions.slice(0, metCount).map(strip),
    conditionsToCheck: conditions.slice(metCount).map(strip),
  };
}

/**
 * A general sentence for an explanation code, for views where the API withholds the figures (a party before
 * consent gets codes without parameters and no sentences). Unknown codes are named, never hidden.
 */
export function describeItem(code: string, t: Translate): string {
  const key = `explanation.item.${code}`;
  return isMessageKey(key) ? t(key) : t('explanation.item.unknown', { code });
}
