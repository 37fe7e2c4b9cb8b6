import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPubSub } from '@graphql-yoga/subscription';
import { loadPrincipalOfUser } from '../src/auth/principal.loader.js';
import { User } from '../src/auth/user.entity.js';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { fromGlobalId } from '../src/graphql/global-id.js';
import { ProjectService } from '../src/project/project.service.js';
import { collect, TestApp, type As } from './harness.js';
import { otherTerritoryFacilitator } from './attacks/sockets.js';

const PROJECT = `id title stage abandonReason nextStages viewerRoles viewerCanManage viewerCanEditPlan planDocumentName territory { name }
  originSynergy { id status }
  participants { organization { id name } role status isYours invitedAt invitedByName invitedByOrganization { name } respondedAt removedAt }
  stageHistory { from to reason changedByName changedAt }`;

/**
 * Issue 9, item 1, through the public API: a synergy becomes a project once every side consented; organisations
 * are invited, accept or decline; the project moves through its stages and its synergy follows in the territory's
 * indicators. And for every outsider — another company, a stranger who just signed up, a facilitator of another
 * territory, a participant that declined or was removed — the project does not exist: not by id, not in lists,
 * not in events, not to mutations.
 */
describe('synergy projects', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let joinery: As;
  let authority: As;
  let stranger: As;
  let otherCompany: As;
  let otherFacilitator: As;
  let fensch: string;
  const org: Record<string, string> = {};
  let synergyId: string;
  let projectId: string;

  const q = (as: As, query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, as);
  const project = async (as: As, id = projectId) => (await q(as, `query($id: ID!) { project(id: $id) { ${PROJECT} } }`, { id })).data!.project;
  const changeStage = (as: As, stage: string, reason?: string) =>
    q(as, `mutation($p: ID!, $s: ProjectStage!, $r: String) { changeProjectStage(projectId: $p, stage: $s, reason: $r) { stage stageHistory { from to } } }`, { p: projectId, s: stage, r: reason });
  const invite = (as: As, organizationId: string, role: string) =>
    q(as, `mutation($p: ID!, $o: ID!, $r: ProjectRole!) { inviteToProject(projectId: $p, organizationId: $o, role: $r) { id } }`, { p: projectId, o: organizationId, r: role });
  const respond = (as: As, accept: boolean, id = projectId) =>
    q(as, `mutation($p: ID!, $a: Boolean!) { respondToProjectInvitation(projectId: $p, accept: $a) { id stage } }`, { p: id, a: accept });
  const remove = (as: As, organizationId: string) =>
    q(as, `mutation($p: ID!, $o: ID!) { removeProjectParticipant(projectId: $p, organizationId: $o) { id } }`, { p: projectId, o: organizationId });
  const impact = async () => (await q(facilitator, `query($t: ID!) { territoryImpact(territoryId: $t) { inProgress { synergyCount } operational { synergyCount } } }`, { t: fensch })).data!.territoryImpact;
  const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

  async function signUp(email: string, name: string): Promise<As> {
    const res = await t.gql(`mutation($e: String!, $n: String!) { signUp(input: {email: $e, password: "un-long-mot-de-passe", name: $n}) { viewer { id } } }`, { e: email, n: name });
    expect(res.errors).toBeUndefined();
    return t.logIn(email, 'un-long-mot-de-passe');
  }

  async function recordSynergy(organizationIds: string[]): Promise<string> {
    const res = await q(
      facilitator,
      `mutation($t: ID!, $o: [ID!]!) { recordSynergy(input: {territoryId: $t, kind: SUBSTITUTION, organizationIds: $o, status: SUGGESTED, note: "Atelier"}) { id status } }`,
      { t: fensch, o: organizationIds },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.recordSynergy.id;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, steel, joinery, authority] = await Promise.all(
      [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember, DEMO_ACCOUNTS.authorityMember].map((a) => t.logIn(a.email)),
    );
    fensch = (await q(steel, `{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    for (const [key, as] of Object.entries({ steel, joinery, authority })) {
      org[key] = (await q(as, `{ viewer { memberships { organization { id } } } }`)).data!.viewer.memberships[0].organization.id;
    }
    stranger = await signUp('curieux@exemple.fr', 'Curieux');
    otherCompany = await signUp('dir@concurrent.fr', 'Concurrent');
    const created = await q(otherCompany, `mutation($t: ID!) { createOrganization(input: {territoryId: $t, name: "Concurrent SA", kind: COMPANY}) { id } }`, { t: fensch });
    expect(created.errors).toBeUndefined();
    org.otherCompany = created.data!.createOrganization.id;
    // Joining a territory is approved (issue 8): "another company" is a member of the territory, not a newcomer.
    const approved = await q(facilitator, `mutation($o: ID!) { approveOrganization(id: $o) { approval } }`, { o: org.otherCompany });
    expect(approved.data?.approveOrganization).toEqual({ approval: 'APPROVED' });
    otherFacilitator = (await otherTerritoryFacilitator(t, 'animateur@pays-haut.fr')).as;
    synergyId = await recordSynergy([org.steel, org.joinery]);
  });
  afterAll(async () => t?.stop());

  it('shows the demo territory with projects at different stages, and a pending invitation', async () => {
    const res = await q(facilitator, `query($t: ID!) { projects(first: 100, filter: {territoryId: $t}) { totalCount nodes { title stage participants { role status } } } }`, { t: fensch });
    expect(res.errors).toBeUndefined();
    const stages = new Set(res.data!.projects.nodes.map((n: any) => n.stage));
    expect(res.data!.projects.totalCount).toBeGreaterThanOrEqual(2);
    expect(stages.size).toBeGreaterThanOrEqual(2);
    const invited = (await q(joinery, `{ projectInvitations { projectTitle invitedByOrganization { name } } }`)).data!.projectInvitations;
    expect(invited).toEqual([{ projectTitle: expect.stringMatching(/chaleur fatale/i), invitedByOrganization: { name: 'Aciéries de la Fensch' } }]);
  });

  it('lets a party start a project only once every side consented to be put in touch', async () => {
    const create = () => q(steel, `mutation($s: ID!) { createProject(input: {title: "Chaleur fatale pour le séchoir", synergyId: $s}) { ${PROJECT} } }`, { s: synergyId });
    expect(codeOf(await create())).toBe('FORBIDDEN');
    expect((await q(steel, `mutation($s: ID!) { requestContact(id: $s) { status } }`, { s: synergyId })).data!.requestContact.status).toBe('CONTACT_REQUESTED');
    expect(codeOf(await create())).toBe('FORBIDDEN');
    expect((await q(joinery, `mutation($s: ID!) { respondToContact(id: $s, accept: true) { status } }`, { s: synergyId })).data!.respondToContact.status).toBe('ACCEPTED');

    const res = await create();
    expect(res.errors).toBeUndefined();
    const p = res.data!.createProject;
    projectId = p.id;
    expect(p).toMatchObject({ title: 'Chaleur fatale pour le séchoir', stage: 'IDEA', viewerRoles: ['LEAD'], viewerCanManage: true, viewerCanEditPlan: true });
    expect(p.originSynergy).toEqual({ id: synergyId, status: 'ACCEPTED' });
    // The plan's /collab document is named after the project's own id (the global ID's uuid).
    expect(p.planDocumentName).toBe(`project-plan:${Buffer.from(p.id, 'base64url').toString('utf8').split(':')[1]}`);
    expect(p.nextStages.sort()).toEqual(['ABANDONED', 'STUDY']);
    expect(p.participants.map((x: any) => [x.organization.id, x.role, x.status, x.invitedByName])).toEqual([
      [org.steel, 'LEAD', 'ACCEPTED', 'Julien Weber'],
      [org.joinery, 'PARTNER', 'INVITED', 'Julien Weber'],
    ]);
    expect(p.stageHistory).toMatchObject([{ from: null, to: 'IDEA', changedByName: 'Julien Weber' }]);
    expect(codeOf(await create()), 'one active project per synergy').toBe('CONFLICT');
    const node = await q(steel, `query($id: ID!) { node(id: $id) { id ... on SynergyProject { title stage } } }`, { id: projectId });
    expect(node.data!.node).toEqual({ id: projectId, title: 'Chaleur fatale pour le séchoir', stage: 'IDEA' });
  });

  it('shows an invited organisation the title and who invites, nothing more, until it accepts', async () => {
    expect(await project(joinery)).toBeNull();
    expect((await q(joinery, `query($id: ID!) { node(id: $id) { id } }`, { id: projectId })).data!.node).toBeNull();
    expect((await q(joinery, `{ projects(first: 100) { nodes { id } } }`)).data!.projects.nodes.map((n: any) => n.id)).not.toContain(projectId);
    const invitations = (await q(joinery, `{ projectInvitations { projectId projectTitle role invitedByName invitedByOrganization { id } organization { id } } }`)).data!.projectInvitations;
    expect(invitations.filter((i: any) => i.projectId === projectId)).toEqual([
      { projectId, projectTitle: 'Chaleur fatale pour le séchoir', role: 'PARTNER', invitedByName: 'Julien Weber', invitedByOrganization: { id: org.steel }, organization: { id: org.joinery } },
    ]);
    expect(codeOf(await changeStage(joinery, 'STUDY'))).toBe('NOT_FOUND');

    const accepted = await respond(joinery, true);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToProjectInvitation).toEqual({ id: projectId, stage: 'IDEA' });
    expect((await q(joinery, `{ projectInvitations { projectId } }`)).data!.projectInvitations.map((i: any) => i.projectId)).not.toContain(projectId);
    const seen = await project(joinery);
    expect(seen).toMatchObject({ viewerRoles: ['PARTNER'], viewerCanManage: false, viewerCanEditPlan: true, nextStages: [] });
    expect(codeOf(await changeStage(joinery, 'STUDY')), 'partners do not move the project').toBe('FORBIDDEN');
  });

  it('names a pending invitee to the lead only; the others see "invitation pending"', async () => {
    expect((await invite(steel, org.authority, 'OBSERVER')).errors).toBeUndefined();
    expect(codeOf(await invite(steel, org.authority, 'PARTNER'))).toBe('CONFLICT');
    const byLead = (await project(steel)).participants.find((x: any) => x.role === 'OBSERVER');
    expect(byLead).toMatchObject({ organization: { id: org.authority }, status: 'INVITED', invitedByOrganization: { name: 'Aciéries de la Fensch' } });
    const byPartner = (await project(joinery)).participants.find((x: any) => x.role === 'OBSERVER');
    expect(byPartner).toMatchObject({ organization: null, status: 'INVITED', invitedByName: null, invitedByOrganization: null, isYours: false });
    expect(JSON.stringify(await project(joinery))).not.toContain(org.authority);
  });

  it('hides the project from an organisation that declines, and lets it be asked again', async () => {
    expect((await respond(authority, false)).data!.respondToProjectInvitation).toBeNull();
    expect(await project(authority)).toBeNull();
    expect(codeOf(await respond(authority, true)), 'a declined invitation cannot be answered again').toBe('NOT_FOUND');
    expect((await project(steel)).participants.find((x: any) => x.role === 'OBSERVER').status).toBe('DECLINED');

    expect((await invite(steel, org.authority, 'OBSERVER')).errors).toBeUndefined();
    expect((await respond(authority, true)).errors).toBeUndefined();
    const seen = await project(authority);
    expect(seen).toMatchObject({ viewerRoles: ['OBSERVER'], viewerCanManage: false, viewerCanEditPlan: false });
    expect(codeOf(await changeStage(authority, 'STUDY')), 'observers are read-only').toBe('FORBIDDEN');
    expect(codeOf(await invite(authority, org.otherCompany, 'PARTNER'))).toBe('FORBIDDEN');
    expect(codeOf(await remove(authority, org.joinery))).toBe('FORBIDDEN');

    // What the collaboration server will ask before opening the live plan: observers read, never write.
    const em = t.app.orm.em.fork();
    const projects = new ProjectService(em, createPubSub());
    const planAccess = async (email: string) => {
      const user = await em.findOneOrFail(User, { email });
      return projects.planAccess((await loadPrincipalOfUser(em, user.id))!.viewer, fromGlobalId(projectId)!.id);
    };
    expect(await planAccess(DEMO_ACCOUNTS.authorityMember.email)).toBe('READ');
    expect(await planAccess(DEMO_ACCOUNTS.joineryMember.email)).toBe('WRITE');
    expect(await planAccess(DEMO_ACCOUNTS.facilitator.email)).toBe('WRITE');
    expect(await planAccess('dir@concurrent.fr')).toBe('NONE');
  });

  it('moves through its stages with a history, and its synergy follows in the territory indicators', async () => {
    const before = await impact();
    expect(codeOf(await changeStage(steel, 'IMPLEMENTATION')), 'one stage at a time').toBe('CONFLICT');
    for (const stage of ['STUDY', 'IMPLEMENTATION']) expect((await changeStage(steel, stage)).errors).toBeUndefined();
    expect(await impact(), 'an accepted synergy already counts as in progress').toEqual(before);
    expect((await changeStage(facilitator, 'OPERATIONAL')).errors, 'facilitators of the territory manage too').toBeUndefined();
    const running = await impact();
    expect(running.operational.synergyCount).toBe(before.operational.synergyCount + 1);
    expect(running.inProgress.synergyCount).toBe(before.inProgress.synergyCount - 1);
    expect((await changeStage(steel, 'IMPLEMENTATION')).errors).toBeUndefined();
    expect(await impact(), 'back in implementation: in progress again').toEqual(before);
    expect((await changeStage(steel, 'OPERATIONAL')).errors).toBeUndefined();

    const p = await project(joinery);
    expect(p.stage).toBe('OPERATIONAL');
    expect(p.stageHistory.map((c: any) => [c.from, c.to, c.changedByName])).toEqual([
      [null, 'IDEA', 'Julien Weber'],
      ['IDEA', 'STUDY', 'Julien Weber'],
      ['STUDY', 'IMPLEMENTATION', 'Julien Weber'],
      ['IMPLEMENTATION', 'OPERATIONAL', 'Claire Animatrice'],
      ['OPERATIONAL', 'IMPLEMENTATION', 'Julien Weber'],
      ['IMPLEMENTATION', 'OPERATIONAL', 'Julien Weber'],
    ]);
    const listed = (await q(joinery, `query($t: ID!, $s: ID!) { projects(filter: {territoryId: $t, stages: [OPERATIONAL], synergyId: $s}) { totalCount nodes { id } } }`, { t: fensch, s: synergyId })).data!.projects;
    expect(listed).toEqual({ totalCount: 1, nodes: [{ id: projectId }] });
  });

  it('records the consent of a party that joins a project a facilitator started, and needs one before implementation', async () => {
    const second = await recordSynergy([org.joinery, org.authority]);
    const res = await q(
      facilitator,
      `mutation($s: ID!, $l: ID!) { createProject(input: {title: "Palettes pour la régie", synergyId: $s, leadOrganizationId: $l}) { id viewerRoles participants { organization { id } role status } } }`,
      { s: second, l: org.joinery },
    );
    expect(res.errors).toBeUndefined();
    const created = res.data!.createProject;
    expect(created.viewerRoles).toEqual(['FACILITATOR']);
    expect(created.participants.map((x: any) => [x.role, x.status])).toEqual([['FACILITATOR', 'ACCEPTED'], ['LEAD', 'INVITED'], ['PARTNER', 'INVITED']]);
    const move = (as: As, stage: string) => q(as, `mutation($p: ID!, $s: ProjectStage!) { changeProjectStage(projectId: $p, stage: $s) { stage } }`, { p: created.id, s: stage });
    expect((await move(facilitator, 'STUDY')).errors).toBeUndefined();
    expect(codeOf(await move(facilitator, 'IMPLEMENTATION')), 'no party joined yet').toBe('CONFLICT');
    const status = async () => (await q(facilitator, `query($s: ID!) { synergy(id: $s) { status } }`, { s: second })).data!.synergy.status;
    expect((await respond(joinery, true, created.id)).errors).toBeUndefined();
    expect(await status()).toBe('CONTACT_REQUESTED');
    expect((await move(joinery, 'IMPLEMENTATION')).data!.changeProjectStage.stage, 'the joinery now leads').toBe('IMPLEMENTATION');
    expect((await respond(authority, true, created.id)).errors).toBeUndefined();
    expect(await status()).toBe('ACCEPTED');

    const abandon = (reason?: string) => q(joinery, `mutation($p: ID!, $r: String) { changeProjectStage(projectId: $p, stage: ABANDONED, reason: $r) { stage abandonReason nextStages } }`, { p: created.id, r: reason });
    expect(codeOf(await abandon())).toBe('BAD_USER_INPUT');
    expect((await abandon('La régie a trouvé un autre fournisseur.')).data!.changeProjectStage).toEqual({
      stage: 'ABANDONED',
      abandonReason: 'La régie a trouvé un autre fournisseur.',
      nextStages: ['IDEA'],
    });
  });

  it('does not exist for another company, a stranger, a facilitator of another territory, nor a declined or removed participant', async () => {
    // The outsiders listen before anything happens, each with a sentinel on the same socket: a PUBLIC flow.
    const clients = { otherCompany, stranger, otherFacilitator, authority, steel };
    const listening = Object.fromEntries(
      Object.entries(clients).map(([name, as]) => {
        const client = t.wsClient(as);
        const events = collect<any>(client, `subscription($p: ID!) { projectChanged(projectId: $p) { change projectId project { stage participants { status } } } }`, { p: projectId });
        const sentinel = collect<any>(client, `subscription($t: ID!) { flowChanged(territoryId: $t) { flowId flow { label } } }`, { t: fensch });
        return [name, { client, events, sentinel }];
      }),
    );
    const steelSite = (await q(steel, `{ viewer { memberships { organization { sites { id } } } } }`)).data!.viewer.memberships[0].organization.sites[0].id;
    const declarePublic = async (label: string) => {
      const res = await q(steel, `mutation($s: ID!, $l: String!) { declareFlow(input: {siteId: $s, direction: OUTPUT, category: MATERIAL, label: $l, quantity: 1, unit: TONNE, period: YEAR, visibility: PUBLIC}) { id } }`, { s: steelSite, l: label });
      expect(res.errors).toBeUndefined();
    };
    // A first sentinel proves every socket listens (its subscriptions were sent in order) before the project changes;
    // subscribing takes a moment, so primers are sent until each socket has heard one.
    const primed = () => Object.values(listening).every(({ sentinel }) => sentinel.events.length > 0);
    for (let i = 0; i < 20 && !primed(); i++) {
      await declarePublic(`Amorce publique ${i}`);
      await Promise.all(Object.values(listening).map(({ sentinel }) => sentinel.waitFor(1, 250)));
    }
    expect(primed()).toBe(true);
    // Another company is invited and declines: it joins the outsiders. The authority (observer) is removed.
    expect((await invite(steel, org.otherCompany, 'PARTNER')).errors).toBeUndefined();
    expect((await respond(otherCompany, false)).errors).toBeUndefined();
    // Access is decided at delivery: the observer hears these two before it is removed, then nothing.
    expect((await listening.authority.events.waitFor(2)).map((e) => e.data?.projectChanged.change)).toEqual(['PARTICIPANT_INVITED', 'INVITATION_DECLINED']);
    expect((await remove(facilitator, org.authority)).errors).toBeUndefined();
    expect((await changeStage(steel, 'IMPLEMENTATION')).errors).toBeUndefined();

    await declarePublic('Sentinelle publique');
    const lead = listening.steel.events;
    expect((await lead.waitFor(4)).map((e) => e.data?.projectChanged.change)).toEqual(['PARTICIPANT_INVITED', 'INVITATION_DECLINED', 'PARTICIPANT_REMOVED', 'STAGE_CHANGED']);
    expect(lead.events[3].data.projectChanged.project.stage).toBe('IMPLEMENTATION');
    for (const [name, { client, events, sentinel }] of Object.entries(listening)) {
      const until = Date.now() + 5000;
      const heard = () => sentinel.events.some((e) => e.data?.flowChanged.flow?.label === 'Sentinelle publique');
      while (!heard() && Date.now() < until) await sentinel.waitFor(sentinel.events.length + 1, 100);
      expect(heard(), `${name} got the sentinel`).toBe(true);
      if (name === 'steel') continue;
      const expected = name === 'authority' ? ['PARTICIPANT_INVITED', 'INVITATION_DECLINED'] : [];
      expect(events.events.map((e) => e.data?.projectChanged.change), name).toEqual(expected);
      expect(events.error, name).toBeUndefined();
      await client.dispose();
    }
    await listening.steel.client.dispose();

    const outsiders = { otherCompany, stranger, otherFacilitator, authority };
    for (const [name, as] of Object.entries(outsiders)) {
      expect(await project(as), name).toBeNull();
      const node = await q(as, `query($id: ID!) { node(id: $id) { id } }`, { id: projectId });
      expect(node.data!.node, name).toBeNull();
      const listed = (await q(as, `{ projects(first: 100) { totalCount nodes { id } } }`)).data!.projects;
      expect(listed.nodes.map((n: any) => n.id), name).not.toContain(projectId);
      expect((await q(as, `{ projectInvitations { projectId } }`)).data!.projectInvitations.map((i: any) => i.projectId), name).not.toContain(projectId);
      expect(codeOf(await changeStage(as, 'OPERATIONAL')), name).toBe('NOT_FOUND');
      expect(codeOf(await invite(as, org.otherCompany, 'PARTNER')), name).toBe('NOT_FOUND');
      expect(codeOf(await remove(as, org.joinery)), name).toBe('NOT_FOUND');
      expect(codeOf(await respond(as, true)), name).toBe('NOT_FOUND');
    }
    // The same answers as for a project that never existed.
    const missing = Buffer.from('SynergyProject:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect(await project(stranger, missing)).toBeNull();
    expect(codeOf(await q(stranger, `mutation($p: ID!) { changeProjectStage(projectId: $p, stage: STUDY) { id } }`, { p: missing }))).toBe('NOT_FOUND');
    // Outsiders start nothing from a synergy they may not see.
    for (const as of [stranger, otherFacilitator, otherCompany]) {
      expect(codeOf(await q(as, `mutation($s: ID!) { createProject(input: {title: "Intrus", synergyId: $s}) { id } }`, { s: synergyId }))).toBe('NOT_FOUND');
    }
    expect(codeOf(await q(otherFacilitator, `mutation($t: ID!) { createProject(input: {title: "Intrus", territoryId: $t}) { id } }`, { t: fensch }))).toBe('FORBIDDEN');
    // The ones still in it see the removed and declined rows.
    const statuses = (await project(joinery)).participants.map((x: any) => x.status);
    expect(statuses).toEqual(['ACCEPTED', 'ACCEPTED', 'REMOVED', 'DECLINED']);
  });
});
