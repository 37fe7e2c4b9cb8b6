import type pg from 'pg';

/**
 * The baseline's SQL: the statements the product sends for the benchmark's documents (copied from its SQL log),
 * with pg's $n placeholders. Lists go as one comma-joined text, as the product's `sqlList` does.
 */

const FACTS = `
  coalesce((select json_agg(json_build_object('org', m.organization_id, 'role', m.role, 'territory', o.territory_id))
     from membership m join organization o on o.id = m.organization_id
     where m.user_id = c.user_id and m.approval = 'APPROVED' and o.approval = 'APPROVED'), '[]') as memberships,
  coalesce((select json_agg(tf.territory_id) from territory_facilitator tf where tf.user_id = c.user_id), '[]') as facilitated,
  coalesce((select json_agg(json_build_array(t.id, t.parent_id)) from territory t), '[]') as tree`;

export const BY_SESSION = `select c.id as credential_id, u.id as user_id, u.email, u.name, ${FACTS}
  from user_session c join app_user u on u.id = c.user_id where c.token_hash = $1 and c.expires_at > now()`;

export const BY_API_TOKEN = `with touched as (
    update api_token set last_used_at = now()
    where token_hash = $1 and revoked_at is null and (last_used_at is null or last_used_at < now() - interval '1 minute')
    returning id)
  select c.id as credential_id, u.id as user_id, u.email, u.name, ${FACTS}
  from api_token c join app_user u on u.id = c.user_id where c.token_hash = $1 and c.revoked_at is null`;

const ANY_UUID = (n: number) => `any(string_to_array($${n}, ',')::uuid[])`;

export const ORGANIZATION_PAGE = `select o.*, count(*) over () as total_count from organization o
  where (o.approval = 'APPROVED' or o.territory_id = ${ANY_UUID(1)}) order by fe2i_fold(o.name), o.id limit $2 offset $3`;

export const SITES_OF = `select s0.* from site as s0 where s0.organization_id = ${ANY_UUID(1)} order by s0.name asc, s0.id asc`;

export const FLOW_COLUMNS = `f.id, f.site_id, f.organization_id, f.territory_id, f.direction, f.category, f.label,
  f.description, f.ewc_code, f.need_code, f.hazardous, f.quantity, f.unit, f.period, f.yearly_quantity, f.physical_form,
  f.temperature_c, f.available_months, f.visibility, f.status, f.current_destination, f.yearly_cost_eur,
  f.created_at, f.updated_at`;

/** $1 organisations, $2 full organisations, $3 full territories, $4 status, $5 offset, $6 offset + limit. */
export const FLOW_PAGES_OF_ORGANIZATIONS = `select * from (
    select ${FLOW_COLUMNS},
      row_number() over (partition by f.organization_id order by f.created_at desc, f.id) as rn,
      count(*) over (partition by f.organization_id) as total_count
    from resource_flow f where f.organization_id = ${ANY_UUID(1)}
      and (f.visibility = 'PUBLIC' or f.organization_id = ${ANY_UUID(2)} or f.territory_id = ${ANY_UUID(3)}) and f.status = $4) x
  where x.rn > $5 and x.rn <= $6 order by x.organization_id, x.rn`;

export const FLOWS_BY_ID = `select ${FLOW_COLUMNS} from resource_flow f where f.id = ${ANY_UUID(1)}`;

const SCORE_WITHOUT_QUANTITY = `(case when s.explanation is null then s.score else greatest(0, least(1, case when s.kind = 'MUTUALISATION'
  then 0.1 * coalesce((s.explanation -> 'score' ->> 'compatibility')::float, 0) + 0.4 * 0.4 + 0.2 * coalesce((s.explanation -> 'score' ->> 'distance')::float, 0) + 0.2 * coalesce((s.explanation -> 'score' ->> 'quality')::float, 0) + 0 * coalesce((s.explanation -> 'score' ->> 'availability')::float, 0) + 0.1 * coalesce((s.explanation -> 'score' ->> 'hazard')::float, 0)
  else 0.3 * coalesce((s.explanation -> 'score' ->> 'compatibility')::float, 0) + 0.2 * 0.4 + 0.2 * coalesce((s.explanation -> 'score' ->> 'distance')::float, 0) + 0.1 * coalesce((s.explanation -> 'score' ->> 'quality')::float, 0) + 0.1 * coalesce((s.explanation -> 'score' ->> 'availability')::float, 0) + 0.1 * coalesce((s.explanation -> 'score' ->> 'hazard')::float, 0) end)) end)`;

