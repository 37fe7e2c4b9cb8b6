import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageRequest } from '../paging/page.js';
import type { FlowReadScope } from '../policy/policy.js';
import type { FlowDirection, FlowStatus, ResourceCategory } from '../vocabulary/flow.enums.js';
import { FLOW_COLUMNS, toFlowRecord, type FlowRecord } from './flow.record.js';
import { ANY_UUID, containsPattern, sqlList } from '../db/sql.js';
import { plainRows, plainStatement } from '../db/plain-sql.js';

/** Filters of the `flows` query, already validated and decoded. */
export interface FlowFilter {
  /** The territories to search, nested ones included. */
  territoryIds?: string[];
  direction?: FlowDirection;
  category?: ResourceCategory;
  /** Exact code "10 02 01" or a chapter/sub-chapter prefix "10" / "10 02". */
  ewcCodePrefix?: string;
  text?: string;
  near?: { latitude: number; longitude: number; radiusKm: number };
  organizationId?: string;
  status?: FlowStatus;
}

/**
 * SQL of policy.flowReadScope. `full` rows show who declared them; `visible` adds the anonymous TERRITORY rows.
 * Filters that would reveal who or where (organisation, distance) only ever match `full` rows.
 */
function scopeSql(scope: FlowReadScope) {
  const full = `(f.visibility = 'PUBLIC' or f.organization_id = ${ANY_UUID} or f.territory_id = ${ANY_UUID})`;
  const fullParams = [sqlList(scope.fullOrganizationIds), sqlList(scope.fullTerritoryIds)];
  return {
    full: { sql: full, params: fullParams },
    visible: {
      sql: `(${full} or (f.visibility = 'TERRITORY' and f.territory_id = ${ANY_UUID}))`,
      params: [...fullParams, sqlList(scope.anonymousTerritoryIds)],
    },
  };
}

function whereSql(scope: FlowReadScope, filter: FlowFilter, fullOnly: boolean) {
  const s = scopeSql(scope);
  const needsFull = fullOnly || filter.organizationId !== undefined || filter.near !== undefined;
  const clauses: string[] = [needsFull ? s.full.sql : s.visible.sql];
  const params: unknown[] = [...(needsFull ? s.full.params : s.visible.params)];
  const add = (sql: string, ...p: unknown[]) => {
    clauses.push(sql);
    params.push(...p);
  };
  add('f.status = ?', filter.status ?? 'ACTIVE');
  if (filter.territoryIds) add(`f.territory_id = ${ANY_UUID}`, sqlList(filter.territoryIds));
  if (filter.direction) add('f.direction = ?', filter.direction);
  if (filter.category) add('f.category = ?', filter.category);
  if (filter.organizationId) add('f.organization_id = ?', filter.organizationId);
  if (filter.ewcCodePrefix) add('f.ewc_code like ?', `${filter.ewcCodePrefix}%`);
  // Every word must appear, in the label or the description, in any order, accents and case ignored.
  for (const word of (filter.text ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    add(`fe2i_fold(f.label || ' ' || coalesce(f.description, '')) like fe2i_fold(?)`, containsPattern(word));
  }
  if (filter.near) {
    const { latitude, longitude, radiusKm } = filter.near;
    add(
      `exists (select 1 from site s where s.id = f.site_id and fe2i_distance_km(s.latitude, s.longitude, ?, ?) <= ?)`,
      latitude,
      longitude,
      radiusKm,
    );
  }
  return { sql: clauses.join(' and '), params };
}

export async function findFlowPage(
  em: EntityManager,
  scope: FlowReadScope,
  filter: FlowFilter,
  page: PageRequest,
): Promise<{ records: FlowRecord[]; totalCount: number }> {
  const where = whereSql(scope, filter, false);
  const rows = await em.execute(
    `select ${FLOW_COLUMNS}, count(*) over () as total_count from resource_flow f where ${where.sql}
     order by f.created_at desc, f.id limit ? offset ?`,
    [...where.params, page.limit, page.offset],
  );
  if (rows.length === 0 && (page.offset > 0 || page.limit === 0)) {
    const [count] = await em.execute(`select count(*) as n from resource_flow f where ${where.sql}`, where.params);
    return { records: [], totalCount: Number(count.n) };
  }
  return { records: rows.map(toFlowRecord), totalCount: rows.length ? Number(rows[0].total_count) : 0 };
}

/**
 * One statement for the flows of many organisations (a directory page): each organisation's page and total.
 * Only flows the viewer may attribute to the organisation are listed under it.
 */
export async function findFlowPagesOfOrganizations(
  em: EntityManager,
  scope: FlowReadScope,
  organizationIds: string[],
  filter: Omit<FlowFilter, 'organizationId' | 'territoryIds'>,
  page: PageRequest,
): Promise<Map<string, { records: FlowRecord[]; totalCount: number }>> {
  const where = whereSql(scope, filter, true);
  const rows = await em.execute(
    `select * from (
       select ${FLOW_COLUMNS},
         row_number() over (partition by f.organization_id order by f.created_at desc, f.id) as rn,
         count(*) over (partition by f.organization_id) as total_count
       from resource_flow f where f.organization_id = ${ANY_UUID} and ${where.sql}) x
     where x.rn > ? and x.rn <= ?
     order by x.organization_id, x.rn`,
    [sqlList(organizationIds), ...where.params, page.offset, page.offset + page.limit],
  );
  const result = new Map(organizationIds.map((id) => [id, { records: [] as FlowRecord[], totalCount: 0 }]));
  for (const row of rows) {
    const entry = result.get(row.organization_id)!;
    entry.records.push(toFlowRecord(row));
    entry.totalCount = Number(row.total_count);
  }
  // An organisation whose page is empty but whose total is not (offset past the end) needs its count.
  const missing = organizationIds.filter((id) => result.get(id)!.records.length === 0);
  if (missing.length > 0 && (page.offset > 0 || page.limit === 0)) {
    const counts = await em.execute(
      `select f.organization_id, count(*) as n from resource_flow f
       where f.organization_id = ${ANY_UUID} and ${where.sql} group by f.organization_id`,
      [sqlList(missing), ...where.params],
    );
    for (const c of counts) result.get(c.organization_id)!.totalCount = Number(c.n);
  }
  return result;
}

const FLOWS_BY_ID = plainStatement('flows_by_id', `select ${FLOW_COLUMNS} from resource_flow f where f.id = ${ANY_UUID}`);

/** Flows by id as plain records (a node, a mutation's answer, an event's one read, a synergy page's flows). */
export async function findFlowRecords(em: EntityManager, flowIds: string[]): Promise<FlowRecord[]> {
  if (flowIds.length === 0) return [];
  return (await plainRows(em, FLOWS_BY_ID, [sqlList(flowIds)])).map(toFlowRecord);
}
