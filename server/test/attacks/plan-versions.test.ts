import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/global-id.js';
import { TestApp, type As, type GraphQLResponse } from '../harness.js';
import { planProject, type PlanProject } from '../collab/collab-harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

const SAVE = `mutation($p: ID!, $n: String!) { saveProjectPlanVersion(projectId: $p, name: $n) { id name savedByName savedAt } }`;
const GET = `query($id: ID!) { projectPlanVersion(id: $id) { id name plan { summary notesText actions { id title } } } }`;
const COMPARE = `query($f: ID!, $t: ID) { compareProjectPlanVersions(from: $f, to: $t) { from { name } to { name } summaryChanged actions { added { title } } } }`;
const RESTORE = `mutation($id: ID!) { restoreProjectPlanVersion(id: $id) { summary } }`;
const LIST = `query($p: ID!) { project(id: $p) { planVersions { id name savedByName } } }`;

/**
 * docs/THREAT_MODEL.md (plan versions). Named versions follow the plan's access: whoever may read the plan
 * (participants who accepted, observers included, the territory's facilitators) sees them; only those who may write
 * save and restore. To anyone else — another company, a stranger, a facilitator of another territory, an
 * organisation still invited — a version does not exist, whatever its id, and nothing they send changes anything.
 */
describe('who may see, save and restore the versions of a plan', () => {
  let t: TestApp;
  let p: PlanProject;
  let stranger: As;
  let otherCompany: As;
  let otherFacilitator: As;
  let invitee: As;
  let version: string;
  let otherProjectVersion: string;

  async function signUp(email: string, name: string): Promise<As> {
    const res = await t.gql(`mutation($e: String!, $n: String!) { signUp(input: {email: $e, password: "un-long-mot-de-passe", name: $n}) { viewer { id } } }`, { e: email, n: name });
    expect(res.errors).toBeUndefined();
    return t.logIn(email, 'un-long-mot-de-passe');
  }
  async function organizationOf(as: As, name: string, territoryId: string): Promise<string> {
    const res = await t.gql(`mutation($t: ID!, $n: String!) { createOrganization(input: {territoryId: $t, name: $n, kind: COMPANY}) { id } }`, { t: territoryId, n: name }, as);
    expect(res.errors).toBeUndefined();
    return res.data!.createOrganization.id;
  }
  const ok = async (res: Promise<GraphQLResponse>) => {
    const r = await res;
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  };
  const versionCount = async () => (await t.app.orm.em.fork().execute(`select count(*)::int as n from collab_version`))[0].n as number;
  const logCount = async () => {
    await t.app.collab.log.drain();
    return (await t.app.orm.em.fork().execute(`select count(*)::int as n from collab_update`))[0].n as number;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    p = await planProject(t, 'Plan versionné');
    const fensch = (await t.gql(`{ territories { id name } }`, {}, p.steel)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    stranger = await signUp('curieux@exemple.fr', 'Curieux');
    otherCompany = await signUp('dir@concurrent.fr', 'Concurrent');
    const otherOrg = await organizationOf(otherCompany, 'Concurrent SA', fensch);
    invitee = await signUp('contact@invitee.fr', 'Invitée');
    const inviteeOrg = await organizationOf(invitee, 'Invitée SARL', fensch);
    otherFacilitator = (await otherTerritoryFacilitator(t)).as;

    // Both organisations approved by the territory's facilitator: their members are members in full.
    for (const org of [otherOrg, inviteeOrg]) await ok(t.gql(`mutation($o: ID!) { approveOrganization(id: $o) { approval } }`, { o: org }, p.facilitator));
    const invite = (project: string, org: string) =>
      ok(t.gql(`mutation($p: ID!, $o: ID!) { inviteToProject(projectId: $p, organizationId: $o, role: PARTNER) { id } }`, { p: project, o: org }, p.steel));
    await invite(p.projectId, inviteeOrg);
    // Another project of the same people, which the other company joined: its versions must not open this plan's.
    const other = await ok(t.gql(`mutation($t: ID!, $l: ID!) { createProject(input: {title: "Autre projet", territoryId: $t, leadOrganizationId: $l}) { id } }`, { t: fensch, l: p.org.steel }, p.facilitator));
    const otherProject = other.createProject.id;
    await ok(t.gql(`mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: true) { id } }`, { p: otherProject }, p.steel));
    await invite(otherProject, otherOrg);
    await ok(t.gql(`mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: true) { id } }`, { p: otherProject }, otherCompany));
    otherProjectVersion = (await ok(t.gql(SAVE, { p: otherProject, n: 'version de l’autre projet' }, otherCompany))).saveProjectPlanVersion.id;

    version = (await ok(t.gql(SAVE, { p: p.projectId, n: 'après le comité de pilotage du 12 mars' }, p.steel))).saveProjectPlanVersion.id;
  });
  afterAll(async () => t?.stop());

  it('shows the versions to every participant, the observer and the facilitator, with who saved them', async () => {
    for (const as of [p.steel, p.joinery, p.authority, p.facilitator]) {
      const data = await ok(t.gql(LIST, { p: p.projectId }, as));
      expect(data.project.planVersions).toEqual([{ id: version, name: 'après le comité de pilotage du 12 mars', savedByName: 'Julien Weber' }]);
      expect((await ok(t.gql(GET, { id: version }, as))).projectPlanVersion.name).toBe('après le comité de pilotage du 12 mars');
      expect((await ok(t.gql(COMPARE, { f: version }, as))).compareProjectPlanVersions.to).toBeNull();
    }
  });

  it('lets the partner and the facilitator save and restore, and refuses the observer (FORBIDDEN), changing nothing', async () => {
    await ok(t.gql(SAVE, { p: p.projectId, n: 'avis du partenaire' }, p.joinery));
    await ok(t.gql(RESTORE, { id: version }, p.facilitator));
    const [versions, log] = [await versionCount(), await logCount()];
    const save = await t.gql(SAVE, { p: p.projectId, n: 'avis de l’observateur' }, p.authority);
    const restore = await t.gql(RESTORE, { id: version }, p.authority);
    expect([save.errors?.[0].extensions?.code, restore.errors?.[0].extensions?.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect([await versionCount(), await logCount()]).toEqual([versions, log]);
  });

  it('refuses bad names with BAD_USER_INPUT and saves nothing', async () => {
    const before = await versionCount();
    for (const name of ['', '   ', 'x'.repeat(201), 'comité\u0007', 'deux\nlignes', 'nul\u0000']) {
      const res = await t.gql(SAVE, { p: p.projectId, n: name }, p.steel);
      expect(res.errors?.[0].extensions?.code, JSON.stringify(name)).toBe('BAD_USER_INPUT');
    }
    expect(await versionCount()).toBe(before);
    expect((await ok(t.gql(SAVE, { p: p.projectId, n: `  ${'é'.repeat(200)}  ` }, p.steel))).saveProjectPlanVersion.name).toBe('é'.repeat(200));
  });

  it('is NOT_FOUND, alike, to another company, a stranger, a facilitator of another territory and a pending invitee', async () => {
    const forged = toGlobalId('PlanVersion', '00000000-0000-4000-8000-000000000000');
    const [versions, log] = [await versionCount(), await logCount()];
    const answers: string[] = [];
    for (const as of [otherCompany, stranger, otherFacilitator, invitee]) {
      for (const [query, variables] of [
        [SAVE, { p: p.projectId, n: 'intrusion' }],
        [GET, { id: version }],
        [COMPARE, { f: version }],
        [COMPARE, { f: otherProjectVersion, t: version }],
        [RESTORE, { id: version }],
        [GET, { id: forged }],
      ] as const) {
        const res = await t.gql(query, variables, as);
        expect(res.errors?.[0].extensions?.code, `${query} ${JSON.stringify(res)}`).toBe('NOT_FOUND');
        expect(JSON.stringify(res)).not.toContain('comité');
        answers.push(res.errors![0].message.replace('Project', 'Plan version'));
      }
      expect((await ok(t.gql(LIST, { p: p.projectId }, as))).project).toBeNull();
    }
    // A hidden version and a forged one answer the same words.
    expect(new Set(answers)).toEqual(new Set(['Plan version not found.']));
    expect([await versionCount(), await logCount()]).toEqual([versions, log]);
  });

  it("will not open, compare with or restore another project's version through a project one belongs to", async () => {
    for (const res of [
      await t.gql(COMPARE, { f: version, t: otherProjectVersion }, p.steel),
      await t.gql(COMPARE, { f: otherProjectVersion, t: version }, otherCompany),
      await t.gql(RESTORE, { id: version }, otherCompany),
      await t.gql(GET, { id: version }, otherCompany),
    ]) {
      expect(res.errors?.[0].extensions?.code, JSON.stringify(res)).toBe('NOT_FOUND');
    }
  });
});
