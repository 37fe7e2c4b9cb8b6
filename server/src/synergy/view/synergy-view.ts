import type { EntityManager } from '@mikro-orm/postgresql';
import { findFlowRecords } from '../../flow/flow.queries.js';
import type { FlowRecord } from '../../flow/flow.record.js';
import { FlowNode } from '../../flow/flow.types.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { findActivitySector } from '../../nomenclature/activity-sectors.js';
import { Organization } from '../../organization/organization.entity.js';
import { OrganizationNode } from '../../organization/organization.types.js';
import { Site } from '../../organization/site.entity.js';
import { flowAccess } from '../../policy/policy.js';
import { canDecideFor, canSeeExactFigures, canSeeParticipant, identitiesRevealed, synergyAccess, synergyReadScope } from '../../policy/synergy-policy.js';
import { isMemberOf, type MaybeViewer } from '../../policy/viewer.js';
import { describeCounterpart, haversineKm } from './counterpart.js';
import type { Explanation } from '../engine/engine.types.js';
import { loadFlowCommitments, overAllocationItem, type FlowCommitment } from './flow-commitments.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { Language, PathwayNode } from './knowledge.types.js';
import { Consent, ParticipantRole, SynergyKind, SynergyStatus } from '../model/synergy.enums.js';
import { viewExplanation } from './explanation-view.js';
import { viewImpacts } from './impact-view.js';
import { factsOf, type SynergyRecord } from '../model/synergy.record.js';
import { SynergyNode, SynergyParticipantNode } from './synergy.types.js';

/**
 * Builds each synergy *for one viewer*: what a party may not know is never put in the object, so no resolver
 * downstream can leak it. Facts are loaded for a whole page at once (four statements). The explanation and the impacts have views of
 * their own (`synergy-explanation-view.ts`, `synergy-impact-view.ts`).
 */
export async function viewSynergies(
  em: EntityManager,
  kb: KnowledgeBase,
  records: SynergyRecord[],
  viewer: MaybeViewer,
  language: Language = Language.FR,
): Promise<SynergyNode[]> {
  const flowIds = [...new Set(records.flatMap((r) => r.participants.flatMap((p) => (p.flow ? [p.flow.id] : []))))];
  const orgIds = [...new Set(records.flatMap((r) => r.participants.map((p) => p.organization.id)))];
  const flows = new Map((await findFlowRecords(em, flowIds)).map((f) => [f.id, f]));
  const orgs = new Map((orgIds.length ? await em.find(Organization, { id: { $in: orgIds } }) : []).map((o) => [o.id, o]));
  const siteIds = [...new Set([...flows.values()].map((f) => f.siteId))];
  const sites = new Map((siteIds.length ? await em.find(Site, { id: { $in: siteIds } }) : []).map((s) => [s.id, s]));
  const commitments = await loadFlowCommitments(em, synergyReadScope(viewer), flowIds);
  return records.map((r) => viewOne(kb, r, viewer, language, flows, orgs, sites, commitments));
}

