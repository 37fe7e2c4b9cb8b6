import type { MessageKey, MessageParams, Translate } from '../../i18n/messages';

/**
 * The server words field problems in English and gives them no code (see the report on issue 12). The problems a
 * flow's fields can have are few and fixed, so those are said in the reader's language; anything else is shown as
 * the server wrote it, so that a new or reworded problem is never hidden.
 */
const KNOWN: { pattern: RegExp; key: MessageKey; params?: (match: RegExpMatchArray) => MessageParams }[] = [
  { pattern: /^is required$/, key: 'flowForm.problem.required' },
  { pattern: /^must be a number$/, key: 'flowForm.problem.notANumber' },
  { pattern: /^must be greater than 0\b/, key: 'flowForm.problem.positive' },
  { pattern: /^must be at least (-?[\d.e+]+)$/, key: 'flowForm.problem.atLeast', params: (m) => ({ min: m[1] }) },
  { pattern: /^must be at most (\d+) characters$/, key: 'flowForm.problem.tooLong', params: (m) => ({ max: m[1] }) },
  { pattern: /^must be at most (-?[\d.e+]+)$/, key: 'flowForm.problem.atMost', params: (m) => ({ max: m[1] }) },
  { pattern: /^is required for a waste output$/, key: 'flowForm.problem.ewcRequired' },
  { pattern: /^"(.*)" is not a code of the European List of Waste$/, key: 'flowForm.problem.unknownEwc', params: (m) => ({ code: m[1] }) },
  { pattern: /^"(.*)" is not a need of the knowledge base$/, key: 'flowForm.problem.unknownNeed', params: (m) => ({ code: m[1] }) },
  { pattern: /^must name at least one month\b/, key: 'flowForm.problem.noMonth' },
];

/** A server problem about a field of the flow form, in the reader's language when it is a known one. */
export function wordProblem(message: string, t: Translate): string {
  for (const { pattern, key, params } of KNOWN) {
    const match = message.match(pattern);
    if (match) return t(key, params?.(match));
  }
  return t('flowForm.problem.server', { message });
}
