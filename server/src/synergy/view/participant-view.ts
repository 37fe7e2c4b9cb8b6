import type { FlowRecord } from '../../flow/flow.record.js';
import { FlowNode } from '../../flow/flow.types.js';
import { findActivitySector } from '../../nomenclature/activity-sectors.js';
import type { OrganizationRecord, SiteRecord } from '../../organization/organization.record.js';
import { OrganizationNode } from '../../organization/organization.types.js';
import { counterpartDisclosure, distanceBandAt, type CounterpartDisclosure, type DirectoryEntry } from '../../policy/counterpart-disclosure.js';
import { flowAccess } from '../../policy/policy.js';
import { canSeeParticipant, type SynergyFacts } from '../../policy/synergy-policy.js';
import { isMemberOf, type MaybeViewer } from '../../policy/viewer.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import type { SynergyRecord } from '../model/synergy.record.js';
import { describeCounterpart } from './counterpart.js';
import { knowledgeIndex } from './knowledge-index.js';
import { haversineKm } from './magnitudes.js';
import { SynergyParticipantNode } from './synergy.types.js';

/** The flows, organisations and sites of the synergies being viewed, by id. */
export interface ParticipantFacts {
  flows: Map<string, FlowRecord>;
  organizations: Map<string, OrganizationRecord>;
  sites: Map<string, SiteRecord>;
}

/** A site of an organisation of the public directory. */
export interface DirectorySite {
  organizationId: string;
  kind: string;
  naceCode: string | null;
  latitude: number;
  longitude: number;
}

/** How each anonymous counterpart of one synergy is described for one viewer, and the widest band among them. */
export interface CounterpartDisclosures {
  byOrganization: Map<string, CounterpartDisclosure>;
  /** The ladder the explanation's distances use: the widest of the counterparts'. */
  bandLevel: number;
}

const sectionOf = (naceCode: string | null | undefined) => (naceCode ? (findActivitySector(naceCode)?.sectionCode ?? null) : null);

/**
 * Widens the description of each counterpart `viewer` may not see until at least k organisations of the territory's
 * directory (the viewer's own left out) match it (policy/counterpart-disclosure.ts).
 */
export function counterpartDisclosures(
  { participants }: SynergyRecord,
  facts: SynergyFacts,
  viewer: MaybeViewer,
  { flows, organizations, sites }: ParticipantFacts,
  directorySites: readonly DirectorySite[],
  k: number,
): CounterpartDisclosures {
  const ownSite = ownSiteOf(participants, viewer, flows, sites);
  const hidden = participants.filter((p) => !canSeeParticipant(viewer, facts, p.organization.id));
  const byOrganization = new Map<string, CounterpartDisclosure>();
  if (hidden.length === 0) return { byOrganization, bandLevel: 0 };
  const entries = new Map<string, DirectoryEntry>();
  for (const site of directorySites) {
    if (isMemberOf(viewer, site.organizationId)) continue;
    let entry = entries.get(site.organizationId);
    if (!entry) entries.set(site.organizationId, (entry = { organizationId: site.organizationId, kind: site.kind, sectionCode: sectionOf(site.naceCode), distancesKm: [] }));
    if (ownSite) entry.distancesKm.push(haversineKm(ownSite, site));
  }
  const directory = [...entries.values()];
  for (const p of hidden) {
    const org = organizations.get(p.organization.id)!;
    const flow = p.flow ? flows.get(p.flow.id) : undefined;
    const site = flow ? sites.get(flow.siteId) : undefined;
    const distanceKm = ownSite && site ? haversineKm(ownSite, site) : null;
    byOrganization.set(org.id, counterpartDisclosure({ kind: org.kind, sectionCode: sectionOf(org.naceCode), distanceKm }, directory, k));
  }
  return { byOrganization, bandLevel: Math.max(0, ...[...byOrganization.values()].map((d) => d.bandLevel)) };
}

function ownSiteOf(participants: SynergyRecord['participants'], viewer: MaybeViewer, flows: ParticipantFacts['flows'], sites: ParticipantFacts['sites']): SiteRecord | undefined {
  const own = participants.find((p) => isMemberOf(viewer, p.organization.id) && p.flow);
  const flow = own ? flows.get(own.flow!.id) : undefined;
  return flow ? sites.get(flow.siteId) : undefined;
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
  disclosures: CounterpartDisclosures,
): SynergyParticipantNode[] {
  const ownSite = ownSiteOf(participants, viewer, flows, sites);
  return participants.map((p): SynergyParticipantNode => {
    const flow = p.flow ? flows.get(p.flow.id) : undefined;
    const org = organizations.get(p.organization.id)!;
    const visible = canSeeParticipant(viewer, facts, org.id);
    const site = flow ? sites.get(flow.siteId) : undefined;
    const disclosure = disclosures.byOrganization.get(org.id) ?? { kind: true, sector: true, bandLevel: 0 };
    return Object.assign(new SynergyParticipantNode(), {
      isYours: isMemberOf(viewer, org.id),
      role: p.role,
      consent: p.consent,
      organization: visible ? OrganizationNode.fromRecord(org) : null,
      flow: visible && flow && flowAccess(viewer, flow) !== 'NONE' ? FlowNode.forViewer(flow, viewer) : null,
      anonymous: visible
        ? null
        : describeCounterpart({
            organizationKind: disclosure.kind ? org.kind : null,
            sector: disclosure.sector && org.naceCode ? findActivitySector(org.naceCode) : undefined,
            distanceBand: ownSite && site ? (distanceBandAt(haversineKm(ownSite, site), disclosure.bandLevel)?.label ?? null) : null,
            yearlyQuantity: flow && flow.visibility !== 'PRIVATE' ? flow.yearlyQuantity : null,
            unit: flow?.unit ?? null,
            direction: flow?.direction ?? null,
            pathwayLabel: synergy.pathwayId ? knowledgeIndex(kb).pathways.get(synergy.pathwayId) : undefined,
          }),
    });
  });
}
