import { createHmac, randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import * as sql from './baseline-sql.js';

/**
 * Plain resolvers of the baseline server: rows from pg shaped into the same JSON as the product's, with the
 * visibility rule written inline. No type-graphql, no ORM, no policy module: what the product's stack costs is the
 * difference between the two.
 */

export interface BaselineViewer {
  userId: string;
  memberships: Set<string>;
  memberTerritories: Set<string>;
  facilitated: Set<string>;
}

export interface BaselineContext {
  db: sql.Db;
  viewer: BaselineViewer | null;
  sitesOf: DataLoader<string, Row[]>;
  flowsOf: DataLoader<string, { rows: Row[]; totalCount: number }, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const fromGid = (id: string) => {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  return { type: decoded.slice(0, sep), id: decoded.slice(sep + 1) };
};
const cursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const iso = (v: Date | string) => new Date(v).toISOString();
const dayOf = (v: Date | string) => {
  const d = new Date(v);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())).toISOString();
};
const UNIT_SYMBOLS: Record<string, string> = { TONNE: 't', KILOGRAM: 'kg', CUBIC_METRE: 'm3', LITRE: 'L', MEGAWATT_HOUR: 'MWh', KILOWATT_HOUR: 'kWh', UNIT: 'unit', HOUR: 'h', SQUARE_METRE: 'm2' };

/** The product's token hash (auth/secret-token.ts): HMAC-SHA256 of the token under the session secret. */
export function tokenHasher(secret: string) {
  return (token: string) => createHmac('sha256', secret).update(token).digest('base64url');
}

export async function authenticate(db: sql.Db, hash: (t: string) => string, headers: Record<string, string | string[] | undefined>): Promise<BaselineViewer | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? '').trim())?.[1];
  const session = /(?:^|;\s*)fe2i_session=([^;]+)/.exec(String(headers.cookie ?? ''))?.[1];
  if (!bearer && !session) return null;
  const { rows } = bearer
    ? await db.query(sql.prepared('by_api_token', sql.BY_API_TOKEN, [hash(bearer)]))
    : await db.query(sql.prepared('by_session', sql.BY_SESSION, [hash(session!)]));
  if (!rows[0]) return null;
  const row = rows[0];
  const parent = new Map<string, string | null>(row.tree.map(([id, p]: [string, string | null]) => [id, p]));
  const memberTerritories = new Set<string>();
  for (const m of row.memberships) for (let t: string | null | undefined = m.territory; t; t = parent.get(t)) memberTerritories.add(t);
  const facilitated = new Set<string>();
  const expand = (t: string) => {
    facilitated.add(t);
    for (const [id, p] of parent) if (p === t && !facilitated.has(id)) expand(id);
  };
  for (const t of row.facilitated) expand(t);
  return { userId: row.user_id, memberships: new Set(row.memberships.map((m: Row) => m.org)), memberTerritories, facilitated };
}

export function loadersFor(db: sql.Db, viewer: BaselineViewer | null): Pick<BaselineContext, 'sitesOf' | 'flowsOf'> {
  return {
    sitesOf: new DataLoader(async (orgIds) => {
      const { rows } = await db.query(sql.SITES_OF, [sql.list(orgIds)]);
      return orgIds.map((id) => rows.filter((r) => r.organization_id === id));
    }),
    // The directory asks every organisation for the same page size: one statement per page size.
    flowsOf: new DataLoader(
      async (keys) => {
        const [, first] = keys[0].split('|');
        const ids = keys.map((k) => k.split('|')[0]);
        const { rows } = await db.query(sql.FLOW_PAGES_OF_ORGANIZATIONS, [
          sql.list(ids), sql.list(viewer?.memberships ?? []), sql.list(viewer?.facilitated ?? []), 'ACTIVE', 0, Number(first),
        ]);
        return ids.map((id) => {
          const mine = rows.filter((r) => r.organization_id === id);
          return { rows: mine, totalCount: mine.length ? Number(mine[0].total_count) : 0 };
        });
      },
      { batchScheduleFn: (callback) => setImmediate(callback) },
    ),
  };
}

