/** One reason or condition as the API gives it: its code, and its sentence (null when withheld from the viewer). */
export interface ExplanationItemText {
  code: string;
  sentence?: string | null;
}

/** An explanation as the API renders it for the viewer, in the language asked for. */
export interface ExplanationText {
  sentences: readonly string[];
  reasons: readonly ExplanationItemText[];
  conditionsMet: readonly ExplanationItemText[];
  conditionsToCheck: readonly ExplanationItemText[];
}

/** An explanation's sentences, grouped as the detail page shows them. */
export interface ExplanationSections {
  /** The sentences that are no reason nor condition: the pathway, the quantities covered, the transport. */
  lead: string[];
  /** Why the sides fit (the distance among them). */
  reasons: string[];
  conditionsMet: string[];
  conditionsToCheck: string[];
}

const said = (items: readonly ExplanationItemText[]): string[] =>
  items.flatMap((item) => (item.sentence ? [item.sentence] : []));

/**
 * The explanation as the page shows it: each reason and condition by its own sentence (those the API withholds
 * left out), and, from the API's sentences, those that say something else, in their order. A sentence of the
 * API that quotes an item's sentence, in whatever words it introduces it, is that item's and is not repeated.
 */
export function explanationSections(explanation: ExplanationText): ExplanationSections {
  const reasons = said(explanation.reasons);
  const conditionsMet = said(explanation.conditionsMet);
  const conditionsToCheck = said(explanation.conditionsToCheck);
  const items = [...reasons, ...conditionsMet, ...conditionsToCheck];
  const lead = explanation.sentences.filter((sentence) => !items.some((item) => sentence.includes(item)));
  return { lead, reasons, conditionsMet, conditionsToCheck };
}

/**
 * Whether the API withheld the figures about the other side from this explanation: it gives the exact distance
 * only to those who may see them (facilitators, and parties once identities are revealed and no counterpart flow
 * is private); others read it as a band in the sentences.
 */
export function figuresWithheld(explanation: { distanceKm?: number | null }): boolean {
  return explanation.distanceKm == null;
}
