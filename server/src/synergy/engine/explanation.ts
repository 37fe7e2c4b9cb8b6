import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import type { Explanation, ExplanationItem } from './engine.types.js';
import { MESSAGES, fallbackMessage, unitLabel, type Lang, type MessageContext } from './explanation-messages.js';

/**
 * Readable sentences for a structured explanation, in French or English: the pathway, why the sides are
 * compatible, how much they cover, the transport, the conditions met and those still to check.
 */
export function renderExplanation(explanation: Explanation, kb: KnowledgeBase, lang: Lang): string[] {
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  const precise = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 3 });
  const c: MessageContext = {
    lang,
    kb,
    num: (n, digits) => (typeof n === 'number' ? (digits === 1 || Math.abs(n) >= 10 ? number : precise).format(n) : String(n)),
    unit: (u) => unitLabel(lang, u),
  };
  const fr = lang === 'fr';
  const pathway = kb.pathways.find((p) => p.id === explanation.pathwayId);
  const lines: string[] = [];
  lines.push(fr ? `Filière : ${pathway?.labelFr ?? explanation.pathwayId}.` : `Pathway: ${pathway?.labelEn ?? explanation.pathwayId}.`);
  for (const reason of explanation.reasons) lines.push(sentence(reason, c));

  const { output, input } = explanation.coverage;
  if (output !== null && input !== null && explanation.matchedQuantity !== null) {
    const q = `${c.num(explanation.matchedQuantity)} ${c.unit(explanation.unit)}`;
    lines.push(
      fr
        ? `Quantité échangeable : ${q} par an, soit ${percent(output)} du gisement et ${percent(input)} du besoin.`
        : `Quantity exchanged: ${q} a year, ${percent(output)} of the output and ${percent(input)} of the input.`,
    );
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
  for (const met of explanation.conditionsMet) lines.push(`${fr ? 'Condition remplie : ' : 'Condition met: '}${sentence(met, c)}`);
  for (const check of explanation.conditionsToCheck) lines.push(`${fr ? 'À vérifier : ' : 'To check: '}${sentence(check, c)}`);
  return lines;
}

function sentence(entry: ExplanationItem, c: MessageContext): string {
  const message = MESSAGES[entry.code]?.[c.lang];
  return message ? message(entry.params, c) : fallbackMessage(entry);
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
