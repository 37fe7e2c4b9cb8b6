import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { fromGlobalId } from '../../src/graphql/global-id.js';
import { planDocumentName } from '../../src/project/plan-document.port.js';
import { collect, TestApp, type As } from '../harness.js';
import { openPlan, synced, until, type PlanClient } from '../collab/collab-harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

const FIGURES = `indicator low central high unit organization { id }`;
const INDICATORS = `indicators { indicator unit expected figure synergyFigures { ${FIGURES} } }`;
const PROJECT = `project(id: $p) { id originSynergy { impacts { ${FIGURES} } } plan { ${INDICATORS} } }`;

type Figure = { indicator: string; low: number; central: number; high: number; unit: string; organization: { id: string } | null };
type Indicator = { indicator: string; unit: string; expected: number; figure: string | null; synergyFigures: Figure[] };

/**
 * docs/THREAT_MODEL.md (plan indicators linked to a synergy's figures): a plan indicator may name one of its
 * synergy's impact figures, and the plan then shows the synergy's estimate beside the target — read through the
 * synergy's own policy, so the plan is no side door. The synergy here pairs the steel works (a demo account) with
 * a concrete maker that has no account: both save euros, and the steel works may see only its own, rounded before
 * the concrete maker consents. A partner or observer of the project that is not a party of the synergy sees no
 * figure at all; outsiders see no project.
 */
