import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyPlanChange } from '../../src/collab/plan/plan-editor.js';
import { plainTextOfNotes, readPlan } from '../../src/collab/plan/plan-reader.js';
import { planParts } from '../../src/collab/plan/plan-shape.js';
import { compactDocument } from '../../src/collab/store/compaction.js';
import { collect, TestApp, type GraphQLResponse } from '../harness.js';
import { openPlan, planProject, storedDocument, synced, until, type PlanClient, type PlanProject } from './collab-harness.js';

const SAVE = `mutation($p: ID!, $n: String!) { saveProjectPlanVersion(projectId: $p, name: $n) { id name } }`;
const COMPARE = `query($f: ID!, $t: ID) { compareProjectPlanVersions(from: $f, to: $t) {
  from { name } to { name } summaryChanged notesChanged
  actions { added { title } removed { title } changed { before { title status } after { title status } fields } }
  budget { added { label amountEur funder } removed { label } changed { fields } }
  indicators { added { indicator } removed { indicator } changed { fields } }
  fromPlan { summary notesText } toPlan { summary notesText } } }`;
const RESTORE = `mutation($id: ID!) { restoreProjectPlanVersion(id: $id) { summary } }`;
const GET = `query($id: ID!) { projectPlanVersion(id: $id) { name plan { summary notesText actions { title status } budget { label } } } }`;

function addParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  planParts(doc).notes.push([paragraph]);
}

/**
 * Issue 9, item 3 (named versions), through the real server: a version holds the plan's durable state; restoring
 * it is a new change that a connected @hocuspocus/provider client receives at once, that the log keeps (it grows,
 * nothing is rewritten, other versions stay as saved) and that is still there after compaction and a restart.
 */
