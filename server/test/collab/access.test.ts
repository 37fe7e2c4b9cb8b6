import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TestApp, type As } from '../harness.js';
import { frameType, openPlan, planProject, storedDocument, synced, SYNC_STATUS, until, type PlanClient, type PlanProject } from './collab-harness.js';
import { otherTerritoryFacilitator } from '../attacks/sockets.js';

/**
 * Issue 9, item 2, through WS /collab: the project's policy decides who opens its plan and who only reads; a
 * read-only connection's updates are dropped (never applied, relayed nor stored); losing access or a credential
 * closes the socket within a second.
 */
describe('who may open a plan', () => {
  let t: TestApp;
  let p: PlanProject;
  let stranger: As;
  let otherCompany: As;
  let otherFacilitator: As;
  const clients: PlanClient[] = [];
  const open = (as: As, name = p.documentName, options?: { reconnect?: boolean }) => {
    const c = openPlan(t.url, name, as, options);
    clients.push(c);
    return c;
  };
  const refused = (c: PlanClient) => until(() => c.authFailures.length > 0, 'the document to be refused');
  /** Adds an action as a browser does (a Y.Map in the `actions` array): the API reads those. */
  const pushAction = (c: PlanClient, id: string) => c.doc.getArray('actions').push([new Y.Map<unknown>(Object.entries({ id, title: id, status: 'TODO' }))]);
  /** The plan's action ids as the API reads them from the live document (the territory's facilitator reads every plan). */
  const actionsThroughApi = async (): Promise<string[]> =>
    (await t.gql(`query($p: ID!) { project(id: $p) { plan { actions { id } } } }`, { p: p.projectId }, p.facilitator)).data!.project.plan.actions.map((a: { id: string }) => a.id);

  async function signUp(email: string, name: string): Promise<As> {
    const res = await t.gql(`mutation($e: String!, $n: String!) { signUp(input: {email: $e, password: "un-long-mot-de-passe", name: $n}) { viewer { id } } }`, { e: email, n: name });
    expect(res.errors).toBeUndefined();
    return t.logIn(email, 'un-long-mot-de-passe');
  }

  beforeAll(async () => {
    t = await TestApp.start();
    p = await planProject(t, 'Plan confidentiel');
    stranger = await signUp('curieux@exemple.fr', 'Curieux');
    otherCompany = await signUp('dir@concurrent.fr', 'Concurrent');
    const fensch = (await t.gql(`{ territories { id name } }`, {}, p.steel)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const created = await t.gql(`mutation($t: ID!) { createOrganization(input: {territoryId: $t, name: "Concurrent SA", kind: COMPANY}) { id } }`, { t: fensch }, otherCompany);
    expect(created.errors).toBeUndefined();
    otherFacilitator = (await otherTerritoryFacilitator(t, 'animateur@pays-haut.fr')).as;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.stop();
  });

  it('refuses a visitor, a stranger, another company and a facilitator of another territory, alike', async () => {
    const outsiders = [undefined, stranger, otherCompany, otherFacilitator].map((as) => open(as, p.documentName, { reconnect: false }));
    await Promise.all(outsiders.map(refused));
    expect(outsiders.map((c) => c.authFailures[0])).toEqual(['Sign in first.', 'Document not found.', 'Document not found.', 'Document not found.']);
    expect(outsiders.every((c) => c.text.toString() === '' && !c.provider.isSynced)).toBe(true);
    const missing = open(p.steel, 'project-plan:00000000-0000-4000-8000-000000000000', { reconnect: false });
    await refused(missing);
    expect(missing.authFailures).toEqual(['Document not found.']);
  });

  it('closes the socket on a malformed name or an unknown kind', async () => {
    for (const name of ['project-plan:not-a-uuid', 'workshop-board:00000000-0000-4000-8000-000000000000', '../etc/passwd']) {
      const c = open(p.steel, name, { reconnect: false });
      await until(() => c.closes.length > 0, `the socket to close for ${name}`);
      expect(c.closes[0]).toBe(4400);
    }
  });

  it("drops an observer's edits: never applied, relayed nor stored", async () => {
    const writer = open(p.steel);
    const observer = open(p.authority);
    await Promise.all([synced(writer), synced(observer)]);
    writer.text.insert(0, 'avant ');
    await until(() => observer.text.toString().includes('avant'), 'the observer to see the writer');

    const before = observer.received.length;
    observer.text.insert(0, 'SECRET-OBSERVATEUR ');
    pushAction(observer, 'action-secrete-observateur');
    // The server answers each update: "not applied" (false) is its word that it dropped this one.
    await until(
      () => observer.received.slice(before).some((f) => { const { type, rest } = frameType(f); return type === SYNC_STATUS && rest[0] === 0; }),
      'the server to refuse the observer update',
    );
    writer.text.insert(writer.text.length, ' après');
    await until(() => observer.text.toString().includes('après'), 'a later edit to reach the observer');
    expect(writer.text.toString()).not.toContain('SECRET');
    const stored = await storedDocument(t, p.documentName);
    expect(stored.getText('notes').toString()).not.toContain('SECRET');
    expect(stored.getText('notes').toString()).toContain('après');
    // Nor through the API, which reads the live document: the writer's later action is there, the observer's is not.
    pushAction(writer, 'action-du-redacteur');
    await until(async () => (await actionsThroughApi()).includes('action-du-redacteur'), "the writer's action through the API");
    expect(await actionsThroughApi()).not.toContain('action-secrete-observateur');
    expect(writer.doc.getArray('actions').toJSON().map((a: { id: string }) => a.id)).not.toContain('action-secrete-observateur');
  });

  it('closes a removed participant within a second, and its reconnection is refused', async () => {
    const partner = open(p.joinery);
    const lead = open(p.steel);
    await Promise.all([synced(partner), synced(lead)]);
    const res = await t.gql(`mutation($p: ID!, $o: ID!) { removeProjectParticipant(projectId: $p, organizationId: $o) { id } }`, { p: p.projectId, o: p.org.joinery }, p.steel);
    expect(res.errors).toBeUndefined();
    const removedAt = Date.now();
    await until(() => partner.closes.includes(4403), 'the removed partner to be closed', 1000);
    expect(Date.now() - removedAt).toBeLessThan(1000);
    await refused(partner);
    expect(partner.authFailures).toEqual(['Document not found.']);
    expect(lead.closes).toEqual([]);
    partner.text.insert(0, 'ÉCRIT-APRÈS-RETRAIT ');
    pushAction(partner, 'action-apres-retrait');
    lead.text.insert(0, 'le chef ');
    pushAction(lead, 'action-du-chef');
    await until(async () => (await storedDocument(t, p.documentName)).getText('notes').toString().includes('le chef'), 'the lead edit stored');
    expect((await storedDocument(t, p.documentName)).getText('notes').toString()).not.toContain('RETRAIT');
    // Anywhere: not at the lead's open client, not through the API.
    await until(async () => (await actionsThroughApi()).includes('action-du-chef'), "the lead's action through the API");
    expect(await actionsThroughApi()).not.toContain('action-apres-retrait');
    expect(lead.text.toString()).toContain('le chef');
    expect(lead.text.toString()).not.toContain('RETRAIT');
  });

  it('closes a connection whose API token is revoked, and refuses the token afterwards', async () => {
    const created = await t.gql(`mutation { createApiToken(name: "intégration") { token apiToken { id } } }`, {}, p.steel);
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    const integrator = open({ token });
    await synced(integrator);
    expect((await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: apiToken.id }, p.steel)).errors).toBeUndefined();
    await until(() => integrator.closes.includes(4401), 'the revoked token connection to be closed', 1000);
    await refused(integrator);
    expect(integrator.authFailures).toEqual(['Sign in first.']);
  });
});
