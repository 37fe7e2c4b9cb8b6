import { toGlobalId } from '../../graphql/global-id.js';
import { canDecideFor, canSeeOverAllocation, figureAccess, type FigureAccess, identitiesRevealed, synergyAccess } from '../../policy/synergy-policy.js';
import { isMemberOf, type MaybeViewer } from '../../policy/viewer.js';
import type { Explanation, ExplanationItem } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { Consent, ParticipantRole, SynergyStatus, type SynergyKind } from '../model/synergy.enums.js';
import { factsOf, type SynergyRecord } from '../model/synergy.record.js';
import { viewExplanation } from './explanation-view.js';
import { scoreWithoutQuantity } from './score-without-quantity.js';
import { viewImpacts } from './impact-view.js';
import { lazyField } from './lazy-field.js';
import { Language, PathwayNode } from './knowledge.types.js';
import { counterpartDisclosures, viewParticipants } from './participant-view.js';
import { SynergyNode } from './synergy.types.js';
import type { SynergyViewInput, ViewFacts } from './view-facts.js';
import { dayOf } from '../../policy/anonymous-time.js';

/**
 * Builds each synergy *for one viewer*: what a party may not know is never put in the object, so no resolver
 * downstream can leak it. The policy decides what the viewer may see; the participants, the explanation and the
 * impacts have views of their own (`participant-view.ts`, `explanation-view.ts`, `impact-view.ts`).
 */
export function viewSynergies(
  { knowledgeBase, records, facts }: SynergyViewInput,
  viewer: MaybeViewer,
  language: Language = Language.FR,
): SynergyNode[] {
  return records.map((r) => viewOne(knowledgeBase, r, facts, viewer, language));
}

function viewOne(kb: KnowledgeBase, record: SynergyRecord, facts: ViewFacts, viewer: MaybeViewer, language: Language): SynergyNode {
  const { synergy, participants } = record;
  const synergyFacts = factsOf(record);
  const full = synergyAccess(viewer, synergyFacts) === 'FULL';
  const revealed = identitiesRevealed(synergyFacts);
  const participantFlows = participants.flatMap((p) => {
    const flow = p.flow ? facts.flows.get(p.flow.id) : undefined;
    return flow ? [{ organizationId: p.organization.id, visibility: flow.visibility }] : [];
  });
  const figures = figureAccess(viewer, synergyFacts, participantFlows);
  const exact = figures === 'EXACT';
  const notices = canSeeOverAllocation(viewer, synergyFacts) ? (facts.overAllocation.get(synergy.id) ?? []) : [];
  const directory = facts.directory.get(synergy.territory.id) ?? [];
  const disclosures = counterpartDisclosures(record, synergyFacts, viewer, facts, directory, facts.counterpartMinOrganizations);

  const myOrgs = participants.filter((p) => canDecideFor(viewer, p.organization.id));
  const pending = myOrgs.some((p) => p.consent === Consent.PENDING);
  const status = synergy.status;
  const node = Object.assign(new SynergyNode(), {
    id: toGlobalId('Synergy', synergy.id),
    dbId: synergy.id,
    kind: synergy.kind,
    status,
    origin: synergy.origin,
    score: exact ? synergy.score : Math.round(shownScore(synergy.kind, synergy.score, synergy.explanation, figures) * 20) / 20,
    participants: viewParticipants(kb, record, synergyFacts, viewer, facts, disclosures),
    identitiesRevealed: revealed,
    viewerCanRequestContact: pending && status === SynergyStatus.SUGGESTED,
    viewerCanRespond: pending && status === SynergyStatus.CONTACT_REQUESTED,
    viewerCanDecline: myOrgs.length > 0 && (status === SynergyStatus.SUGGESTED || status === SynergyStatus.CONTACT_REQUESTED),
    note: full ? (synergy.note ?? null) : null,
    organizationCount: new Set(participants.map((p) => p.organization.id)).size,
    createdAt: full || revealed ? synergy.createdAt : dayOf(synergy.createdAt),
    updatedAt: full || revealed ? synergy.updatedAt : dayOf(synergy.updatedAt),
  });
  // Built only when the document asks for them (a list page often does not), from what was decided above.
  lazyField(node, 'pathway', () => PathwayNode.from(kb, synergy.pathwayId));
  lazyField(node, 'explanation', () =>
    synergy.explanation
      ? viewExplanation(kb, withNotices(synergy.explanation, notices), figures, ownSidesOf(participants, viewer), language, disclosures.bandLevel)
      : null,
  );
  // Every impact is computed from the matched quantity, the smaller of both sides: none when one is hidden.
  lazyField(node, 'impacts', () => (figures === 'OWN_SIDE' ? [] : viewImpacts(kb, synergy.impacts, viewer, synergy.territory.id, exact)));
  return node;
}

/** The sides of the explanation that are the viewer's own: its organisations' flows in the synergy. */
function ownSidesOf(participants: SynergyRecord['participants'], viewer: MaybeViewer): Set<string> {
  const side: Record<ParticipantRole, string> = { OUTPUT: 'output', INPUT: 'input', MEMBER: 'members' };
  return new Set(participants.filter((p) => p.flow && isMemberOf(viewer, p.organization.id)).map((p) => side[p.role]));
}

/** The explanation with the over-allocation notices among the conditions to check. */
function withNotices(e: Explanation, notices: ExplanationItem[]): Explanation {
  return notices.length ? { ...e, conditionsToCheck: [...e.conditionsToCheck, ...notices] } : e;
}

/** The score the viewer may read: with its quantity part as if quantities were unknown when one is hidden. */
function shownScore(kind: SynergyKind, score: number, explanation: Explanation | null | undefined, figures: FigureAccess): number {
  return figures === 'OWN_SIDE' && explanation ? scoreWithoutQuantity(kind, explanation.score) : score;
}