function flowJson(r: Row, viewer: BaselineViewer | null) {
  const member = viewer?.memberships.has(r.organization_id) ?? false;
  const facilitator = viewer?.facilitated.has(r.territory_id) ?? false;
  const full = r.visibility === 'PUBLIC' || member || facilitator;
  return {
    __typename: 'ResourceFlow',
    id: gid('ResourceFlow', r.id),
    disclosure: full ? 'FULL' : 'ANONYMOUS',
    direction: r.direction, category: r.category, label: r.label, description: r.description, ewcCode: r.ewc_code,
    needCode: r.need_code, hazardous: r.hazardous, quantity: num(r.quantity), unit: r.unit, unitSymbol: UNIT_SYMBOLS[r.unit],
    period: r.period, yearlyQuantity: num(r.yearly_quantity), physicalForm: r.physical_form, temperatureC: num(r.temperature_c),
    availableMonths: typeof r.available_months === 'string' ? JSON.parse(r.available_months) : r.available_months,
    visibility: r.visibility, status: r.status, currentDestination: r.current_destination,
    yearlyCostEur: member || facilitator ? num(r.yearly_cost_eur) : null,
    createdAt: full ? iso(r.created_at) : dayOf(r.created_at),
    updatedAt: full ? iso(r.updated_at) : dayOf(r.updated_at),
  };
}

function visibleFlow(r: Row, viewer: BaselineViewer | null): boolean {
  if (r.visibility === 'PUBLIC') return true;
  if (!viewer) return false;
  if (viewer.memberships.has(r.organization_id) || viewer.facilitated.has(r.territory_id)) return true;
  return r.visibility === 'TERRITORY' && viewer.memberTerritories.has(r.territory_id);
}

