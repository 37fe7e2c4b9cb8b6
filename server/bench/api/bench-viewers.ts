import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_INTEGRATOR_TOKEN, DEMO_PASSWORD } from '../../src/demo/demo-accounts.js';
import { toGlobalId } from '../../src/graphql/global-id.js';

/** Request headers of one viewer: a session cookie (browser) or a bearer token (integrator). */
export type ViewerHeaders = Record<string, string>;

export interface BenchViewers {
  integrator: ViewerHeaders;
  facilitator: ViewerHeaders;
  member: ViewerHeaders;
  /** A TERRITORY flow of another organisation than the member's: its node is anonymous to the member. */
  otherFlowId: string;
  /** A site of the member's organisation, where it declares flows. */
  memberSiteId: string;
}

export async function postGraphQL(url: string, query: string, variables: Record<string, unknown>, headers: ViewerHeaders = {}) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown[] }, setCookie: res.headers.get('set-cookie') };
}

/** Logs the demo accounts in through the product (sessions are rows both servers read) and picks the ids used. */
export async function benchViewers(productUrl: string, databaseUrl: string): Promise<BenchViewers> {
  const logIn = async (email: string) => {
    const res = await postGraphQL(productUrl, `mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p}) { viewer { email } } }`, { e: email, p: DEMO_PASSWORD });
    if (res.body.errors || !res.setCookie) throw new Error(`log-in of ${email} failed: ${JSON.stringify(res.body.errors)}`);
    return { cookie: res.setCookie.split(';')[0] };
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const member = await client.query(`select o.id from organization o where o.external_ref = $1`, [DEMO_ACCOUNTS.steelMember.organizationRef]);
    const orgId = member.rows[0].id as string;
    const flow = await client.query(
      `select id from resource_flow where visibility = 'TERRITORY' and organization_id <> $1 and status = 'ACTIVE' order by created_at, id limit 1`,
      [orgId],
    );
    const site = await client.query(`select id from site where organization_id = $1 order by name, id limit 1`, [orgId]);
    return {
      integrator: { authorization: `Bearer ${DEMO_INTEGRATOR_TOKEN}` },
      facilitator: await logIn(DEMO_ACCOUNTS.facilitator.email),
      member: await logIn(DEMO_ACCOUNTS.steelMember.email),
      otherFlowId: toGlobalId('ResourceFlow', flow.rows[0].id),
      memberSiteId: toGlobalId('Site', site.rows[0].id),
    };
  } finally {
    await client.end();
  }
}
