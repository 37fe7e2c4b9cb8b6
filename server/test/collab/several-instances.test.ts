import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collect, TestApp } from '../harness.js';
import { openPlan, planProject, storedDocument, synced, until, type PlanClient, type PlanProject } from './collab-harness.js';

/**
 * Issue 9, item 6: two instances sharing PostgreSQL and Redis serve one plan as one (Hocuspocus' Redis extension
 * relays updates and presence; each instance logs what its own clients send), and removing a participant closes
 * its connection on the other instance too. Needs DATABASE_URL and REDIS_URL.
 */
const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

describe.runIf(enabled)('a plan served by two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let p: PlanProject;
  const clients: PlanClient[] = [];
  const open = (t: TestApp, as: PlanProject['steel']) => {
    const c = openPlan(t.url, p.documentName, as);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    a = await TestApp.start({ redisUrl: process.env.REDIS_URL });
    b = await TestApp.start({ redisUrl: process.env.REDIS_URL, sharing: a, seedDemo: false });
    p = await planProject(a, 'Plan sur deux instances');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await b?.stop();
    await a?.stop();
  });

  it('clients on two instances converge, and the store holds both sides', async () => {
    const onA = open(a, p.steel);
    const onB = open(b, p.joinery);
    await Promise.all([synced(onA), synced(onB)]);
    onA.text.insert(0, '[par A]');
    onB.text.insert(0, '[par B]');
    await until(() => [onA, onB].every((c) => c.text.toString().includes('[par A]') && c.text.toString().includes('[par B]')), 'both edits on both instances');
    expect(onA.text.toString()).toBe(onB.text.toString());
    await until(() => !onA.provider.hasUnsyncedChanges && !onB.provider.hasUnsyncedChanges, 'both edits acknowledged');
    // Each instance logged its own client's edit: the shared store holds both.
    await b.app.collab.log.drain();
    expect((await storedDocument(a, p.documentName)).getText('notes').toString()).toBe(onA.text.toString());
  });

  it('a server-side update made on one instance reaches a client of the other', async () => {
    const onB = open(b, p.steel);
    await synced(onB);
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(onB.doc));
    const before = Y.encodeStateVector(scratch);
    scratch.getArray<string>('actions').push(['ajoutée par l’API']);
    await a.app.collab.appendServerUpdate(p.documentName, Y.encodeStateAsUpdate(scratch, before), null);
    await until(() => onB.doc.getArray('actions').toArray().includes('ajoutée par l’API'), 'the server update at the client of B');
    expect((await storedDocument(a, p.documentName)).getArray('actions').toArray()).toContain('ajoutée par l’API');
  });

  it('planChanged on one instance tells, once each, a browser edit and an API change made through the other', async () => {
    const ws = a.wsClient(p.authority);
    const events = collect<any>(ws, `subscription($p: ID!) { planChanged(projectId: $p) { actions { added changed } authors { organization { id } } plan { summary } } }`, { p: p.projectId });
    const summary = (marker: string) => b.gql(`mutation($p: ID!, $s: String!) { setPlanSummary(projectId: $p, summary: $s) { summary } }`, { p: p.projectId, s: marker }, p.steel);
    await events.live(summary);
    const onB = open(b, p.joinery);
    await synced(onB);
    onB.doc.getArray('actions').push([new Y.Map<unknown>(Object.entries({ id: 'depuis-b', title: 'Écrit sur B', status: 'TODO' }))]);
    const added = await b.gql(`mutation($p: ID!) { addPlanAction(projectId: $p, input: {title: "API sur B"}) { actions { id title } } }`, { p: p.projectId }, p.steel);
    const apiId = added.data!.addPlanAction.actions.find((x: any) => x.title === 'API sur B').id;
    // Both changes are told; events published on two paths (the browser's batch, the API's transaction) may reach
    // the subscriber in either order, so each is awaited, then a sentinel proves no second telling of either.
    const addedSoFar = () => events.events.flatMap((e: any) => e.data.planChanged.actions.added as string[]);
    await until(() => addedSoFar().includes('depuis-b') && addedSoFar().includes(apiId), 'both changes told on A');
    const sentinel = await events.before((marker) => summary(marker));
    const addedIds = sentinel.flatMap((e) => e.data.planChanged.actions.added);
    expect(addedIds.sort()).toEqual(['depuis-b', apiId].sort());
    const byBrowser = sentinel.find((e) => e.data.planChanged.actions.added.includes('depuis-b'))!;
    expect(byBrowser.data.planChanged.authors).toEqual([{ organization: { id: p.org.joinery } }]);
    await ws.dispose();
  });

  it('removing a participant through one instance closes its connection on the other within a second', async () => {
    const partnerOnB = open(b, p.joinery);
    await synced(partnerOnB);
    const res = await a.gql(`mutation($p: ID!, $o: ID!) { removeProjectParticipant(projectId: $p, organizationId: $o) { id } }`, { p: p.projectId, o: p.org.joinery }, p.steel);
    expect(res.errors).toBeUndefined();
    await until(() => partnerOnB.closes.includes(4403), 'the partner on B to be closed', 1000);
    await until(() => partnerOnB.authFailures.length > 0, 'its reconnection to be refused');
    expect(partnerOnB.authFailures[0]).toBe('Document not found.');
    // What it writes afterwards appears nowhere: not at the lead on A, not in the store, not through B's API.
    const leadOnA = open(a, p.steel);
    await synced(leadOnA);
    const push = (c: PlanClient, id: string) => c.doc.getArray('actions').push([new Y.Map<unknown>(Object.entries({ id, title: id, status: 'TODO' }))]);
    partnerOnB.text.insert(0, 'ÉCRIT-APRÈS-RETRAIT-SUR-B ');
    push(partnerOnB, 'apres-retrait-sur-b');
    leadOnA.text.insert(0, 'sentinelle du chef ');
    push(leadOnA, 'sentinelle-du-chef');
    const actionsOnB = async (): Promise<string[]> =>
      (await b.gql(`query($p: ID!) { project(id: $p) { plan { actions { id } } } }`, { p: p.projectId }, p.steel)).data!.project.plan.actions.map((x: { id: string }) => x.id);
    await until(async () => (await actionsOnB()).includes('sentinelle-du-chef'), "the lead's action through B's API");
    await until(async () => (await storedDocument(a, p.documentName)).getText('notes').toString().includes('sentinelle du chef'), 'the lead edit stored');
    expect(await actionsOnB()).not.toContain('apres-retrait-sur-b');
    expect(leadOnA.text.toString()).not.toContain('RETRAIT');
    expect((await storedDocument(a, p.documentName)).getText('notes').toString()).not.toContain('RETRAIT');
  });
});