describe('named versions of a live plan', () => {
  let t: TestApp;
  let restarted: TestApp | undefined;
  let p: PlanProject;
  const clients: PlanClient[] = [];
  const open = (app: TestApp, as: PlanProject['steel']) => {
    const c = openPlan(app.url, p.documentName, as);
    clients.push(c);
    return c;
  };
  const ok = async (res: Promise<GraphQLResponse>) => {
    const r = await res;
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  };
  const logRows = async (app: TestApp) => {
    await app.app.collab.log.drain();
    return (await app.app.orm.em.fork().execute(`select count(*)::int as n from collab_update where document_name = ?`, [p.documentName]))[0].n as number;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    p = await planProject(t, 'Plan à versions');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await restarted?.app.stop();
    await t?.stop();
  });

  let v1: string;
  let v2: string;
  let actionId: string;

  it('saves what every acknowledged edit made the plan, and compares it with a later version and with now', async () => {
    const writer = open(t, p.steel);
    await synced(writer);
    actionId = applyPlanChange(writer.doc, { kind: 'ADD_ACTION', action: { title: 'Étude de faisabilité', ownerOrganizationId: null, dueDate: '2027-03-12', status: 'TODO' } }, null);
    writer.doc.transact(() => {
      planParts(writer.doc).meta.set('summary', 'Valoriser les chutes de bois');
      addParagraph(writer.doc, 'Compte rendu du comité');
    });
    await until(async () => readPlan(await storedDocument(t, p.documentName)).actions.length === 1 && plainTextOfNotes(await storedDocument(t, p.documentName)) !== '', 'the edits stored');
    v1 = (await ok(t.gql(SAVE, { p: p.projectId, n: 'après le comité de pilotage du 12 mars' }, p.steel))).saveProjectPlanVersion.id;

    applyPlanChange(writer.doc, { kind: 'UPDATE_ACTION', id: actionId, fields: { status: 'DONE' } }, null);
    applyPlanChange(writer.doc, { kind: 'ADD_ACTION', action: { title: 'Achat du broyeur', ownerOrganizationId: null, dueDate: null, status: 'TODO' } }, null);
    applyPlanChange(writer.doc, { kind: 'SET_BUDGET_LINE', line: { id: 'broyeur', label: 'Broyeur', amountEur: 48000, funder: 'ADEME' } }, null);
    applyPlanChange(writer.doc, { kind: 'SET_INDICATOR', indicator: { indicator: 'tonnes détournées', unit: 't/an', expected: 120 } }, null);
    writer.doc.transact(() => {
      planParts(writer.doc).meta.set('summary', 'Valoriser les chutes de bois en plaquettes');
      addParagraph(writer.doc, 'Devis reçus');
    });
    await until(async () => readPlan(await storedDocument(t, p.documentName)).indicators.length === 1 && plainTextOfNotes(await storedDocument(t, p.documentName)).includes('Devis'), 'the later edits stored');
    v2 = (await ok(t.gql(SAVE, { p: p.projectId, n: 'devis reçus' }, p.joinery))).saveProjectPlanVersion.id;

    for (const to of [undefined, v2]) {
      const cmp = (await ok(t.gql(COMPARE, { f: v1, t: to }, p.authority))).compareProjectPlanVersions;
      expect(cmp.to).toEqual(to ? { name: 'devis reçus' } : null);
      expect(cmp.actions).toEqual({
        added: [{ title: 'Achat du broyeur' }],
        removed: [],
        changed: [{ before: { title: 'Étude de faisabilité', status: 'TODO' }, after: { title: 'Étude de faisabilité', status: 'DONE' }, fields: ['status'] }],
      });
      expect(cmp.budget).toEqual({ added: [{ label: 'Broyeur', amountEur: 48000, funder: 'ADEME' }], removed: [], changed: [] });
      expect(cmp.indicators).toEqual({ added: [{ indicator: 'tonnes détournées' }], removed: [], changed: [] });
      expect([cmp.summaryChanged, cmp.notesChanged]).toEqual([true, true]);
      expect(cmp.fromPlan).toEqual({ summary: 'Valoriser les chutes de bois', notesText: 'Compte rendu du comité' });
      expect(cmp.toPlan).toEqual({ summary: 'Valoriser les chutes de bois en plaquettes', notesText: 'Compte rendu du comité\nDevis reçus' });
    }
  });

  it('restores a version as a new change: an open client sees it at once, the log grows, the other versions stay as saved', async () => {
    const watcher = open(t, p.joinery);
    await synced(watcher);
    expect(readPlan(watcher.doc).actions).toHaveLength(2);
    const rowsBefore = await logRows(t);

    const restored = await ok(t.gql(`mutation($id: ID!) { restoreProjectPlanVersion(id: $id) { summary notesText actions { title status } budget { label } indicators { indicator } } }`, { id: v1 }, p.steel));
    expect(restored.restoreProjectPlanVersion).toEqual({ summary: 'Valoriser les chutes de bois', notesText: 'Compte rendu du comité', actions: [{ title: 'Étude de faisabilité', status: 'TODO' }], budget: [], indicators: [] });
    await until(() => readPlan(watcher.doc).actions.length === 1, 'the open client to receive the restore');
    expect(readPlan(watcher.doc)).toEqual({ summary: 'Valoriser les chutes de bois', actions: [expect.objectContaining({ id: actionId, title: 'Étude de faisabilité', status: 'TODO' })], budget: [], indicators: [] });
    expect(plainTextOfNotes(watcher.doc)).toBe('Compte rendu du comité');

    // A new change on top of the history, in the restorer's name; nothing before it was rewritten.
    expect(await logRows(t)).toBe(rowsBefore + 1);
    const [last] = await t.app.orm.em.fork().execute(
      `select u.email from collab_update c join app_user u on u.id = c.author_id where c.document_name = ? order by c.seq desc limit 1`,
      [p.documentName],
    );
    expect(last.email).toBe('julien@acier-fensch.demo');
    const later = (await ok(t.gql(GET, { id: v2 }, p.steel))).projectPlanVersion;
    expect(later.plan.actions).toEqual([{ title: 'Étude de faisabilité', status: 'DONE' }, { title: 'Achat du broyeur', status: 'TODO' }]);
    const now = (await ok(t.gql(COMPARE, { f: v1 }, p.steel))).compareProjectPlanVersions;
    expect([now.actions, now.budget, now.summaryChanged, now.notesChanged]).toEqual([{ added: [], removed: [], changed: [] }, { added: [], removed: [], changed: [] }, false, false]);
  });

  it("tells planChanged subscribers what a restore changed, in the restorer's name", async () => {
    const client = t.wsClient(p.authority);
    const events = collect<any>(client, `subscription($p: ID!) { planChanged(projectId: $p) { authors { name } actions { added removed changed } plan { summary actions { title } } } }`, { p: p.projectId });
    await events.live((marker) => ok(t.gql(`mutation($p: ID!, $t: String!) { addPlanAction(projectId: $p, input: {title: $t}) { summary } }`, { p: p.projectId, t: marker }, p.steel)));
    // `live` repeats its probe until one is heard: on a busy machine more than one probe action may be in the plan.
    const before = (await ok(t.gql(`query($p: ID!) { project(id: $p) { plan { actions { title } } } }`, { p: p.projectId }, p.steel))).project.plan.actions;
    const probes = before.filter((a: { title: string }) => a.title.startsWith('probe-')).length;
    expect(probes).toBeGreaterThanOrEqual(1);
    await ok(t.gql(RESTORE, { id: v2 }, p.joinery));
    // The restore's event, after any probe still on its way (events arrive in the order they were published).
    let told: any;
    for (let n = 1; !told && n <= probes + 1; n++) {
      told = (await events.waitFor(n)).map((e: any) => e.data.planChanged).find((e: any) => e.authors.some((a: { name: string }) => a.name === 'Sofia Rossi'));
    }
    expect(told.authors).toEqual([{ name: 'Sofia Rossi' }]);
    // From v1 plus the probes' actions to v2: the purchase is back, the probes' actions gone, the study done.
    expect([told.actions.added.length, told.actions.removed.length, told.actions.changed]).toEqual([1, probes, [actionId]]);
    expect(told.plan.actions.map((a: { title: string }) => a.title)).toEqual(['Étude de faisabilité', 'Achat du broyeur']);
    await client.dispose();
    await ok(t.gql(RESTORE, { id: v1 }, p.steel));
  });

  it('keeps the restore and every version through compaction and a restart of the server', async () => {
    for (const c of clients.splice(0)) c.destroy();
    expect(await compactDocument(t.app.orm.em.fork(), p.documentName)).toBe(true);
    await t.app.stop();
    restarted = await TestApp.start({ sharing: t, seedDemo: false });

    const reader = open(restarted, p.authority);
    await synced(reader);
    expect(readPlan(reader.doc).actions.map((a) => [a.title, a.status])).toEqual([['Étude de faisabilité', 'TODO']]);
    expect(plainTextOfNotes(reader.doc)).toBe('Compte rendu du comité');
    const back = await ok(restarted.gql(`query($p: ID!) { project(id: $p) { planVersions { name } } }`, { p: p.projectId }, p.authority));
    expect(back.project.planVersions).toEqual([{ name: 'devis reçus' }, { name: 'après le comité de pilotage du 12 mars' }]);
    const cmp = (await ok(restarted.gql(COMPARE, { f: v1, t: v2 }, p.authority))).compareProjectPlanVersions;
    expect(cmp.actions.added).toEqual([{ title: 'Achat du broyeur' }]);
  });
});
