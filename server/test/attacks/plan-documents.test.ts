import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { fromGlobalId } from '../../src/graphql/global-id.js';
import { planDocumentName } from '../../src/project/plan-document.port.js';
import { openPlan, storedDocument, synced, until, type PlanClient } from '../collab/collab-harness.js';
import { TestApp, type As } from '../harness.js';

/**
 * Issue 8, "the confidentiality matrix covers projects' documents": every attacker of the matrix against a
 * project's live plan (`project-plan:<id>` over WS /collab, through a real @hocuspocus/provider). What
 * test/collab/access.test.ts already proves (a visitor, an organisation waiting for approval, a facilitator of
 * another territory, a missing project, malformed names, an observer's dropped edits, a removed participant, a
 * revoked API token) is not repeated; this file adds the roles it lacks: an approved member of another company of
 * the same territory, a stranger who just signed up, an invited organisation that has not answered, an
 * organisation that declined, and an ended session on an open socket. Each is refused the way a missing project
 * is, and nothing of the plan reaches it.
 */
describe('the live plan against the confidentiality matrix', () => {
  let t: TestApp;
  let documentName: string;
  let lead: As;
  let pendingInvitee: As;
  let declined: As;
  let otherCompany: As;
  let stranger: As;
  const clients: PlanClient[] = [];
  const open = (as: As, options?: { reconnect?: boolean }) => {
    const c = openPlan(t.url, documentName, as, options);
    clients.push(c);
    return c;
  };
  const q = async (as: As, query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, as);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const organizationOf = async (as: As) => (await q(as, `{ viewer { memberships { organization { id } } } }`)).viewer.memberships[0].organization.id as string;

  async function signUp(email: string): Promise<As> {
    await q(undefined, `mutation($e: String!) { signUp(input: {email: $e, password: "un-long-mot-de-passe", name: "Essai"}) { viewer { id } } }`, { e: email });
    return t.logIn(email, 'un-long-mot-de-passe');
  }

  beforeAll(async () => {
    t = await TestApp.start();
    const facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    [lead, pendingInvitee, declined] = await Promise.all([DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember, DEMO_ACCOUNTS.authorityMember].map((a) => t.logIn(a.email)));
    const fensch = (await q(lead, `{ territories { id name } }`)).territories.find((x: any) => x.name === 'Val de Fensch').id;
    const created = await q(facilitator, `mutation($t: ID!, $l: ID!) { createProject(input: {title: "Plan à protéger", territoryId: $t, leadOrganizationId: $l}) { id } }`, {
      t: fensch,
      l: await organizationOf(lead),
    });
    const projectId = created.createProject.id as string;
    documentName = planDocumentName(fromGlobalId(projectId)!.id);
    await q(lead, `mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: true) { id } }`, { p: projectId });
    for (const [as, role] of [[pendingInvitee, 'PARTNER'], [declined, 'OBSERVER']] as const) {
      await q(lead, `mutation($p: ID!, $o: ID!, $r: ProjectRole!) { inviteToProject(projectId: $p, organizationId: $o, role: $r) { id } }`, { p: projectId, o: await organizationOf(as), r: role });
    }
    await q(declined, `mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: false) { id } }`, { p: projectId });
    // Another company of the same territory, approved by the facilitator: a full member of the network.
    otherCompany = await signUp('direction@concurrent.fr');
    const org = await q(otherCompany, `mutation($t: ID!) { createOrganization(input: {territoryId: $t, name: "Concurrent SA", kind: COMPANY}) { id } }`, { t: fensch });
    await q(facilitator, `mutation($id: ID!) { approveOrganization(id: $id) { approval } }`, { id: org.createOrganization.id });
    stranger = await signUp('curieuse@exemple.fr');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.stop();
  });

  it('refuses another company, a stranger, a pending invitee and an organisation that declined, as if the plan did not exist', async () => {
    const writer = open(lead);
    await synced(writer);
    writer.text.insert(0, 'CONFIDENTIEL ');
    await until(async () => (await storedDocument(t, documentName)).getText('notes').toString().includes('CONFIDENTIEL'), 'the lead edit stored');

    const outsiders = [otherCompany, stranger, pendingInvitee, declined].map((as) => open(as, { reconnect: false }));
    await Promise.all(outsiders.map((c) => until(() => c.authFailures.length > 0, 'the plan to be refused')));
    const missing = openPlan(t.url, planDocumentName('00000000-0000-4000-8000-000000000000'), otherCompany, { reconnect: false });
    clients.push(missing);
    await until(() => missing.authFailures.length > 0, 'a missing plan to be refused');
    // The same answer for each, and the same as for a project that does not exist.
    expect(outsiders.map((c) => c.authFailures[0])).toEqual(Array(4).fill(missing.authFailures[0]));
    expect(missing.authFailures[0]).toBe('Document not found.');
    for (const c of outsiders) {
      expect(c.text.toString()).toBe('');
      expect(c.provider.isSynced).toBe(false);
      const bytes = c.received.reduce((n, f) => n + f.length, 0);
      expect(Buffer.concat(c.received.map((f) => Buffer.from(f))).includes(Buffer.from('CONFIDENTIEL'))).toBe(false);
      expect(bytes).toBeLessThan(200);
    }
  });

  it('an ended session (logOut) closes its open plan within a second, and the reconnection is refused', async () => {
    const session = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const reader = open(session);
    const bystander = open(lead);
    await Promise.all([synced(reader), synced(bystander)]);
    const asked = Date.now();
    await q(session, `mutation { logOut }`);
    await until(() => reader.closes.includes(4401), 'the ended session’s plan to close', 1000);
    expect(Date.now() - asked).toBeLessThan(1000);
    await until(() => reader.authFailures.length > 0, 'the reconnection to be refused');
    expect(reader.authFailures[0]).toBe('Sign in first.');
    expect(bystander.closes).toEqual([]);
    bystander.text.insert(0, 'après la déconnexion ');
    await until(async () => (await storedDocument(t, documentName)).getText('notes').toString().includes('après la déconnexion'), 'the bystander edit stored');
    expect(reader.text.toString()).not.toContain('après la déconnexion');
  });
});
