import type { EntityManager } from '@mikro-orm/postgresql';
import { findFlowRecords } from '../../flow/flow.queries.js';
import { SITE_COLUMNS, toOrganizationRecord, toSiteRecord } from '../../organization/organization.record.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import { canSeeParticipant, type SynergyReadScope } from '../../policy/synergy-policy.js';
import type { MaybeViewer } from '../../policy/viewer.js';
import { factsOf, type SynergyRecord } from '../model/synergy.record.js';
import { loadFlowCommitments, overAllocationNotices } from './flow-commitments.js';
import type { ExplanationItem } from '../engine/engine.types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import type { DirectorySite, ParticipantFacts } from './participant-view.js';

/** What the views read besides the synergies (loadViewFacts loads it for a whole page). */
export interface ViewFacts extends ParticipantFacts {
  /** By territory id: the sites of its approved organisations, the public directory anonymous counterparts hide in. */
  directory: Map<string, DirectorySite[]>;
  /** k: an anonymous counterpart is described so that at least k directory organisations match it. */
  counterpartMinOrganizations: number;
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
 * Reads what the views of a page of synergies need besides the synergies, for the whole page at once, as plain rows
 * (at most five statements): their flows, organisations and sites, the flows' commitments counted within the
 * viewer's synergyReadScope, so that a notice never tells of a suggestion the viewer cannot open, and the directory
 * of the territories where a counterpart is anonymous to the viewer (none for a facilitator: nothing to hide in).
 */
export async function loadViewFacts(
  em: EntityManager,
  records: SynergyRecord[],
  viewer: MaybeViewer,
  scope: SynergyReadScope,
  counterpartMinOrganizations: number,
): Promise<ViewFacts> {
  const flowIds = [...new Set(records.flatMap((r) => r.participants.flatMap((p) => (p.flow ? [p.flow.id] : []))))];
  const orgIds = [...new Set(records.flatMap((r) => r.participants.map((p) => p.organization.id)))];
  const flows = new Map((await findFlowRecords(em, flowIds)).map((f) => [f.id, f]));
  const organizations = new Map(
    (orgIds.length ? await em.execute(`select o.* from organization o where o.id = ${ANY_UUID}`, [sqlList(orgIds)]) : []).map((row) => {
      const o = toOrganizationRecord(row);
      return [o.id, o];
    }),
  );
  const siteIds = [...new Set([...flows.values()].map((f) => f.siteId))];
  const sites = new Map(
    (siteIds.length ? await em.execute(`select ${SITE_COLUMNS} from site s where s.id = ${ANY_UUID}`, [sqlList(siteIds)]) : []).map((row) => {
      const site = toSiteRecord(row);
      return [site.id, site];
    }),
  );
  const commitments = await loadFlowCommitments(em, scope, flowIds);
  const overAllocation = new Map(records.map((r) => [r.synergy.id, overAllocationNotices(r, commitments)]));
  const withAnonymous = records.filter((r) => {
    const facts = factsOf(r);
    return r.participants.some((p) => !canSeeParticipant(viewer, facts, p.organization.id));
  });
  const directory = await loadDirectorySites(em, [...new Set(withAnonymous.map((r) => r.synergy.territory.id))]);
  return { flows, organizations, sites, overAllocation, directory, counterpartMinOrganizations };
}

async function loadDirectorySites(em: EntityManager, territoryIds: string[]): Promise<Map<string, DirectorySite[]>> {
  const directory = new Map<string, DirectorySite[]>(territoryIds.map((id) => [id, []]));
  if (territoryIds.length === 0) return directory;
  const rows: { organization_id: string; territory_id: string; kind: string; nace_code: string | null; latitude: number; longitude: number }[] = await em.execute(
    `select o.id as organization_id, o.territory_id, o.kind, o.nace_code, s.latitude, s.longitude
       from organization o join site s on s.organization_id = o.id
      where o.approval = 'APPROVED' and o.territory_id = any(string_to_array(?, ',')::uuid[])`,
    [territoryIds.join(',')],
  );
  for (const r of rows) {
    directory.get(r.territory_id)!.push({ organizationId: r.organization_id, kind: r.kind, naceCode: r.nace_code, latitude: r.latitude, longitude: r.longitude });
  }
  return directory;
}
