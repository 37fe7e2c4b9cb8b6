import type { EntityManager } from '@mikro-orm/postgresql';
import { FlowStatus } from '../vocabulary/flow.enums.js';
import { ResourceFlow } from '../flow/resource-flow.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { Site } from '../organization/site.entity.js';
import type { FlowChangedPayload } from '../pubsub/pubsub.js';
import { Territory } from '../territory/territory.entity.js';
import type { ImportPlan, Planned } from './import-plan.js';
import { ANY_UUID, sqlList } from '../db/sql.js';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  territories: Counts;
  organizations: Counts;
  sites: Counts;
  flows: Counts;
}

/** A flow created or changed by the import, published once the transaction has committed. */
export type FlowChange = Omit<FlowChangedPayload, 'territoryChain'>;

type Values = Record<string, unknown>;

/**
 * Writes a validated plan: creates what has no stored record with its ref, updates what differs, leaves the rest
 * alone (so a second import of the same document writes nothing), and flushes once.
 */
export async function applyPlan(tx: EntityManager, plan: ImportPlan): Promise<{ report: ImportReport; changes: FlowChange[] }> {
  const created = new Map<string, object>();
  const entity = <T extends object>(cls: new () => T, id: string): T => (created.get(id) as T) ?? tx.getReference(cls, id);
  const counts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });
  const report: ImportReport = { territories: counts(), organizations: counts(), sites: counts(), flows: counts() };

  const upsert = <E extends object>(cls: new () => E, planned: Planned<E, unknown>, values: Values, tally: Counts): boolean => {
    if (!planned.existing) {
      created.set(planned.id, tx.create(cls, { ...values, id: planned.id, externalRef: planned.ref } as never));
      tally.created++;
      return true;
    }
    const changed = Object.entries(values).filter(([key, value]) => differs((planned.existing as Values)[key], value));
    if (changed.length === 0) {
      tally.unchanged++;
      return false;
    }
    tx.assign(planned.existing, Object.fromEntries(changed) as never);
    tally.updated++;
    return true;
  };

  // Parents first, so that a new territory's parent entity exists when the child is created.
  for (const t of parentsFirst(plan.territories)) {
    const { parentId, ...own } = t.values;
    upsert(Territory, t, { ...own, parent: parentId ? entity(Territory, parentId) : null }, report.territories);
  }
  const movedOrganizations: string[] = [];
  for (const o of plan.organizations) {
    const { territoryId, ...own } = o.values;
    if (o.existing && o.existing.territory.id !== territoryId) movedOrganizations.push(o.id);
    upsert(Organization, o, { ...own, territory: entity(Territory, territoryId) }, report.organizations);
  }
  const movedSites: string[] = [];
  for (const s of plan.sites) {
    const { organizationId, ...own } = s.values;
    if (s.existing && s.existing.organization.id !== organizationId) movedSites.push(s.id);
    upsert(Site, s, { ...own, organization: entity(Organization, organizationId) }, report.sites);
  }
  const changes: FlowChange[] = [];
  for (const f of plan.flows) {
    const { siteId, organizationId, territoryId, ...own } = f.values;
    const before = f.existing ? { visibility: f.existing.visibility, status: f.existing.status } : null;
    const values = {
      ...own,
      site: entity(Site, siteId),
      organization: entity(Organization, organizationId),
      territory: entity(Territory, territoryId),
    };
    if (!upsert(ResourceFlow, f, values, report.flows)) continue;
    const archived = own.status === FlowStatus.ARCHIVED && before?.status !== FlowStatus.ARCHIVED;
    changes.push({
      change: !before ? 'DECLARED' : archived ? 'ARCHIVED' : 'UPDATED',
      flowId: f.id,
      organizationId,
      territoryId,
      visibility: own.visibility,
      previousVisibility: before?.visibility ?? null,
    });
  }
  await tx.flush();
  changes.push(...(await realignFlows(tx, movedOrganizations, movedSites, new Set(changes.map((c) => c.flowId)))));
  return { report, changes };
}

/**
 * Flows copy their site's organisation and territory. When the import moves a site to another organisation or an
 * organisation to another territory, its flows that are not in the document follow, in the same transaction.
 */
async function realignFlows(tx: EntityManager, organizationIds: string[], siteIds: string[], known: Set<string>): Promise<FlowChange[]> {
  if (organizationIds.length === 0 && siteIds.length === 0) return [];
  const rows = await tx.execute<{ id: string; organization_id: string; territory_id: string; visibility: FlowChange['visibility'] }[]>(
    `update resource_flow f set organization_id = s.organization_id, territory_id = o.territory_id, updated_at = now()
       from site s join organization o on o.id = s.organization_id
      where f.site_id = s.id
        and (s.id = ${ANY_UUID} or o.id = ${ANY_UUID})
        and (f.organization_id <> s.organization_id or f.territory_id <> o.territory_id)
      returning f.id, f.organization_id, f.territory_id, f.visibility`,
    [sqlList(siteIds), sqlList(organizationIds)],
  );
  return rows
    .filter((row) => !known.has(row.id))
    .map((row) => ({
      change: 'UPDATED' as const,
      flowId: row.id,
      organizationId: row.organization_id,
      territoryId: row.territory_id,
      visibility: row.visibility,
      previousVisibility: row.visibility,
    }));
}

/** Relations compare by id, months as lists, everything else as values (absent and null alike). */
function differs(stored: unknown, wanted: unknown): boolean {
  if (isEntity(wanted) || isEntity(stored)) return (stored as { id?: string } | null)?.id !== (wanted as { id?: string } | null)?.id;
  if (Array.isArray(wanted) || Array.isArray(stored)) return JSON.stringify(stored ?? null) !== JSON.stringify(wanted ?? null);
  return (stored ?? null) !== (wanted ?? null);
}

function isEntity(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'id' in value;
}

function parentsFirst<T extends { id: string; values: { parentId: string | null } }>(territories: T[]): T[] {
  const byId = new Map(territories.map((t) => [t.id, t]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  const place = (t: T) => {
    if (placed.has(t.id)) return;
    placed.add(t.id);
    const parent = t.values.parentId ? byId.get(t.values.parentId) : undefined;
    if (parent) place(parent);
    ordered.push(t);
  };
  territories.forEach(place);
  return ordered;
}