/** $1 facilitated territories, $2 member organisations, $3 statuses, $4 limit, $5 offset. */
export const SYNERGY_PAGE = `select s.id, count(*) over () as total_count from synergy s
  where (s.territory_id = ${ANY_UUID(1)} or exists (select 1 from synergy_participant p
     where p.synergy_id = s.id and p.organization_id = ${ANY_UUID(2)})) and s.status = any(string_to_array($3, ','))
  order by (case when s.territory_id = ${ANY_UUID(1)} then s.score else ${SCORE_WITHOUT_QUANTITY} end) desc, s.key limit $4 offset $5`;

// The product reads these as plain rows (synergy/model/synergy.record.ts, synergy/view/view-facts.ts).
export const SYNERGIES_BY_ID = `select s.id, s.kind, s.origin, s.pathway_id, s.status, s.territory_id, s.score, s.explanation, s.impacts, s.note,
  s.created_at, s.updated_at from synergy s where s.id = ${ANY_UUID(1)}`;
export const PARTICIPANTS_OF = `select p.id, p.synergy_id, p.organization_id, p.flow_id, p.role, p.consent from synergy_participant p
  where p.synergy_id = ${ANY_UUID(1)} order by p.role, p.id`;
export const ORGANIZATIONS_BY_ID = `select o.* from organization o where o.id = ${ANY_UUID(1)}`;
export const SITES_BY_ID = `select s.id, s.organization_id, s.name, s.address, s.postal_code, s.city, s.latitude, s.longitude, s.siret
  from site s where s.id = ${ANY_UUID(1)}`;

/** $1 flows, $2 facilitated territories, $3 member organisations. */
export const FLOW_COMMITMENTS = `select p.flow_id, p.role, count(*)::int as n,
    sum(coalesce((s.explanation -> 'coverage' ->> (case when p.role = 'OUTPUT' then 'output' else 'input' end))::float, 0)) as share
  from synergy_participant p join synergy s on s.id = p.synergy_id
  where p.flow_id = ${ANY_UUID(1)} and p.role in ('OUTPUT', 'INPUT') and s.kind = 'SUBSTITUTION' and s.current
    and s.status in ('SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED')
    and (s.territory_id = ${ANY_UUID(2)} or exists (select 1 from synergy_participant mine
          where mine.synergy_id = s.id and mine.organization_id = ${ANY_UUID(3)}))
  group by p.flow_id, p.role`;

/** $1 and $2 the site: its organisation and territory chain (the product's declareFlow reads them in this one statement). */
export const SITE_WITH_ORGANIZATION = `with recursive chain (id, parent_id, depth) as (
    select t.id, t.parent_id, 0 from site s join organization o on o.id = s.organization_id join territory t on t.id = o.territory_id
     where s.id = $1
    union all
    select t.id, t.parent_id, c.depth + 1 from chain c join territory t on t.id = c.parent_id where c.depth < 64)
  select s.id, s.organization_id, o.territory_id, (select json_agg(c.id order by c.depth) from chain c) as territory_chain
    from site s join organization o on o.id = s.organization_id where s.id = $2`;

/** Inserted and read back in one statement, as the product's declareFlow does (flow/flow-insert.ts). */
export const INSERT_FLOW = `insert into resource_flow as f (id, created_at, updated_at, site_id, organization_id, territory_id, direction,
  category, label, description, ewc_code, need_code, hazardous, quantity, unit, period, yearly_quantity, physical_form,
  temperature_c, available_months, visibility, status, current_destination, yearly_cost_eur, heat_supply,
  heat_supply_efficiency, heat_network_name, heat_network_co2_g_per_kwh, used_share_today)
  values ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, 'ACTIVE', $21, $22, null, null, null, null, null)
  returning ${FLOW_COLUMNS}`;

/**
 * The statements the product sends as named prepared statements (db/plain-sql.ts) are prepared here too, so that
 * the database does the same work for both servers and the ratio shows what the Node stack costs.
 */
export const prepared = (name: string, text: string, values: unknown[]) => ({ name: `baseline_${name}`, text, values });

export const list = (ids: Iterable<string>) => [...ids].join(',');

export type Db = pg.Pool;
