import { UNIT_SYMBOLS, type FlowUnit } from '../flow/flow.enums.js';
import type { FlowRecord } from '../flow/flow.record.js';
import { renderExplanation } from './engine/explanation.js';
import type { Explanation, ExplanationItem } from './engine/engine.types.js';
import { SynergyExplanationNode, type ExplanationItemNode } from './explanation.types.js';
import type { KnowledgeBase } from './knowledge/knowledge-base.types.js';
import { Language } from './knowledge.types.js';
import type { SynergyRecord } from './synergy.service.js';

const itemNode = (i: ExplanationItem, withParams: boolean): ExplanationItemNode => ({
  code: i.code,
  params: withParams ? JSON.stringify(i.params) : '{}',
});

/**
 * The explanation as one viewer may read it: whole for facilitators and, once identities are revealed, for the
 * parties; otherwise the codes without the figures that would describe the other side (its coverage, the exact
 * distance, the matched quantity, the transport).
 */
export function viewExplanation(
  kb: KnowledgeBase,
  e: Explanation,
  exact: boolean,
  ownFlows: FlowRecord[],
  participants: SynergyRecord['participants'],
  language: Language,
): SynergyExplanationNode {
  const round = (x: number) => Math.round(x * 10) / 10;
  const ownRoles = new Set(participants.filter((p) => ownFlows.some((f) => f.id === p.flow?.id)).map((p) => p.role));
  const redacted: Explanation = exact
    ? e
    : {
        ...e,
        reasons: e.reasons.map((r) => ({ code: r.code, params: {} })),
        conditionsMet: e.conditionsMet.map((r) => ({ code: r.code, params: {} })),
        coverage: {
          output: ownRoles.has('OUTPUT' as never) && e.coverage.output !== null ? round(e.coverage.output) : null,
          input: ownRoles.has('INPUT' as never) && e.coverage.input !== null ? round(e.coverage.input) : null,
        },
        matchedQuantity: null,
        distanceKm: Number.NaN,
        transport: null,
      };
  const score = exact ? e.score : Object.fromEntries(Object.entries(e.score).map(([k, v]) => [k, round(v)]));
  return Object.assign(new SynergyExplanationNode(), {
    sentences: exact ? renderExplanation(e, kb, language === Language.EN ? 'en' : 'fr') : [],
    reasons: redacted.reasons.map((i) => itemNode(i, exact)),
    conditionsMet: redacted.conditionsMet.map((i) => itemNode(i, exact)),
    // Conditions to check come from the knowledge base; their parameters may quote the other side: withheld too.
    conditionsToCheck: e.conditionsToCheck.map((i) => itemNode(i, exact)),
    outputCoverage: redacted.coverage.output,
    inputCoverage: redacted.coverage.input,
    matchedQuantity: redacted.matchedQuantity,
    unit: UNIT_SYMBOLS[e.unit as FlowUnit] ?? String(e.unit),
    distanceKm: exact ? e.distanceKm : null,
    transportTonneKm: exact ? (e.transport?.tonneKm ?? null) : null,
    score,
  });
}
