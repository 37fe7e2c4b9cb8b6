import type { EntityManager } from '@mikro-orm/postgresql';
import { findFlowRecords } from '../../flow/flow.queries.js';
import { Organization } from '../../organization/organization.entity.js';
import { Site } from '../../organization/site.entity.js';
import type { SynergyReadScope } from '../../policy/synergy-policy.js';
import type { SynergyRecord } from '../model/synergy.record.js';
import { loadFlowCommitments, overAllocationNotices } from './flow-commitments.js';
import type { ExplanationItem } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import type { ParticipantFacts } from './participant-view.js';

/** What the views read besides the synergies (loadViewFacts loads it for a whole page). */
export interface ViewFacts extends ParticipantFacts {
  /** By synergy id: notices of the sides whose flow other suggestions the viewer may open also claim. */
  overAllocation: Map<string, ExplanationItem[]>;
}

/** Everything `viewSynergies` needs to build a page of synergies for one viewer: plain data, read by the service. */
export interface SynergyViewInput {
  knowledgeBase: KnowledgeBase;
  records: SynergyRecord[];
  facts: ViewFacts;
}

/**
 * Reads what the views of a page of synergies need besides the synergies, for the whole page at once (four
 * statements): their flows, organisations and sites, and the flows' commitments counted within `scope` (the
 * viewer's synergyReadScope), so that a notice never tells of a suggestion the viewer cannot open.
 */
export async function loadViewFacts(em: EntityManager, records: SynergyRecord[], scope: SynergyReadScope): Promise<ViewFacts> {
  const flowIds = [...new Set(records.flatMap((r) => r.participants.flatMap((p) => (p.flow ? [p.flow.id] : []))))];
  const orgIds = [...new Set(records.flatMap((r) => r.participants.map((p) => p.organization.id)))];
  const flows = new Map((await findFlowRecords(em, flowIds)).map((f) => [f.id, f]));
  const organizations = new Map((orgIds.length ? await em.find(Organization, { id: { $in: orgIds } }) : []).map((o) => [o.id, o]));
  const siteIds = [...new Set([...flows.values()].map((f) => f.siteId))];
  const sites = new Map((siteIds.length ? await em.find(Site, { id: { $in: siteIds } }) : []).map((s) => [s.id, s]));
  const commitments = await loadFlowCommitments(em, scope, flowIds);
  const overAllocation = new Map(records.map((r) => [r.synergy.id, overAllocationNotices(r, commitments)]));
  return { flows, organizations, sites, overAllocation };
}
