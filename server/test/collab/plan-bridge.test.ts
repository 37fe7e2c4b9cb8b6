import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPlan } from '../../src/collab/plan/plan-reader.js';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { collect, TestApp, type As } from '../harness.js';
import { openPlan, planProject, storedDocument, synced, until, type PlanClient, type PlanProject } from './collab-harness.js';

const PLAN = `summary notesText actions { id title ownerOrganization { id name } dueDate status } budget { id label amountEur funder } indicators { indicator unit expected }`;
const PLAN_CHANGED = `subscription($p: ID!) { planChanged(projectId: $p) { projectId changedParts authors { name organization { id name } isYou }
  actions { added removed changed } budget { added removed changed } indicators { added removed changed } plan { summary actions { id title } } } }`;

/**
 * Issue 9, item 4: the plan's GraphQL bridge over the live document. An integrator's mutation appears at once in an
 * open editor (a @hocuspocus/provider client on /collab), an editor's change appears in `project.plan`, and
 * planChanged tells who changed what from either side.
 */
describe('the plan between the API and the live document', () => {
  let t: TestApp;
  let p: PlanProject;
  let integrator: As;
  const clients: PlanClient[] = [];
  const open = (as: As) => {
    const c = openPlan(t.url, p.documentName, as);
    clients.push(c);
    return c;
  };
  const gql = async (as: As, query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, as);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const summaryProbe = (as: As) => (marker: string) => gql(as, `mutation($p: ID!, $s: String!) { setPlanSummary(projectId: $p, summary: $s) { summary } }`, { p: p.projectId, s: marker });

  beforeAll(async () => {
    t = await TestApp.start();
    p = await planProject(t, 'Plan partagé');
    const created = await gql(p.steel, `mutation { createApiToken(name: "ERP des Aciéries") { token } }`);
    integrator = { token: created.createApiToken.token };
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.stop();
  });

  it("shows an integrator's addPlanAction in an open editor at once, and tells planChanged subscribers who did it", async () => {
    const editor = open(p.joinery);
    await synced(editor);
    const ws = t.wsClient(p.authority);
    const events = collect<any>(ws, PLAN_CHANGED, { p: p.projectId });
    await events.live(summaryProbe(p.steel));

    const added = await gql(
      integrator,
      `mutation($p: ID!, $o: ID!) { addPlanAction(projectId: $p, input: {title: "Mesurer les fumées", ownerOrganizationId: $o, dueDate: "2027-02-15", status: IN_PROGRESS}) { ${PLAN} } }`,
      { p: p.projectId, o: p.org.steel },
    );
    const action = added.addPlanAction.actions.find((a: any) => a.title === 'Mesurer les fumées');
    expect(action).toMatchObject({ dueDate: '2027-02-15', status: 'IN_PROGRESS', ownerOrganization: { id: p.org.steel } });

    await until(() => readPlan(editor.doc).actions.some((a) => a.id === action.id), 'the action to reach the open editor');
    expect(readPlan(editor.doc).actions.find((a) => a.id === action.id)).toMatchObject({ title: 'Mesurer les fumées', dueDate: '2027-02-15', status: 'IN_PROGRESS' });

    const [event] = await events.waitFor(1);
    expect(event.errors).toBeUndefined();
    expect(event.data.planChanged).toMatchObject({
      projectId: p.projectId,
      changedParts: ['ACTIONS'],
      actions: { added: [action.id], removed: [], changed: [] },
      authors: [{ organization: { id: p.org.steel }, isYou: false }],
    });
    expect(event.data.planChanged.plan.actions.map((a: any) => a.id)).toContain(action.id);
    // Logged durably like a browser's edit, with its author.
    const stored = await storedDocument(t, p.documentName);
    expect(readPlan(stored).actions.map((a) => a.id)).toContain(action.id);
    await ws.dispose();
  });

  it("shows an editor's action edit in project.plan, and tells planChanged subscribers who typed it", async () => {
    const editor = open(p.joinery);
    await synced(editor);
    const ws = t.wsClient(p.steel);
    const events = collect<any>(ws, PLAN_CHANGED, { p: p.projectId });
    await events.live(summaryProbe(p.facilitator));

    const action = new Y.Map<unknown>(Object.entries({ id: 'tournee', title: 'Organiser la tournée', ownerOrganizationId: null, dueDate: '2027-01-10', status: 'TODO' }));
    editor.doc.getArray('actions').push([action]);
    await until(async () => {
      const data = await gql(p.steel, `query($p: ID!) { project(id: $p) { plan { ${PLAN} } } }`, { p: p.projectId });
      return data.project.plan.actions.some((a: any) => a.id === 'tournee');
    }, 'the editor action to show in project.plan');

    await until(() => events.events.some((e) => e.data?.planChanged.actions.added.includes('tournee')), 'planChanged for the editor action');
    const event = events.events.find((e) => e.data?.planChanged.actions.added.includes('tournee'))!;
    expect(event.data.planChanged.authors).toEqual([{ name: DEMO_ACCOUNTS.joineryMember.name, organization: { id: p.org.joinery, name: expect.any(String) }, isYou: false }]);
    expect(event.data.planChanged.changedParts).toEqual(['ACTIONS']);

    // An edit of that action's status, then a paragraph of notes, each told.
    action.set('status', 'DONE');
    await until(() => events.events.some((e) => e.data?.planChanged.actions.changed.includes('tournee')), 'planChanged for the status');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Compte rendu du comité')]);
    editor.doc.getXmlFragment('notes').push([paragraph]);
    await until(() => events.events.some((e) => e.data?.planChanged.changedParts.includes('NOTES')), 'planChanged for the notes');
    const plan = (await gql(p.steel, `query($p: ID!) { project(id: $p) { plan { ${PLAN} } } }`, { p: p.projectId })).project.plan;
    expect(plan.notesText).toContain('Compte rendu du comité');
    expect(plan.actions.find((a: any) => a.id === 'tournee').status).toBe('DONE');
    await ws.dispose();
  });

  it('budget lines, indicators, summary and notes through the API, each read back and seen by the editor', async () => {
    const editor = open(p.steel);
    await synced(editor);
    const line = await gql(p.joinery, `mutation($p: ID!) { setPlanBudgetLine(projectId: $p, input: {label: "Broyeur", amountEur: 52000, funder: "Région Grand Est"}) { budget { id label amountEur funder } } }`, { p: p.projectId });
    const id = line.setPlanBudgetLine.budget.find((b: any) => b.label === 'Broyeur').id;
    await gql(p.joinery, `mutation($p: ID!, $id: ID!) { setPlanBudgetLine(projectId: $p, input: {id: $id, label: "Broyeur", amountEur: 48000, funder: "ADEME"}) { summary } }`, { p: p.projectId, id });
    await gql(p.joinery, `mutation($p: ID!) { setPlanIndicator(projectId: $p, input: {indicator: "tCO2e évitées", unit: "t/an", expected: 95}) { summary } }`, { p: p.projectId });
    await gql(p.joinery, `mutation($p: ID!) { setPlanIndicator(projectId: $p, input: {indicator: "Déchets évités", unit: "t/an", expected: 340}) { summary } }`, { p: p.projectId });
    await gql(p.joinery, `mutation($p: ID!) { removePlanIndicator(projectId: $p, indicator: "Déchets évités", unit: "t/an") { summary } }`, { p: p.projectId });
    const notes = await gql(p.joinery, `mutation($p: ID!) { appendPlanNotes(projectId: $p, blocks: [{kind: HEADING, text: "Bilan"}, {kind: PARAGRAPH, text: "62 % réparées"}]) { notesText } }`, { p: p.projectId });
    expect(notes.appendPlanNotes.notesText).toContain('Bilan\n62 % réparées');
    const plan = (await gql(p.authority, `query($p: ID!) { project(id: $p) { plan { ${PLAN} } } }`, { p: p.projectId })).project.plan;
    expect(plan.budget.find((b: any) => b.id === id)).toEqual({ id, label: 'Broyeur', amountEur: 48000, funder: 'ADEME' });
    expect(plan.indicators).toEqual([{ indicator: 'tCO2e évitées', unit: 't/an', expected: 95 }]);
    await until(() => readPlan(editor.doc).budget.some((b) => b.id === id && b.amountEur === 48000), 'the budget line to reach the editor');
    expect(readPlan(editor.doc).indicators).toEqual([{ indicator: 'tCO2e évitées', unit: 't/an', expected: 95 }]);

    await gql(p.joinery, `mutation($p: ID!, $id: ID!) { removePlanBudgetLine(projectId: $p, lineId: $id) { summary } }`, { p: p.projectId, id });
    await until(() => !readPlan(editor.doc).budget.some((b) => b.id === id), 'the removal to reach the editor');
  });
});
