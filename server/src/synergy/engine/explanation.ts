import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import type { Explanation, ExplanationItem } from './engine.types.js';
import { MESSAGES, fallbackMessage, unitLabel, type Lang, type MessageContext } from './explanation-messages.js';

/** Number and unit formatting for the sentences of one language. */
export function messageContext(kb: KnowledgeBase, lang: Lang): MessageContext {
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  const precise = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 3 });
  return {
    lang,
    kb,
    num: (n, digits) => (typeof n === 'number' ? (digits === 1 || Math.abs(n) >= 10 ? number : precise).format(n) : String(n)),
    unit: (u) => unitLabel(lang, u),
  };
}

/** The reference sentence of one item (see explanation-messages.ts). */
export function itemSentence(entry: ExplanationItem, c: MessageContext): string {
  const message = MESSAGES[entry.code]?.[c.lang];
  return message ? message(entry.params, c) : fallbackMessage(entry);
}

/**
 * Readable sentences for a structured explanation, in French or English: the pathway, why the sides are
 * compatible, how much they cover, the transport, the conditions met and those still to check. `sentence` says
 * each item (a party's view passes one that withholds the other side's figures; null leaves the item out).
 */
export function renderExplanation(
  explanation: Explanation,
  kb: KnowledgeBase,
  lang: Lang,
  sentence: (entry: ExplanationItem, c: MessageContext) => string | null = itemSentence,
): string[] {
  const c = messageContext(kb, lang);
  const fr = lang === 'fr';
  const pathway = kb.pathways.find((p) => p.id === explanation.pathwayId);
  const lines: string[] = [];
  lines.push(fr ? `Filière : ${pathway?.labelFr ?? explanation.pathwayId}.` : `Pathway: ${pathway?.labelEn ?? explanation.pathwayId}.`);
  const say = (entry: ExplanationItem, prefix = '') => {
    const text = sentence(entry, c);
    if (text) lines.push(prefix + text);
  };
  for (const reason of explanation.reasons) say(reason);

  const { output, input } = explanation.coverage;
  if (output !== null && input !== null && explanation.matchedQuantity !== null) {
    const q = `${c.num(explanation.matchedQuantity)} ${c.unit(explanation.unit)}`;
    lines.push(
      fr
        ? `Quantité échangeable : ${q} par an, soit ${percent(output)} du gisement et ${percent(input)} du besoin.`
        : `Quantity exchanged: ${q} a year, ${percent(output)} of the output and ${percent(input)} of the input.`,
    );
  } else if ((output === null) !== (input === null)) {
    // Only one side's share is known to this reader: its own.
    const [share, ofWhat] = output !== null ? [output, fr ? 'du gisement' : 'of the output'] : [input!, fr ? 'du besoin' : 'of the input'];
    lines.push(fr ? `Part couverte : environ ${percent(share)} ${ofWhat}.` : `Share covered: about ${percent(share)} ${ofWhat}.`);
  }
  const transport = explanation.transport;
  if (transport) {
    const trips = transport.trips === null ? '' : fr ? `, environ ${c.num(transport.trips)} rotations de camion` : `, about ${c.num(transport.trips)} truck trips`;
    lines.push(
      fr
        ? `Transport routier estimé : ${c.num(transport.tonneKm)} t·km par an${trips}.`
        : `Estimated road transport: ${c.num(transport.tonneKm)} t·km a year${trips}.`,
    );
  }
  for (const met of explanation.conditionsMet) say(met, fr ? 'Condition remplie : ' : 'Condition met: ');
  for (const check of explanation.conditionsToCheck) say(check, fr ? 'À vérifier : ' : 'To check: ');
  return lines;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
