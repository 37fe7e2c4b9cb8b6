import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { TestApp, type As } from './harness.js';

/** Joining by invitation link, through the real server: who may invite, what the link does, once. */

let t: TestApp;
let facilitator: As;
let steelOrg: string;
let joineryOrg: string;

const INVITE = `mutation($o: ID!, $e: String!, $r: MembershipRole) { inviteToOrganization(organizationId: $o, email: $e, role: $r) { path email expiresAt } }`;
const PREVIEW = `query($t: String!) { invitation(token: $t) { organizationName email accountExists } }`;
const ACCEPT = `mutation($t: String!, $n: String!, $p: String!) { acceptInvitation(input: {token: $t, name: $n, password: $p}) { viewer { email name } } }`;
const MEMBERSHIPS = `{ viewer { memberships { role organization { id name } } } }`;

const tokenOf = (path: string) => path.replace('/#/join/', '');

beforeAll(async () => {
  t = await TestApp.start();
  facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
  const orgs = await t.gql(`{ organizations(first: 100) { nodes { id name } } }`, {}, facilitator);
  const byName = (prefix: string) => orgs.data!.organizations.nodes.find((o: { name: string }) => o.name.startsWith(prefix)).id;
  steelOrg = byName('Aciéries');
  joineryOrg = byName('Menuiserie');
});

afterAll(async () => {
  await t?.stop();
});

describe('joining by invitation link', () => {
  it("makes the invited person's account and approved membership, signs them in, and works once", async () => {
    const invited = await t.gql(INVITE, { o: steelOrg, e: ' Nouvelle.Recrue@Acier-Fensch.demo ', r: 'MEMBER' }, facilitator);
    expect(invited.errors).toBeUndefined();
    const { path, email } = invited.data!.inviteToOrganization;
    expect(email).toBe('nouvelle.recrue@acier-fensch.demo');
    expect(path).toMatch(/^\/#\/join\/fe2i_i_[\w-]{40,}$/);
    const token = tokenOf(path);

    const preview = await t.gql(PREVIEW, { t: token });
    expect(preview.data!.invitation).toEqual({ organizationName: expect.stringMatching(/^Aciéries/), email, accountExists: false });

    const short = await t.gql(ACCEPT, { t: token, n: 'Nora Recrue', p: 'court' });
    expect(short.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const joined = await t.gql(ACCEPT, { t: token, n: 'Nora Recrue', p: 'recrue-secret-2026' });
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.acceptInvitation.viewer).toEqual({ email, name: 'Nora Recrue' });
    const cookie = { cookie: (joined.headers.get('set-cookie') ?? '').split(';')[0] };
    const mine = await t.gql(MEMBERSHIPS, {}, cookie);
    expect(mine.data!.viewer.memberships).toEqual([{ role: 'MEMBER', organization: { id: steelOrg, name: expect.stringMatching(/^Aciéries/) } }]);

    // Logs in with the password set through the link; the link itself is spent.
    await t.logIn(email, 'recrue-secret-2026');
    expect((await t.gql(ACCEPT, { t: token, n: 'Autre', p: 'autre-secret-2026' })).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(PREVIEW, { t: token })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it("joins an existing account only with that account's password", async () => {
    const invited = await t.gql(INVITE, { o: joineryOrg, e: DEMO_ACCOUNTS.steelMember.email }, facilitator);
    const token = tokenOf(invited.data!.inviteToOrganization.path);
    expect((await t.gql(PREVIEW, { t: token })).data!.invitation.accountExists).toBe(true);
    expect((await t.gql(ACCEPT, { t: token, n: 'x', p: 'pas-le-bon-mot' })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const joined = await t.gql(ACCEPT, { t: token, n: 'ignored', p: 'valolab-demo-2026' });
    expect(joined.errors).toBeUndefined();
    const cookie = { cookie: (joined.headers.get('set-cookie') ?? '').split(';')[0] };
    const ids = (await t.gql(MEMBERSHIPS, {}, cookie)).data!.viewer.memberships.map((m: { organization: { id: string } }) => m.organization.id);
    expect(ids).toEqual(expect.arrayContaining([steelOrg, joineryOrg]));
  });

  it('is refused to those who do not manage the members, and to a forged link, changing nothing', async () => {
    const count = async () => (await t.app.orm.em.fork().execute(`select count(*)::int as n from invitation`))[0].n as number;
    const before = await count();
    const joinery = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    // The joinery's member (not the steelworks' admin) and a stranger who just signed up: as if the organisation did not exist.
    expect((await t.gql(INVITE, { o: steelOrg, e: 'ami@exemple.fr' }, joinery)).errors![0].extensions!.code).toBe('NOT_FOUND');
    await t.gql(`mutation { signUp(input: {email: "intrus@exemple.fr", password: "intrus-secret-1", name: "Intrus"}) { viewer { id } } }`);
    const stranger = await t.logIn('intrus@exemple.fr', 'intrus-secret-1');
    expect((await t.gql(INVITE, { o: steelOrg, e: 'ami@exemple.fr' }, stranger)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(INVITE, { o: steelOrg, e: 'ami@exemple.fr' })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(INVITE, { o: steelOrg, e: 'pas une adresse' }, facilitator)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    expect((await t.gql(PREVIEW, { t: 'fe2i_i_forged' })).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(ACCEPT, { t: 'fe2i_i_forged', n: 'x', p: 'forged-secret-1' })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