describe('plan indicators linked to the synergy’s figures', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let joinery: As;
  let authority: As;
  let stranger: As;
  let otherCompany: As;
  let otherFacilitator: As;
  let steelOrg: string;
  let projectId: string;
  let scratchProjectId: string;
  /** Euros the concrete maker saves (exact, as the facilitator reads them): no one else in the project may read them. */
  let concreteEuros: Figure[];
  const clients: PlanClient[] = [];
  const ws: Client[] = [];

  const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
  const q = async (as: As, query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, as);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const read = async (as: As | undefined, p = projectId) => (await t.gql(`query($p: ID!) { ${PROJECT} }`, { p }, as)).data?.project ?? null;
  const setIndicator = (as: As, input: Record<string, unknown>, p = projectId) =>
    t.gql(`mutation($p: ID!, $i: PlanIndicatorInput!) { setPlanIndicator(projectId: $p, input: $i) { ${INDICATORS} } }`, { p, i: input }, as);
  const byName = (indicators: Indicator[], name: string) => indicators.find((i) => i.indicator === name)!;

  async function signUp(email: string, name: string): Promise<As> {
    const res = await t.gql(`mutation($e: String!, $n: String!) { signUp(input: {email: $e, password: "un-long-mot-de-passe", name: $n}) { viewer { id } } }`, { e: email, n: name });
    expect(res.errors).toBeUndefined();
    return t.logIn(email, 'un-long-mot-de-passe');
  }

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, steel, joinery, authority] = await Promise.all(
      [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember, DEMO_ACCOUNTS.authorityMember].map((a) => t.logIn(a.email)),
    );
    const orgOf = async (as: As) => (await q(as, `{ viewer { memberships { organization { id } } } }`)).viewer.memberships[0].organization.id as string;
    steelOrg = await orgOf(steel);
    const [joineryOrg, authorityOrg] = [await orgOf(joinery), await orgOf(authority)];
    const fensch = (await q(steel, `{ territories { id name } }`)).territories.find((x: any) => x.name === 'Val de Fensch').id;

    // A demo synergy of the steel works and one other party, where both save euros and tonnes are diverted.
    const synergies = (await q(facilitator, `query($o: ID!) { synergies(first: 100, filter: {organizationId: $o}) { nodes { id participants { organization { id } } impacts { ${FIGURES} } } } }`, { o: steelOrg })).synergies.nodes;
    const chosen = synergies.find((s: any) => {
      const euros = s.impacts.filter((f: Figure) => f.indicator === 'EUROS_SAVED' && f.central > 0);
      return s.participants.length === 2 && euros.some((f: Figure) => f.organization?.id === steelOrg) && euros.some((f: Figure) => f.organization?.id !== steelOrg) &&
        s.impacts.some((f: Figure) => f.indicator === 'TONNES_DIVERTED' && f.central > 0);
    });
    expect(chosen, 'a demo synergy where both parties save euros').toBeDefined();
    concreteEuros = chosen.impacts.filter((f: Figure) => f.indicator === 'EUROS_SAVED' && f.organization?.id !== steelOrg);

    // The facilitator starts the project with the steel works as lead; the concrete maker stays invited.
    const created = await q(facilitator, `mutation($s: ID!, $l: ID!) { createProject(input: {title: "Laitiers pour le béton", synergyId: $s, leadOrganizationId: $l}) { id } }`, { s: chosen.id, l: steelOrg });
    projectId = created.createProject.id;
    await q(steel, `mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: true) { id } }`, { p: projectId });
    for (const [org, role, as] of [[joineryOrg, 'PARTNER', joinery], [authorityOrg, 'OBSERVER', authority]] as const) {
      await q(steel, `mutation($p: ID!, $o: ID!, $r: ProjectRole!) { inviteToProject(projectId: $p, organizationId: $o, role: $r) { id } }`, { p: projectId, o: org, r: role });
      await q(as, `mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: true) { id } }`, { p: projectId });
    }
    scratchProjectId = (await q(facilitator, `mutation($t: ID!, $l: ID!) { createProject(input: {title: "Sans synergie", territoryId: $t, leadOrganizationId: $l}) { id } }`, { t: fensch, l: steelOrg })).createProject.id;
    await q(steel, `mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: true) { id } }`, { p: scratchProjectId });

    for (const input of [
      { indicator: 'Économies', unit: '€/an', expected: 250000, figure: 'EUROS_SAVED' },
      { indicator: 'Laitiers valorisés', unit: 't/an', expected: 12000, figure: 'TONNES_DIVERTED' },
      { indicator: 'tCO2e évitées', unit: 't/an', expected: 100, figure: 'CO2E_AVOIDED_T' },
      { indicator: 'Réunions', unit: 'par an', expected: 4 },
    ]) {
      expect((await setIndicator(steel, input)).errors, input.indicator).toBeUndefined();
    }

    stranger = await signUp('curieux@exemple.fr', 'Curieux');
    otherCompany = await signUp('dir@concurrent.fr', 'Concurrent');
    expect((await t.gql(`mutation($t: ID!) { createOrganization(input: {territoryId: $t, name: "Concurrent SA", kind: COMPANY}) { id } }`, { t: fensch }, otherCompany)).errors).toBeUndefined();
    otherFacilitator = (await otherTerritoryFacilitator(t, 'animateur@pays-haut.fr')).as;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const c of ws) await c.dispose();
    await t?.stop();
  });

  it('shows each reader the synergy’s estimate exactly as that reader sees the synergy', async () => {
    for (const [name, as] of Object.entries({ facilitator, steel, joinery, authority })) {
      const project = await read(as);
      const indicators: Indicator[] = project.plan.indicators;
      const impacts: Figure[] = project.originSynergy?.impacts ?? [];
      expect(indicators.map((i) => i.figure).sort(), name).toEqual(['CO2E_AVOIDED_T', 'EUROS_SAVED', 'TONNES_DIVERTED', null].sort());
      for (const indicator of indicators) {
        expect(indicator.synergyFigures, `${name}: ${indicator.indicator}`).toEqual(impacts.filter((f) => indicator.figure && f.indicator === indicator.figure));
      }
    }
    const facilitatorView: Indicator[] = (await read(facilitator)).plan.indicators;
    const steelView: Indicator[] = (await read(steel)).plan.indicators;
    // The facilitator reads both parties' euros, exactly; the steel works only its own, rounded (no consent yet).
    expect(byName(facilitatorView, 'Économies').synergyFigures.map((f) => f.organization?.id)).toEqual(expect.arrayContaining([steelOrg, concreteEuros[0].organization!.id]));
    expect(byName(facilitatorView, 'Économies').synergyFigures).toEqual(expect.arrayContaining(concreteEuros));
    expect(byName(steelView, 'Économies').synergyFigures.map((f) => f.organization?.id)).toEqual([steelOrg]);
    expect(byName(steelView, 'Laitiers valorisés').synergyFigures).toHaveLength(1);
    const exact = byName(facilitatorView, 'Laitiers valorisés').synergyFigures[0];
    const shown = byName(steelView, 'Laitiers valorisés').synergyFigures[0];
    expect(Number(shown.central.toPrecision(1))).toBe(shown.central);
    expect(Math.abs(shown.central - exact.central)).toBeLessThanOrEqual(exact.central * 0.5);
    expect(byName(steelView, 'Réunions').synergyFigures).toEqual([]);
  });

  it('a partner and an observer that are not parties of the synergy read the plan, and no figure of it', async () => {
    for (const as of [joinery, authority]) {
      const project = await read(as);
      expect(project.originSynergy).toBeNull();
      expect(project.plan.indicators).toHaveLength(4);
      expect(project.plan.indicators.flatMap((i: Indicator) => i.synergyFigures)).toEqual([]);
      for (const euro of concreteEuros) expect(JSON.stringify(project)).not.toContain(String(euro.central));
    }
  });

  it('outsiders — visitor, stranger, another company, a facilitator of another territory, a revoked token — get no project and change nothing', async () => {
    const created = await q(steel, `mutation { createApiToken(name: "indicateurs") { token apiToken { id } } }`);
    const token = { token: created.createApiToken.token as string };
    expect((await read(token))?.plan.indicators).toHaveLength(4);
    await q(steel, `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: created.createApiToken.apiToken.id });
    const before = await read(facilitator);
    const outsiders = { visitor: undefined, stranger, otherCompany, otherFacilitator, revokedToken: token };
    for (const [name, as] of Object.entries(outsiders)) {
      const res = await t.gql(`query($p: ID!) { ${PROJECT} }`, { p: projectId }, as);
      expect(res.data?.project ?? null, name).toBeNull();
      const write = await setIndicator(as as As, { indicator: 'Économies', unit: '€/an', expected: 1, figure: 'EUROS_SAVED' });
      expect(codeOf(write), name).toBe(name === 'visitor' || name === 'revokedToken' ? 'UNAUTHENTICATED' : 'NOT_FOUND');
    }
    expect(await read(facilitator)).toEqual(before);
  });

  it('planChanged carries each subscriber’s own figures: the steel works never hears the other party’s euros', async () => {
    const subscribe = (as: As) => {
      const client = t.wsClient(as);
      ws.push(client);
      return collect<any>(client, `subscription($p: ID!) { planChanged(projectId: $p) { plan { summary ${INDICATORS} } } }`, { p: projectId });
    };
    // Two subscribers of the same change: the lead and the facilitator, who reads every party's euros.
    const [steelEvents, facilitatorEvents] = [subscribe(steel), subscribe(facilitator)];
    const setSummary = (summary: string) => q(facilitator, `mutation($p: ID!, $s: String!) { setPlanSummary(projectId: $p, summary: $s) { summary } }`, { p: projectId, s: summary });
    await steelEvents.live(setSummary);
    await facilitatorEvents.live(setSummary);
    expect((await setIndicator(facilitator, { indicator: 'Économies', unit: '€/an', expected: 260000, figure: 'EUROS_SAVED' })).errors).toBeUndefined();
    // The event of this change (the other subscriber's liveness probes may come before it).
    const euros = async (events: typeof steelEvents) => {
      const ofChange = (e: any) => byName(e.data.planChanged.plan.indicators, 'Économies').expected === 260000;
      await until(() => events.events.some(ofChange), 'the change to reach the subscriber');
      const event = events.events.find(ofChange)!;
      return { event, figures: byName(event.data.planChanged.plan.indicators, 'Économies').synergyFigures };
    };
    const toSteel = await euros(steelEvents);
    const toFacilitator = await euros(facilitatorEvents);
    expect(toSteel.figures.map((f) => f.organization?.id)).toEqual([steelOrg]);
    for (const euro of concreteEuros) expect(JSON.stringify(toSteel.event)).not.toContain(String(euro.central));
    expect(toFacilitator.figures).toEqual(expect.arrayContaining(concreteEuros));
  });

  it('bad input is BAD_USER_INPUT and changes nothing: a link on a project without a synergy, an unknown figure', async () => {
    const scratch = await setIndicator(steel, { indicator: 'Économies', unit: '€/an', expected: 1, figure: 'EUROS_SAVED' }, scratchProjectId);
    expect(codeOf(scratch)).toBe('BAD_USER_INPUT');
    expect((scratch.errors![0].extensions as any).problems.map((p: any) => p.field)).toEqual(['figure']);
    expect((await read(steel, scratchProjectId)).plan.indicators).toEqual([]);
    const unknown = await setIndicator(steel, { indicator: 'Économies', unit: '€/an', expected: 1, figure: 'SECRET_FIGURE' });
    expect(unknown.errors).toBeDefined();
    expect(byName((await read(steel)).plan.indicators, 'Économies').expected).not.toBe(1);
  });

  it('a link a browser wrote that names no figure is no link', async () => {
    const documentName = planDocumentName(fromGlobalId(projectId)!.id);
    const editor = openPlan(t.url, documentName, steel);
    clients.push(editor);
    await synced(editor);
    editor.doc.getMap('indicators').set('Bidouille|t', { indicator: 'Bidouille', unit: 't', expected: 1, figure: 'organization:secret' });
    editor.doc.getMap('indicators').set('Tonnes|t', { indicator: 'Tonnes', unit: 't', expected: 2, figure: 'TONNES_DIVERTED' });
    await until(async () => (await read(steel)).plan.indicators.some((i: Indicator) => i.indicator === 'Tonnes'), 'the browser indicators in the plan');
    const indicators: Indicator[] = (await read(steel)).plan.indicators;
    expect(byName(indicators, 'Bidouille')).toMatchObject({ figure: null, synergyFigures: [] });
    expect(byName(indicators, 'Tonnes').synergyFigures).toEqual(byName(indicators, 'Laitiers valorisés').synergyFigures);
  });
});