function connection<T>(nodes: T[], totalCount: number, offset: number) {
  const edges = nodes.map((node, i) => ({ cursor: cursor(offset + i), node }));
  return {
    edges, nodes, totalCount,
    pageInfo: { hasNextPage: offset + nodes.length < totalCount, hasPreviousPage: offset > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

const organizationJson = (o: Row) => ({ id: gid('Organization', o.id), dbId: o.id, name: o.name, kind: o.kind, naceCode: o.nace_code });

const unauthenticated = () => Object.assign(new Error('Sign in first.'), { extensions: { code: 'UNAUTHENTICATED' } });

export const resolvers = {
  Query: {
    floor: async (_: unknown, __: unknown, ctx: BaselineContext) => (await ctx.db.query('select 1 as one')).rows[0].one,

    organizations: async (_: unknown, args: { first: number }, ctx: BaselineContext) => {
      if (!ctx.viewer) throw unauthenticated();
      const { rows } = await ctx.db.query(sql.ORGANIZATION_PAGE, [sql.list(ctx.viewer.facilitated), args.first, 0]);
      return connection(rows.map(organizationJson), rows.length ? Number(rows[0].total_count) : 0, 0);
    },

    synergies: async (_: unknown, args: { first: number }, ctx: BaselineContext) => {
      const viewer = ctx.viewer;
      if (!viewer) throw unauthenticated();
      const page = await ctx.db.query(sql.SYNERGY_PAGE, [sql.list(viewer.facilitated), sql.list(viewer.memberships), 'SUGGESTED,CONTACT_REQUESTED,ACCEPTED', args.first, 0]);
      const ids = page.rows.map((r) => r.id as string);
      const synergies = new Map((await ctx.db.query(sql.SYNERGIES_BY_ID, [sql.list(ids)])).rows.map((s) => [s.id, s]));
      const participants = (await ctx.db.query(sql.PARTICIPANTS_OF, [sql.list(ids)])).rows;
      const flowIds = new Set(participants.flatMap((p) => (p.flow_id ? [p.flow_id] : [])));
      const flows = new Map((await ctx.db.query(sql.prepared('flows_by_id', sql.FLOWS_BY_ID, [sql.list(flowIds)]))).rows.map((f) => [f.id, f]));
      const orgs = new Map((await ctx.db.query(sql.ORGANIZATIONS_BY_ID, [sql.list(new Set(participants.map((p) => p.organization_id)))])).rows.map((o) => [o.id, o]));
      await ctx.db.query(sql.SITES_BY_ID, [sql.list(new Set([...flows.values()].map((f) => f.site_id)))]);
      await ctx.db.query(sql.FLOW_COMMITMENTS, [sql.list(flowIds), sql.list(viewer.facilitated), sql.list(viewer.memberships)]);
      const nodes = ids.map((id) => {
        const s = synergies.get(id)!;
        const sides = participants.filter((p) => p.synergy_id === id);
        const full = viewer.facilitated.has(s.territory_id);
        if (!full) throw new Error('the baseline shapes synergies for facilitators only');
        const mine = sides.filter((p) => viewer.memberships.has(p.organization_id));
        const pending = mine.some((p) => p.consent === 'PENDING');
        return {
          id: gid('Synergy', id), kind: s.kind, status: s.status, origin: s.origin, score: Number(s.score),
          identitiesRevealed: sides.length > 1 && sides.every((p) => p.consent === 'ACCEPTED'),
          viewerCanRequestContact: pending && s.status === 'SUGGESTED',
          viewerCanRespond: pending && s.status === 'CONTACT_REQUESTED',
          viewerCanDecline: mine.length > 0 && (s.status === 'SUGGESTED' || s.status === 'CONTACT_REQUESTED'),
          note: s.note ?? null,
          organizationCount: new Set(sides.map((p) => p.organization_id)).size,
          createdAt: iso(s.created_at), updatedAt: iso(s.updated_at),
          participants: sides.map((p) => {
            const flow = p.flow_id ? flows.get(p.flow_id) : undefined;
            return {
              isYours: viewer.memberships.has(p.organization_id), role: p.role, consent: p.consent,
              organization: organizationJson(orgs.get(p.organization_id)!),
              flow: flow && visibleFlow(flow, viewer) ? flowJson(flow, viewer) : null,
            };
          }),
        };
      });
      return connection(nodes, page.rows.length ? Number(page.rows[0].total_count) : 0, 0);
    },

    node: async (_: unknown, args: { id: string }, ctx: BaselineContext) => {
      const { type, id } = fromGid(args.id);
      if (type !== 'ResourceFlow') return null;
      const { rows } = await ctx.db.query(sql.prepared('flows_by_id', sql.FLOWS_BY_ID, [id]));
      return rows[0] && visibleFlow(rows[0], ctx.viewer) ? flowJson(rows[0], ctx.viewer) : null;
    },
  },

  Mutation: {
    declareFlow: async (_: unknown, { input }: { input: Row }, ctx: BaselineContext) => {
      const viewer = ctx.viewer;
      if (!viewer) throw unauthenticated();
      const siteId = fromGid(input.siteId).id;
      const site = (await ctx.db.query(sql.prepared('place_of_site', sql.SITE_WITH_ORGANIZATION, [siteId, siteId]))).rows[0];
      if (!site || !(viewer.memberships.has(site.organization_id) || viewer.facilitated.has(site.territory_id))) {
        throw Object.assign(new Error('Site not found.'), { extensions: { code: 'NOT_FOUND' } });
      }
      if (input.period !== 'YEAR') throw new Error('the baseline declares yearly flows only');
      const id = randomUUID();
      // One statement, as the product inserts and reads back (outside a transaction: nothing else is written).
      const { rows } = await ctx.db.query(sql.prepared('insert_flow', sql.INSERT_FLOW, [
        id, new Date(), site.id, site.organization_id, site.territory_id, input.direction, input.category, input.label,
        input.description ?? null, input.ewcCode ?? null, input.needCode ?? null, String(input.ewcCode ?? '').endsWith('*'),
        input.quantity ?? null, input.unit, input.period, input.quantity ?? null, input.physicalForm ?? null,
        input.temperatureC ?? null, input.availableMonths ? JSON.stringify(input.availableMonths) : null, input.visibility,
        input.currentDestination ?? null, input.yearlyCostEur ?? null,
      ]));
      return flowJson(rows[0], viewer);
    },
  },

  Organization: {
    sites: async (org: { dbId: string }, _: unknown, ctx: BaselineContext) =>
      (await ctx.sitesOf.load(org.dbId)).map((s) => ({ id: gid('Site', s.id), name: s.name, city: s.city, latitude: Number(s.latitude), longitude: Number(s.longitude) })),
    flows: async (org: { dbId: string }, args: { first: number }, ctx: BaselineContext) => {
      const { rows, totalCount } = await ctx.flowsOf.load(`${org.dbId}|${args.first}`);
      return connection(rows.map((r) => flowJson(r, ctx.viewer)), totalCount, 0);
    },
  },
};
