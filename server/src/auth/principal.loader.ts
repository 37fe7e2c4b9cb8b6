import type { EntityManager } from '@mikro-orm/postgresql';
import { plainRows, plainStatement } from '../db/plain-sql.js';
import type { Viewer } from '../policy/viewer.js';
import { expandTerritories, type TerritoryLink } from '../territory/territory-tree.js';

export interface Principal {
  user: { id: string; email: string; name: string };
  viewer: Viewer;
  /** How the request authenticated: a browser session or an integrator's API token. */
  via: 'SESSION' | 'API_TOKEN';
  credentialId: string;
}

interface PrincipalRow {
  credential_id: string;
  user_id: string;
  email: string;
  name: string;
  memberships: { org: string; role: 'ADMIN' | 'MEMBER'; territory: string }[];
  facilitated: string[];
  tree: [string, string | null][];
}

/**
 * Loads the user behind a credential and every fact the policy needs, in one statement, so that authentication
 * costs one round trip per request whatever the viewer's number of organisations. Only approved memberships of
 * approved organisations count: until then the user sees what a visitor sees (DESIGN.md §6).
 */
const FACTS = `
  coalesce((select json_agg(json_build_object('org', m.organization_id, 'role', m.role, 'territory', o.territory_id))
     from membership m join organization o on o.id = m.organization_id
     where m.user_id = c.user_id and m.approval = 'APPROVED' and o.approval = 'APPROVED'), '[]') as memberships,
  coalesce((select json_agg(tf.territory_id) from territory_facilitator tf where tf.user_id = c.user_id), '[]') as facilitated,
  coalesce((select json_agg(json_build_array(t.id, t.parent_id)) from territory t), '[]') as tree`;

const BY_SESSION = plainStatement('principal_by_session', `
  select c.id as credential_id, u.id as user_id, u.email, u.name, ${FACTS}
  from user_session c join app_user u on u.id = c.user_id
  where c.token_hash = ? and c.expires_at > now()`);

const BY_API_TOKEN = plainStatement('principal_by_api_token', `
  with touched as (
    update api_token set last_used_at = now()
    where token_hash = ? and revoked_at is null and (last_used_at is null or last_used_at < now() - interval '1 minute')
    returning id)
  select c.id as credential_id, u.id as user_id, u.email, u.name, ${FACTS}
  from api_token c join app_user u on u.id = c.user_id
  where c.token_hash = ? and c.revoked_at is null`);

const BY_USER_ID = plainStatement('principal_by_user', `
  select u.id as credential_id, u.id as user_id, u.email, u.name, ${FACTS}
  from (select id as user_id from app_user where id = ?) c join app_user u on u.id = c.user_id`);

export async function loadPrincipal(
  em: EntityManager,
  via: 'SESSION' | 'API_TOKEN',
  hash: string,
): Promise<Principal | null> {
  const rows =
    via === 'SESSION' ? await plainRows<PrincipalRow>(em, BY_SESSION, [hash]) : await plainRows<PrincipalRow>(em, BY_API_TOKEN, [hash, hash]);
  return rows[0] ? toPrincipal(rows[0], via) : null;
}

/** For a user who has just logged in or signed up (no credential lookup needed). */
export async function loadPrincipalOfUser(em: EntityManager, userId: string): Promise<Principal | null> {
  const rows = await plainRows<PrincipalRow>(em, BY_USER_ID, [userId]);
  return rows[0] ? toPrincipal(rows[0], 'SESSION') : null;
}

function toPrincipal(row: PrincipalRow, via: Principal['via']): Principal {
  const links: TerritoryLink[] = row.tree.map(([id, parentId]) => ({ id, parentId }));
  const { ancestorsOf, descendantsOf } = expandTerritories(links);
  const memberTerritoryIds = new Set<string>();
  for (const m of row.memberships) for (const t of ancestorsOf(m.territory)) memberTerritoryIds.add(t);
  const facilitatedTerritoryIds = new Set<string>();
  for (const t of row.facilitated) for (const d of descendantsOf(t)) facilitatedTerritoryIds.add(d);
  return {
    user: { id: row.user_id, email: row.email, name: row.name },
    via,
    credentialId: row.credential_id,
    viewer: {
      userId: row.user_id,
      memberships: new Map(row.memberships.map((m) => [m.org, m.role])),
      memberTerritoryIds,
      facilitatedTerritoryIds,
    },
  };
}