function viewOne(
  kb: KnowledgeBase,
  record: SynergyRecord,
  viewer: MaybeViewer,
  language: Language,
  flows: Map<string, FlowRecord>,
  orgs: Map<string, Organization>,
  sites: Map<string, Site>,
  commitments: Map<string, FlowCommitment>,
): SynergyNode {
  const { synergy, participants } = record;
  const facts = factsOf(record);
  const full = synergyAccess(viewer, facts) === 'FULL';
  const revealed = identitiesRevealed(facts);
  const ownFlows = participants.filter((p) => isMemberOf(viewer, p.organization.id) && p.flow).map((p) => flows.get(p.flow!.id)!);
  const ownSite = ownFlows[0] ? sites.get(ownFlows[0].siteId) : undefined;
  const participantFlows = participants.flatMap((p) => {
    const flow = p.flow ? flows.get(p.flow.id) : undefined;
    return flow ? [{ organizationId: p.organization.id, visibility: flow.visibility }] : [];
  });
  const exact = canSeeExactFigures(viewer, facts, participantFlows);

  const nodes = participants.map((p): SynergyParticipantNode => {
    const flow = p.flow ? flows.get(p.flow.id) : undefined;
    const org = orgs.get(p.organization.id)!;
    const visible = canSeeParticipant(viewer, facts, org.id);
    const site = flow ? sites.get(flow.siteId) : undefined;
    return Object.assign(new SynergyParticipantNode(), {
      isYours: isMemberOf(viewer, org.id),
      role: p.role,
      consent: p.consent,
      organization: visible ? OrganizationNode.from(org) : null,
      flow: visible && flow && flowAccess(viewer, flow) !== 'NONE' ? FlowNode.forViewer(flow, viewer) : null,
      anonymous: visible
        ? null
        : describeCounterpart({
            organizationKind: org.kind,
            sector: org.naceCode ? findActivitySector(org.naceCode) : undefined,
            distanceKm: ownSite && site ? haversineKm(ownSite, site) : null,
            yearlyQuantity: flow && flow.visibility !== 'PRIVATE' ? flow.yearlyQuantity : null,
            unit: flow?.unit ?? null,
            direction: flow?.direction ?? null,
            pathwayLabel: kb.pathways.find((x) => x.id === synergy.pathwayId),
          }),
    });
  });

  const myOrgs = participants.filter((p) => canDecideFor(viewer, p.organization.id));
  const pending = myOrgs.some((p) => p.consent === Consent.PENDING);
  const status = synergy.status;
  return Object.assign(new SynergyNode(), {
    id: toGlobalId('Synergy', synergy.id),
    dbId: synergy.id,
    kind: synergy.kind,
    status,
    origin: synergy.origin,
    score: exact ? synergy.score : Math.round(synergy.score * 20) / 20,
    pathway: PathwayNode.from(kb, synergy.pathwayId),
    participants: nodes,
    explanation: synergy.explanation ? viewExplanation(kb, withCommitments(synergy.explanation, record, commitments), exact, ownSidesOf(participants, viewer), language) : null,
    impacts: viewImpacts(kb, synergy.impacts, viewer, synergy.territory.id, exact),
    identitiesRevealed: revealed,
    viewerCanRequestContact: pending && status === SynergyStatus.SUGGESTED,
    viewerCanRespond: pending && status === SynergyStatus.CONTACT_REQUESTED,
    viewerCanDecline: myOrgs.length > 0 && (status === SynergyStatus.SUGGESTED || status === SynergyStatus.CONTACT_REQUESTED),
    note: full ? (synergy.note ?? null) : null,
    organizationCount: new Set(participants.map((p) => p.organization.id)).size,
    createdAt: synergy.createdAt,
    updatedAt: synergy.updatedAt,
  });
}

/** The sides of the explanation that are the viewer's own: its organisations' flows in the synergy. */
function ownSidesOf(participants: SynergyRecord['participants'], viewer: MaybeViewer): Set<string> {
  const side: Record<ParticipantRole, string> = { OUTPUT: 'output', INPUT: 'input', MEMBER: 'members' };
  return new Set(participants.filter((p) => p.flow && isMemberOf(viewer, p.organization.id)).map((p) => side[p.role]));
}

/** The explanation with, for a substitution, a notice on each side whose flow other suggestions also claim. */
function withCommitments(e: Explanation, record: SynergyRecord, commitments: Map<string, FlowCommitment>): Explanation {
  if (record.synergy.kind !== SynergyKind.SUBSTITUTION) return e;
  const notices = record.participants.flatMap((p) => {
    if (!p.flow || (p.role !== ParticipantRole.OUTPUT && p.role !== ParticipantRole.INPUT)) return [];
    const item = overAllocationItem(p.role === ParticipantRole.OUTPUT ? 'output' : 'input', commitments.get(`${p.flow.id}:${p.role}`));
    return item ? [item] : [];
  });
  return notices.length ? { ...e, conditionsToCheck: [...e.conditionsToCheck, ...notices] } : e;
}
