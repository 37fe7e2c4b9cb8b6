import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { collect, TestApp, type As } from '../harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

/**
 * docs/THREAT_MODEL.md #58. When a member declares a flow, detection re-runs and may suggest a synergy: the
 * territory's facilitators hear it on `synergyChanged` (SUGGESTED), so their open synergies page updates. Nobody
 * else hears it there: not a party (they hear `synergySuggested`, anonymously), not another company's member, not a
 * stranger who just signed up, not the facilitator of another territory, not a revoked token on an open socket.
 */
describe('a synergy suggested as a flow is declared is told live to the facilitators of its territory only', () => {
  let t: TestApp;
  let facilitator: As;
  let joinery: As;
  let fensch: string;
  let needSiteId: string;
  const clients: Client[] = [];
  const CHANGED = `subscription { synergyChanged { synergyId change synergy { id status participants { flow { label } } } } }`;

  const signUp = async (email: string, password: string) => {
    await t.gql(`mutation($e: String!, $p: String!) { signUp(input: {email: $e, password: $p, name: "Nouveau"}) { viewer { id } } }`, { e: email, p: password });
    return t.logIn(email, password);
  };

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, joinery] = await Promise.all([DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.joineryMember].map((a) => t.logIn(a.email)));
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const steel = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const steelSite = (await t.gql(`{ viewer { memberships { organization { sites { id latitude longitude } } } } }`, {}, steel)).data!.viewer.memberships[0].organization.sites[0];
    const joineryOrg = (await t.gql(`{ viewer { memberships { organization { id } } } }`, {}, joinery)).data!.viewer.memberships[0].organization.id;
    // Waste heat at the steelworks, and a kiln of the joinery 1 km away: each new heat need there is suggested a synergy.
    const heat = await t.gql(`mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }`, { input: {
      siteId: steelSite.id, direction: 'OUTPUT', category: 'ENERGY', label: 'Chaleur fatale four TT-4', quantity: 5000, unit: 'MEGAWATT_HOUR',
      period: 'YEAR', temperatureC: 95, visibility: 'PRIVATE', currentDestination: 'OTHER' } }, steel);
    expect(heat.errors).toBeUndefined();
    const site = await t.gql(
      `mutation($o: ID!, $lat: Float!, $lon: Float!) { addSite(organizationId: $o, input: {name: "Séchoir TT", city: "Florange", latitude: $lat, longitude: $lon}) { id } }`,
      { o: joineryOrg, lat: steelSite.latitude + 0.00913, lon: steelSite.longitude + 0.00317 },
      joinery,
    );
    needSiteId = site.data!.addSite.id;
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.stop();
  });

  it('the facilitator hears SUGGESTED; a party, another member, a stranger, another territory’s facilitator and a revoked token hear nothing', async () => {
    // The listeners who must hear nothing. Each socket also follows the territory's flows, where a PUBLIC flow's
    // changes reach them all: the sentinel that proves their socket was live and caught up.
    const outsider = await otherTerritoryFacilitator(t);
    const tokenOwner = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const created = await t.gql(`mutation { createApiToken(name: "écoute") { token apiToken { id } } }`, {}, tokenOwner);
    const listeners: Record<string, As> = {
      'a party (the steelworks)': await t.logIn(DEMO_ACCOUNTS.steelMember.email),
      'another company’s member': await t.logIn(DEMO_ACCOUNTS.authorityMember.email),
      'a stranger who just signed up': await signUp('curieux@ailleurs.example', 'nouveau-secret-1'),
      'the facilitator of another territory': outsider.as,
      'a token revoked on its open socket': { token: created.data!.createApiToken.token },
    };
    const publicFlow = (await t.gql(`query($t: ID!) { flows(first: 100, filter: {territoryId: $t}) { nodes { id visibility organization { id } } } }`, { t: fensch }, facilitator)).data!.flows.nodes.find(
      (f: any) => f.visibility === 'PUBLIC',
    );
    const probe = t.flowProbe(publicFlow.id, facilitator);
    const FLOWS = `subscription($t: ID!) { flowChanged(territoryId: $t) { flowId flow { description } } }`;
    const watched = [];
    for (const [who, as] of Object.entries(listeners)) {
      const client = t.wsClient(as);
      clients.push(client);
      // synergyChanged is asked first on the socket; the flows sentinel, asked after it, going live means the socket is served.
      const changed = collect<any>(client, CHANGED, {});
      const flows = collect<any>(client, FLOWS, { t: fensch });
      await flows.live(probe);
      watched.push({ who, changed, flows });
    }
    const revoked = watched.at(-1)!;
    const revoke = await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: created.data!.createApiToken.apiToken.id }, tokenOwner);
    expect(revoke.errors).toBeUndefined();
    await Promise.race([revoked.changed.done, new Promise((r) => setTimeout(r, 10_000))]);

    // The facilitator's page: hears the suggestion made for a need declared through the API.
    const client = t.wsClient(facilitator);
    clients.push(client);
    const heard = collect<any>(client, CHANGED, {});
    let label = '';
    const declareNeed = async (marker: string) => {
      label = `Besoin séchoir TT ${marker}`;
      const res = await t.gql(`mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }`, { input: {
        siteId: needSiteId, direction: 'INPUT', category: 'ENERGY', label, needCode: 'heat-below-90c',
        quantity: 900, unit: 'MEGAWATT_HOUR', period: 'YEAR', temperatureC: 55, visibility: 'PRIVATE' } }, joinery);
      expect(res.errors).toBeUndefined();
      await t.app.synergiesSettled();
    };
    await heard.live(declareNeed, (e, marker) => e.data?.synergyChanged?.change === 'SUGGESTED' && JSON.stringify(e).includes(marker), { everyMs: 2000 });
    const suggested = heard.all.filter((e: any) => e.data?.synergyChanged?.change === 'SUGGESTED');
    expect(suggested.length).toBeGreaterThan(0);
    for (const e of suggested) expect(e.data.synergyChanged.synergy.status).toBe('SUGGESTED');
    const suggestedIds = new Set(suggested.map((e: any) => e.data.synergyChanged.synergyId));

    // Then each other listener's sentinel: once it is back, anything published before it has been delivered.
    for (const { who, changed, flows } of watched) {
      if (changed === revoked.changed) {
        expect(revoked.changed.all, who).toEqual([]);
        expect(revoked.changed.error ?? 'closed', who).toBeTruthy();
        continue;
      }
      await flows.before(probe);
      expect(changed.all.filter((e: any) => suggestedIds.has(e.data?.synergyChanged?.synergyId)), who).toEqual([]);
      expect(changed.all, who).toEqual([]);
      expect(JSON.stringify(changed.all), who).not.toContain(label);
    }
  });
});
