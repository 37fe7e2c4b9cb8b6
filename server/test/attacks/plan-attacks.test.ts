import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_INTEGRATOR_TOKEN } from '../../src/demo/demo-accounts.js';
import { SOCKET_CLOSE } from '../../src/errors/domain-errors.js';
import { fromGlobalId } from '../../src/graphql/global-id.js';
import { planDocumentName } from '../../src/project/plan-document.port.js';
import { TestApp, type As } from '../harness.js';
import { openPlan, planProject, storedDocument, synced, until, type PlanClient, type PlanProject } from '../collab/collab-harness.js';
import { otherTerritoryFacilitator, RawSocket, untilDelivered } from './sockets.js';

const PLAN = `summary notesText actions { id title ownerOrganization { id name } dueDate status } budget { id label amountEur funder } indicators { indicator unit expected }`;
const PLAN_CHANGED = `subscription($p: ID!) { planChanged(projectId: $p) { projectId changedParts authors { name organization { id } } actions { added } plan { summary } } }`;
const FLOW_CHANGED = `subscription($t: ID!) { flowChanged(territoryId: $t) { flowId flow { label } } }`;
const MISSING = Buffer.from('SynergyProject:00000000-0000-4000-8000-000000000000').toString('base64url');

/**
 * docs/THREAT_MODEL.md (the plan rows): the plan of a project is read by its accepted participants and its
 * territory's facilitators only, written by those who are not observers, and a subscription to its changes delivers
 * nothing to anyone else. Each outsider gets the answers a project that does not exist gets.
 */
