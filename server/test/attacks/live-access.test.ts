import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/demo-accounts.js';
import { SOCKET_CLOSE } from '../../src/errors/domain-errors.js';
import { openPlan, planProject, synced, until, type PlanClient, type PlanProject } from '../collab/collab-harness.js';
import { AttackServer, FLOW_CHANGED, RawSocket, untilDelivered, type Credentials } from './sockets.js';

/**
 * Issue 8, items 2 and 4: what a user may see changes on open sockets at once, on every instance. A password
 * change ends the user's other sessions (their graphql-ws and /collab sockets close with 4401); removing a member
 * closes every socket of theirs with 4403 (reconnect: the new connection reads the new rights); approving a member
 * does the same, so that their open subscriptions do not stay a visitor's until they reconnect by chance.
 */
const twoInstances = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const PASSWORD = 'un-long-mot-de-passe';

describe.runIf(twoInstances)('password change, membership removal and approval on open sockets, across two instances', () => {
  let a: AttackServer;
  let b: AttackServer;
  let facilitator: Credentials;
  let fensch: string;
  let publicFlow: string;
  let territoryFlow: string;
  let plan: PlanProject;
  const sockets: RawSocket[] = [];
  const plans: PlanClient[] = [];
  const track = (s: RawSocket) => (sockets.push(s), s);
  const openTracked = (server: AttackServer, as: Credentials) => {
    const c = openPlan(server.url, plan.documentName, as);
    plans.push(c);
    return c;
  };
  const subscribed = async (server: AttackServer, as: Credentials) => {
    const s = track(await RawSocket.connect(server.wsUrl, as));
    s.subscribe('flows', FLOW_CHANGED, { t: fensch });
    return s;
  };
  const updateFlow = (id: string, description: string) =>
    a.gql(`mutation($id: ID!, $d: String!) { updateFlow(id: $id, input: {description: $d}) { id } }`, { id, d: description }, facilitator);
  const described = (s: RawSocket, description: string) => s.of('flows').some((m) => m.payload?.data?.flowChanged?.flow?.description === description);

  async function signUp(server: AttackServer, email: string): Promise<Credentials & { userId: string }> {
    const res = await server.gql(`mutation($e: String!, $p: String!) { signUp(input: {email: $e, password: $p, name: "Nouvelle"}) { viewer { id } } }`, { e: email, p: PASSWORD });
    expect(res.errors).toBeUndefined();
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], userId: res.data!.signUp.viewer.id };
  }
  async function logIn(server: AttackServer, email: string, password: string) {
    const res = await server.gql(`mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p}) { viewer { id } } }`, { e: email, p: password });
    return { errors: res.errors, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
  }

  beforeAll(async () => {
    a = await AttackServer.start({ redisUrl: process.env.REDIS_URL });
    b = await AttackServer.start({ redisUrl: process.env.REDIS_URL, sharing: a, seedDemo: false });
    facilitator = await a.logIn(DEMO_ACCOUNTS.facilitator.email);
    fensch = (await a.gql(`{ territories { id name } }`, {}, facilitator)).data!.territories.find((t: any) => t.name === 'Val de Fensch').id;
    const flows = await a.gql(`query($t: ID!) { flows(first: 100, filter: {territoryId: $t}) { nodes { id visibility } } }`, { t: fensch }, facilitator);
    publicFlow = flows.data!.flows.nodes.find((f: any) => f.visibility === 'PUBLIC').id;
    territoryFlow = flows.data!.flows.nodes.find((f: any) => f.visibility === 'TERRITORY').id;
    // planProject speaks the harness' client; the attack server's answers have the same shape.
    plan = await planProject(a as unknown as Parameters<typeof planProject>[0], 'Plan suivi en direct');
  });
  afterAll(async () => {
    for (const s of sockets) s.dispose();
    for (const c of plans) c.destroy();
    await b?.stop();
    await a?.stop();
  });

  it('changePassword ends the other sessions: their graphql-ws and /collab sockets close on both instances within a second; this session stays', async () => {
    const email = DEMO_ACCOUNTS.authorityMember.email;
    const current = await a.logIn(email);
    const other = await b.logIn(email);
    const keptA = await subscribed(a, current);
    const keptPlan = openTracked(a, current);
    const endedA = await subscribed(a, other);
    const endedB = await subscribed(b, other);
    const endedPlan = openTracked(b, other);
    await Promise.all([synced(keptPlan), synced(endedPlan)]);
    await untilDelivered([keptA, endedA, endedB], 'flows', (i) => updateFlow(publicFlow, `avant le changement (${i})`));

    const asked = performance.now();
    const res = await a.gql(`mutation($c: String!, $n: String!) { changePassword(input: {current: $c, new: $n}) }`, { c: DEMO_PASSWORD, n: PASSWORD }, current);
    expect(res.errors).toBeUndefined();
    const [closedA, closedB] = await Promise.all([endedA.closeWithin(1000), endedB.closeWithin(1000)]);
    expect(closedA).toMatchObject(SOCKET_CLOSE.PASSWORD_CHANGED);
    expect(closedB).toMatchObject(SOCKET_CLOSE.PASSWORD_CHANGED);
    await until(() => endedPlan.closes.includes(SOCKET_CLOSE.PASSWORD_CHANGED.code), 'the other session’s /collab socket to close', 1000);
    const worst = Math.max(closedA!.at, closedB!.at) - asked;
    console.log(`changePassword → other session's sockets closed in ${Math.round(closedA!.at - asked)} ms (A), ${Math.round(closedB!.at - asked)} ms (B)`);
    expect(worst).toBeLessThan(1000);

    expect(keptA.open).toBe(true);
    expect(keptPlan.closes).toEqual([]);
    keptA.subscribe('viewer', `{ viewer { email } }`);
    expect((await keptA.waitFor((m) => m.id === 'viewer' && m.type === 'next')).payload.data.viewer.email).toBe(email);
    const again = track(await RawSocket.connect(b.wsUrl, other));
    again.subscribe('viewer', `{ viewer { email } }`);
    expect((await again.waitFor((m) => m.id === 'viewer')).payload.data.viewer).toBeNull();
    expect((await logIn(b, email, DEMO_PASSWORD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await logIn(b, email, PASSWORD)).errors).toBeUndefined();
  });

  it('changePassword checks the current password under the log-in throttle, and refuses API tokens', async () => {
    const user = await signUp(a, 'devine@exemple.fr');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).gql(`mutation { changePassword(input: {current: "pas-le-bon-${i}", new: "un-autre-mot-de-passe"}) }`, {}, user)),
    );
    const codes = answers.map((r) => r.errors?.[0]?.extensions?.code);
    console.log(`12 parallel wrong current passwords: ${codes.filter((c) => c === 'BAD_USER_INPUT').length} checked, ${codes.filter((c) => c === 'RATE_LIMITED').length} RATE_LIMITED`);
    expect(codes.every((c) => c === 'BAD_USER_INPUT' || c === 'RATE_LIMITED')).toBe(true);
    expect(codes.filter((c) => c === 'BAD_USER_INPUT').length).toBeLessThanOrEqual(6);

    const member = await a.logIn(DEMO_ACCOUNTS.steelMember.email);
    const { token } = await a.createApiToken(member);
    const withToken = await a.gql(`mutation($c: String!) { changePassword(input: {current: $c, new: "un-autre-mot-de-passe"}) }`, { c: DEMO_PASSWORD }, { token });
    expect(withToken.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await logIn(a, DEMO_ACCOUNTS.steelMember.email, DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('approving a member closes their open sockets on both instances (4403); reconnected, they see what members see', async () => {
    const newcomer = await signUp(a, 'recrue@acier-fensch.fr');
    const steelOrg = plan.org.steel;
    const asked = await a.gql(`mutation($o: ID!) { requestMembership(organizationId: $o) { id } }`, { o: steelOrg }, newcomer);
    expect(asked.errors).toBeUndefined();
    const onA = await subscribed(a, newcomer);
    const onB = await subscribed(b, newcomer);
    await untilDelivered([onA, onB], 'flows', (i) => updateFlow(publicFlow, `visible de tous (${i})`));
    // Before approval: a visitor's view. The TERRITORY change, then a PUBLIC sentinel; only the sentinel arrives.
    await updateFlow(territoryFlow, 'réservé aux membres (avant)');
    await updateFlow(publicFlow, 'sentinelle (avant)');
    await onB.waitFor((m) => m.payload?.data?.flowChanged?.flow?.description === 'sentinelle (avant)');
    expect(described(onB, 'réservé aux membres (avant)')).toBe(false);

    const approvedAt = performance.now();
    const approved = await b.gql(`mutation($id: ID!) { approveMembership(id: $id) { approval } }`, { id: asked.data!.requestMembership.id }, facilitator);
    expect(approved.errors).toBeUndefined();
    const [closedA, closedB] = await Promise.all([onA.closeWithin(1000), onB.closeWithin(1000)]);
    expect(closedA).toMatchObject(SOCKET_CLOSE.ACCESS_CHANGED);
    expect(closedB).toMatchObject(SOCKET_CLOSE.ACCESS_CHANGED);
    console.log(`approveMembership → newcomer's sockets closed in ${Math.round(closedA!.at - approvedAt)} ms (A), ${Math.round(closedB!.at - approvedAt)} ms (B)`);
    expect(Math.max(closedA!.at, closedB!.at) - approvedAt).toBeLessThan(1000);

    const reconnected = await subscribed(a, newcomer);
    await untilDelivered([reconnected], 'flows', (i) => updateFlow(territoryFlow, `réservé aux membres (après, ${i})`));
    expect(reconnected.of('flows').some((m) => m.payload?.data?.flowChanged?.flow?.description?.startsWith('réservé aux membres (après'))).toBe(true);
  });

  it('removeMembership: outsiders get NOT_FOUND; a facilitator removes a member, whose graphql-ws and /collab sockets close on both instances', async () => {
    const joinery = await a.logIn(DEMO_ACCOUNTS.joineryMember.email);
    const joineryUser = (await a.gql(`{ viewer { id } }`, {}, joinery)).data!.viewer.id;
    const remove = (server: AttackServer, as: Credentials) =>
      server.gql(`mutation($o: ID!, $u: ID!) { removeMembership(organizationId: $o, userId: $u) }`, { o: plan.org.joinery, u: joineryUser }, as);
    // Another company's admin, a stranger, the member of another organisation: NOT_FOUND, nothing removed.
    const stranger = await signUp(b, 'etranger@exemple.fr');
    for (const as of [plan.steel!, stranger, {}]) {
      const code = (await remove(a, as)).errors?.[0]?.extensions?.code;
      expect(['NOT_FOUND', 'UNAUTHENTICATED']).toContain(code);
    }
    const graphqlOnA = await subscribed(a, joinery);
    const collabOnB = openTracked(b, joinery);
    await synced(collabOnB);
    await untilDelivered([graphqlOnA], 'flows', (i) => updateFlow(publicFlow, `avant le retrait (${i})`));

    const asked = performance.now();
    expect((await remove(b, facilitator)).errors).toBeUndefined();
    const closed = await graphqlOnA.closeWithin(1000);
    expect(closed).toMatchObject(SOCKET_CLOSE.ACCESS_CHANGED);
    await until(() => collabOnB.closes.includes(SOCKET_CLOSE.ACCESS_CHANGED.code), 'the removed member’s /collab socket to close', 1000);
    console.log(`removeMembership → sockets closed in ${Math.round(closed!.at - asked)} ms (graphql-ws on A), /collab on B within 1 s`);
    expect(closed!.at - asked).toBeLessThan(1000);
    // The provider reconnects (4403 invites it to) and is refused: the user no longer belongs to a participant.
    await until(() => collabOnB.authFailures.length > 0, 'the reconnection to be refused');
    expect(collabOnB.authFailures[0]).toBe('Document not found.');
    expect((await a.gql(`{ viewer { memberships { organization { id } } } }`, {}, joinery)).data!.viewer.memberships).toEqual([]);
    expect((await remove(a, facilitator)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
