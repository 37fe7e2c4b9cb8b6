import type { FlowRecord } from '../../flow/flow.record.js';
import { FlowNode } from '../../flow/flow.types.js';
import { findActivitySector } from '../../nomenclature/activity-sectors.js';
import type { Organization } from '../../organization/organization.entity.js';
import { OrganizationNode } from '../../organization/organization.types.js';
import type { Site } from '../../organization/site.entity.js';
import { flowAccess } from '../../policy/policy.js';
import { canSeeParticipant, type SynergyFacts } from '../../policy/synergy-policy.js';
import { isMemberOf, type MaybeViewer } from '../../policy/viewer.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import type { SynergyRecord } from '../model/synergy.record.js';
import { describeCounterpart } from './counterpart.js';
import { haversineKm } from './magnitudes.js';
import { SynergyParticipantNode } from './synergy.types.js';

/** The flows, organisations and sites of the synergies being viewed, by id. */
export interface ParticipantFacts {
  flows: Map<string, FlowRecord>;
  organizations: Map<string, Organization>;
  sites: Map<string, Site>;
}

/**
 * The sides of one synergy as `viewer` may see them: who and which flow when canSeeParticipant allows it, else
 * an anonymous description measured from the viewer's own site.
 */
export function viewParticipants(
  kb: KnowledgeBase,
  { synergy, participants }: SynergyRecord,
  facts: SynergyFacts,
  viewer: MaybeViewer,
  { flows, organizations, sites }: ParticipantFacts,
): SynergyParticipantNode[] {
  const ownFlows = participants.filter((p) => isMemberOf(viewer, p.organization.id) && p.flow).map((p) => flows.get(p.flow!.id)!);
  const ownSite = ownFlows[0] ? sites.get(ownFlows[0].siteId) : undefined;
  return participants.map((p): SynergyParticipantNode => {
    const flow = p.flow ? flows.get(p.flow.id) : undefined;
    const org = organizations.get(p.organization.id)!;
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
}