describe('attacks on a project plan', () => {
  let t: TestApp;
  let p: PlanProject;
  let stranger: As;
  let otherCompany: As;
  let otherFacilitator: As;
  /** The demo heat-network project: the joinery is invited and has not answered. */
  let pending: { projectId: string; documentName: string; joinery: As; authority: As; steel: As };
  let fensch: string;
  /** The organisation the other company registered (not taking part in any project). */
  let otherOrg: string;
  const clients: PlanClient[] = [];
  const sockets: RawSocket[] = [];
  const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
  const planOf = async (as: As, projectId: string) => (await t.gql(`query($p: ID!) { project(id: $p) { id plan { ${PLAN} } } }`, { p: projectId }, as)).data?.project ?? null;

  async function signUp(email: string, name: string): Promise<As> {
    const res = await t.gql(`mutation($e: String!, $n: String!) { signUp(input: {email: $e, password: "un-long-mot-de-passe", name: $n}) { viewer { id } } }`, { e: email, n: name });
    expect(res.errors).toBeUndefined();
    return t.logIn(email, 'un-long-mot-de-passe');
  }

  /** Every write of the API, each with valid input: only access decides the answer. */
  const writes = (projectId: string, actionId = 'une-action', owner: string | null = null) => [
    [`mutation($p: ID!, $o: ID) { addPlanAction(projectId: $p, input: {title: "Intrusion", ownerOrganizationId: $o}) { summary } }`, { p: projectId, o: owner }],
    [`mutation($p: ID!, $a: ID!) { updatePlanAction(projectId: $p, actionId: $a, input: {title: "Intrusion"}) { summary } }`, { p: projectId, a: actionId }],
    [`mutation($p: ID!, $a: ID!) { removePlanAction(projectId: $p, actionId: $a) { summary } }`, { p: projectId, a: actionId }],
    [`mutation($p: ID!) { setPlanBudgetLine(projectId: $p, input: {label: "Intrusion", amountEur: 1}) { summary } }`, { p: projectId }],
    [`mutation($p: ID!) { removePlanBudgetLine(projectId: $p, lineId: "broyeur") { summary } }`, { p: projectId }],
    [`mutation($p: ID!) { setPlanIndicator(projectId: $p, input: {indicator: "Intrusion", unit: "t/an", expected: 1}) { summary } }`, { p: projectId }],
    [`mutation($p: ID!) { removePlanIndicator(projectId: $p, indicator: "tCO2e évitées", unit: "t/an") { summary } }`, { p: projectId }],
    [`mutation($p: ID!) { setPlanSummary(projectId: $p, summary: "Intrusion") { summary } }`, { p: projectId }],
    [`mutation($p: ID!) { appendPlanNotes(projectId: $p, blocks: [{kind: PARAGRAPH, text: "Intrusion"}]) { summary } }`, { p: projectId }],
  ] as const;

  const storedUpdates = async (documentName: string) => Y.encodeStateVector(await storedDocument(t, documentName));

  beforeAll(async () => {
    t = await TestApp.start();
    p = await planProject(t, 'Plan à protéger');
    stranger = await signUp('curieux@exemple.fr', 'Curieux');
    otherCompany = await signUp('dir@concurrent.fr', 'Concurrent');
    fensch = (await t.gql(`{ territories { id name } }`, {}, p.steel)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const created = await t.gql(`mutation($t: ID!) { createOrganization(input: {territoryId: $t, name: "Concurrent SA", kind: COMPANY}) { id } }`, { t: fensch }, otherCompany);
    expect(created.errors).toBeUndefined();
    otherOrg = created.data!.createOrganization.id;
    otherFacilitator = (await otherTerritoryFacilitator(t, 'animateur@pays-haut.fr')).as;
    const projects = (await t.gql(`{ projects(first: 10) { nodes { id title } } }`, {}, p.facilitator)).data!.projects.nodes;
    const heat = projects.find((x: any) => x.title.startsWith('Réseau de chaleur')).id;
    pending = {
      projectId: heat,
      documentName: planDocumentName(fromGlobalId(heat)!.id),
      joinery: p.joinery,
      authority: p.authority,
      steel: p.steel,
    };
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of sockets) s.dispose();
    await t?.stop();
  });

  it('the demo plans have content, read by their participants', async () => {
    const heat = await planOf(pending.steel, pending.projectId);
    expect(heat.plan.summary).toContain('chaleur fatale');
    expect(heat.plan.notesText).toContain('Étude de faisabilité');
    expect(heat.plan.actions.length).toBeGreaterThanOrEqual(3);
    expect(heat.plan.budget.every((line: any) => line.funder)).toBe(true);
    expect(heat.plan.indicators.length).toBeGreaterThanOrEqual(2);
    // The README's query, as the demo integrator (a member of the facilitator's organisation, which takes part).
    const res = await t.gql(
      `{ projects(first: 5) { nodes { title stage plan { summary actions { title dueDate status ownerOrganization { name } } budget { label amountEur funder } } } } }`,
      {},
      { token: DEMO_INTEGRATOR_TOKEN },
    );
    expect(res.errors).toBeUndefined();
    const demo = res.data!.projects.nodes.filter((n: any) => n.plan.actions.length > 0 && n.plan.summary);
    expect(new Set(demo.map((n: any) => n.stage)).size).toBeGreaterThanOrEqual(2);
    expect(demo.flatMap((n: any) => n.plan.actions).every((a: any) => a.ownerOrganization?.name)).toBe(true);
  });

  it('outsiders — visitor, stranger, another company, a facilitator of another territory, a pending invitee — see and change nothing', async () => {
    const outsiders = { visitor: undefined, stranger, otherCompany, otherFacilitator, pendingInvitee: pending.joinery };
    const before = await storedUpdates(pending.documentName);
    const answersForMissing = await Promise.all(writes(MISSING).map(([q, v]) => t.gql(q, v, stranger)));
    for (const [name, as] of Object.entries(outsiders)) {
      expect(await planOf(as, pending.projectId), name).toBeNull();
      const answers = await Promise.all(writes(pending.projectId).map(([q, v]) => t.gql(q, v, as)));
      const expected = name === 'visitor' ? 'UNAUTHENTICATED' : 'NOT_FOUND';
      expect(answers.map(codeOf), name).toEqual(writes(pending.projectId).map(() => expected));
      // The same words as for a project that never existed.
      if (as) expect(answers.map((a) => a.errors?.[0]?.message), name).toEqual(answersForMissing.map((a) => a.errors?.[0]?.message));
      expect(answers.every((a) => !a.data || Object.values(a.data).every((v) => v === null)), name).toBe(true);
    }
    expect(await storedUpdates(pending.documentName)).toEqual(before);
  });

  it('an observer reads the plan and every write is FORBIDDEN, changing nothing', async () => {
    const added = await t.gql(`mutation($p: ID!) { addPlanAction(projectId: $p, input: {title: "Visite du site"}) { actions { id title } } }`, { p: p.projectId }, p.steel);
    const actionId = added.data!.addPlanAction.actions[0].id;
    const before = await storedUpdates(p.documentName);
    const read = await planOf(p.authority, p.projectId);
    expect(read.plan.actions.map((a: any) => a.title)).toEqual(['Visite du site']);
    const answers = await Promise.all(writes(p.projectId, actionId).map(([q, v]) => t.gql(q, v, p.authority)));
    expect(answers.map(codeOf)).toEqual(writes(p.projectId).map(() => 'FORBIDDEN'));
    expect(await storedUpdates(p.documentName)).toEqual(before);
    expect((await planOf(p.steel, p.projectId)).plan).toEqual(read.plan);
  });

  it('bad input is BAD_USER_INPUT with its fields, and changes nothing', async () => {
    const before = await storedUpdates(p.documentName);
    const bad = [
      [`mutation($p: ID!) { addPlanAction(projectId: $p, input: {title: " ", dueDate: "2027-02-30"}) { summary } }`, ['title', 'dueDate']],
      [`mutation($p: ID!) { setPlanBudgetLine(projectId: $p, input: {label: "", amountEur: -5}) { summary } }`, ['label', 'amountEur']],
      [`mutation($p: ID!) { setPlanIndicator(projectId: $p, input: {indicator: "", unit: "t/an", expected: 1}) { summary } }`, ['indicator']],
      [`mutation($p: ID!) { addPlanAction(projectId: $p, input: {title: "x", ownerOrganizationId: "not-an-id"}) { summary } }`, ['ownerOrganizationId']],
      [`mutation($p: ID!) { appendPlanNotes(projectId: $p, blocks: []) { summary } }`, ['blocks']],
    ] as const;
    for (const [query, fields] of bad) {
      const res = await t.gql(query, { p: p.projectId }, p.steel);
      expect(codeOf(res), query).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.problems!.map((x) => x.field), query).toEqual(fields);
    }
    const missing = await t.gql(`mutation($p: ID!) { removePlanAction(projectId: $p, actionId: "absente") { summary } }`, { p: p.projectId }, p.steel);
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(await storedUpdates(p.documentName)).toEqual(before);
  });

  it('a pending invitee is not revealed through the action table: not as an owner the API accepts, nor as one a browser wrote', async () => {
    const joineryOrg = (await t.gql(`{ viewer { memberships { organization { id } } } }`, {}, pending.joinery)).data!.viewer.memberships[0].organization.id;
    // The authority (a partner, not a manager) gets the same answer for an invited organisation and an unrelated one.
    const [invited, unrelated] = await Promise.all(
      [joineryOrg, otherOrg].map((o) => t.gql(writes(pending.projectId, 'x', o)[0][0], { p: pending.projectId, o }, pending.authority)),
    );
    expect(codeOf(invited)).toBe('BAD_USER_INPUT');
    expect(invited.errors).toEqual(unrelated.errors);
    // A browser writes the invitee as an owner: the lead (who invited it) sees it named, the partner does not.
    const editor = openPlan(t.url, pending.documentName, pending.steel);
    clients.push(editor);
    await synced(editor);
    editor.doc.getArray('actions').push([new Y.Map<unknown>(Object.entries({ id: 'confiee-invitee', title: 'Fournir les palettes', ownerOrganizationId: joineryOrg, status: 'TODO' }))]);
    const ownerSeenBy = async (as: As) => (await planOf(as, pending.projectId)).plan.actions.find((a: any) => a.id === 'confiee-invitee')?.ownerOrganization;
    await until(async () => (await ownerSeenBy(pending.steel)) !== undefined, 'the browser action in the plan');
    expect((await ownerSeenBy(pending.steel))?.id).toBe(joineryOrg);
    expect(await ownerSeenBy(pending.authority)).toBeNull();
  });

  it('planChanged reaches participants only; a revoked token on an open subscription hears nothing more', async () => {
    const { token, id: tokenId } = await (async () => {
      const res = await t.gql(`mutation { createApiToken(name: "suivi du plan") { token apiToken { id } } }`, {}, p.joinery);
      return { token: res.data!.createApiToken.token as string, id: res.data!.createApiToken.apiToken.id as string };
    })();
    const listeners = { partner: p.joinery, observer: p.authority, revokedToken: { token }, stranger, otherCompany, otherFacilitator, pendingInvitee: pending.joinery };
    const socketOf: Record<string, RawSocket> = {};
    for (const [name, as] of Object.entries(listeners)) {
      const socket = await RawSocket.connect(t.url.replace('http', 'ws') + '/graphql', as ?? {});
      sockets.push(socket);
      // The pending invitee listens to the project it is invited to; the others to the plan of p.
      socket.subscribe('plan', PLAN_CHANGED, { p: name === 'pendingInvitee' ? pending.projectId : p.projectId });
      socket.subscribe('flows', FLOW_CHANGED, { t: fensch });
      socketOf[name] = socket;
    }
    const steelSite = (await t.gql(`{ viewer { memberships { organization { sites { id } } } } }`, {}, p.steel)).data!.viewer.memberships[0].organization.sites[0].id;
    const declarePublic = (label: string) =>
      t.gql(`mutation($s: ID!, $l: String!) { declareFlow(input: {siteId: $s, direction: OUTPUT, category: MATERIAL, label: $l, quantity: 1, unit: TONNE, period: YEAR, visibility: PUBLIC}) { id } }`, { s: steelSite, l: label }, p.steel);
    // Every socket listens (its flow subscription, sent after the plan one, delivered).
    await untilDelivered(Object.values(socketOf), 'flows', (i) => declarePublic(`Amorce ${i}`));
    const setSummary = (as: As, projectId: string, summary: string) =>
      t.gql(`mutation($p: ID!, $s: String!) { setPlanSummary(projectId: $p, summary: $s) { summary } }`, { p: projectId, s: summary }, as);
    // The participants' subscriptions are live once one of them hears a change.
    await untilDelivered([socketOf.partner, socketOf.observer, socketOf.revokedToken], 'plan', (i) => setSummary(p.steel, p.projectId, `Résumé ${i}`));

    const revoked = await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: tokenId }, p.joinery);
    expect(revoked.errors).toBeUndefined();
    expect(await socketOf.revokedToken.closeWithin(1000)).toMatchObject({ code: SOCKET_CLOSE.CREDENTIAL_REVOKED.code });
    const heardBefore = socketOf.revokedToken.of('plan').length;

    expect((await setSummary(p.steel, p.projectId, 'Après la révocation')).errors).toBeUndefined();
    expect((await setSummary(pending.steel, pending.projectId, 'Le réseau avance')).errors).toBeUndefined();
    await declarePublic('Sentinelle');
    for (const [name, socket] of Object.entries(socketOf)) {
      if (name === 'revokedToken') continue;
      await socket.waitFor((m) => m.id === 'flows' && m.payload?.data?.flowChanged?.flow?.label === 'Sentinelle');
    }
    const summaries = (name: string) => socketOf[name].of('plan').filter((m) => m.type === 'next').map((m) => m.payload.data?.planChanged?.plan?.summary);
    expect(summaries('partner')).toContain('Après la révocation');
    expect(summaries('observer')).toContain('Après la révocation');
    expect(socketOf.revokedToken.of('plan')).toHaveLength(heardBefore);
    for (const name of ['stranger', 'otherCompany', 'otherFacilitator', 'pendingInvitee']) {
      expect(socketOf[name].of('plan').filter((m) => m.type !== 'complete'), name).toEqual([]);
    }
  });
});
