import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { collect, TestApp, type As } from './harness.js';
import { fullSelection } from './schema-selection.js';

/**
 * Issue 3, through the public API on the demo territory: detection, the consent workflow, decisions surviving
 * recomputation, and — for every role, field by field — that no identity, exact location or PRIVATE datum of a
 * counterpart leaks before both sides consent.
 */
describe('synergies', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let joinery: As;
  let authority: As;
  let fensch: string;
  let synergyFields: string;
  let steelOrg: any;
  let joineryOrg: any;
  let pair: { synergyId: string; heatId: string; needId: string; joinerySiteId: string };

  /** The facilitator's view of flow changes: the detection has heard of every change published before a sentinel. */
  let watch: Awaited<ReturnType<TestApp['detectionWatch']>>;
  const settle = () => watch.settle();
  const synergyOf = async (as: As, id: string) =>
    (await t.gql(`query($id: ID!) { synergy(id: $id, language: EN) { ${synergyFields} } }`, { id }, as)).data!.synergy;

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, steel, joinery, authority] = await Promise.all(
      [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember, DEMO_ACCOUNTS.authorityMember].map((a) => t.logIn(a.email)),
    );
    synergyFields = await fullSelection(t, 'Synergy', 3);
    const ids = await t.gql(`{ territories { id name } viewer { memberships { organization { id name siren sites { id name address siret latitude longitude } } } } }`, {}, steel);
    fensch = ids.data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    steelOrg = ids.data!.viewer.memberships[0].organization;
    joineryOrg = (await t.gql(`{ viewer { memberships { organization { id name siren sites { id name address siret latitude longitude } } } } }`, {}, joinery)).data!.viewer.memberships[0].organization;
    // A flow of neither party of the tests' pair: its description changes are the settling sentinels.
    const others = await t.gql(`query($t: ID!) { flows(first: 50, filter: {territoryId: $t}) { nodes { id organization { id } } } }`, { t: fensch }, facilitator);
    const bystander = others.data!.flows.nodes.find((f: any) => f.organization && ![steelOrg.id, joineryOrg.id].includes(f.organization.id));
    watch = await t.detectionWatch(bystander.id, facilitator, fensch);

    // A controlled pair: a PRIVATE heat need of the joinery's new drying kiln, 1 km from the steel works'
    // PRIVATE waste heat. Declared through the API, so the incremental path finds it.
    const s = steelOrg.sites[0];
    const site = await t.gql(
      `mutation($o: ID!, $lat: Float!, $lon: Float!) { addSite(organizationId: $o, input: {name: "Séchoir", city: "Florange", latitude: $lat, longitude: $lon}) { id } }`,
      { o: joineryOrg.id, lat: s.latitude + 0.00913, lon: s.longitude + 0.00317 },
      joinery,
    );
    const needs = await t.gql(`{ needs(search: "chaleur", first: 20) { code labelFr category } }`);
    const heatNeed = needs.data!.needs.find((n: any) => n.code === 'heat-below-90c');
    expect(heatNeed).toBeDefined();
    const declare = `mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }`;
    const need = await t.gql(declare, { input: {
      siteId: site.data!.addSite.id, direction: 'INPUT', category: 'ENERGY', label: 'Besoin séchoir XK-7', needCode: heatNeed.code,
      quantity: 1234.5, unit: 'MEGAWATT_HOUR', period: 'YEAR', temperatureC: 55, visibility: 'PRIVATE', yearlyCostEur: 98765 } }, joinery);
    expect(need.errors).toBeUndefined();
    const heat = await t.gql(declare, { input: {
      siteId: s.id, direction: 'OUTPUT', category: 'ENERGY', label: 'Chaleur fatale laminoir ZQ-3', quantity: 4321.5, unit: 'MEGAWATT_HOUR',
      period: 'YEAR', temperatureC: 95, visibility: 'PRIVATE', currentDestination: 'OTHER' } }, steel);
    expect(heat.errors).toBeUndefined();
    await settle();
    const all = await t.gql(`query($o: ID!) { synergies(first: 100, filter: {organizationId: $o}) { nodes { id participants { flow { id } } } } }`, { o: joineryOrg.id }, facilitator);
    const found = all.data!.synergies.nodes.find((n: any) => {
      const flows = n.participants.map((p: any) => p.flow?.id);
      return flows.includes(need.data!.declareFlow.id) && flows.includes(heat.data!.declareFlow.id);
    });
    expect(found, 'the engine pairs the waste heat with the kiln').toBeDefined();
    pair = { synergyId: found.id, heatId: heat.data!.declareFlow.id, needId: need.data!.declareFlow.id, joinerySiteId: site.data!.addSite.id };
  });
  afterAll(async () => {
    await watch?.dispose();
    await t?.stop();
  });

  it('shows the facilitator at least 15 explained synergies of both kinds on the demo territory, with impacts and method', async () => {
    const kinds: Record<string, number> = {};
    for (const kind of ['SUBSTITUTION', 'MUTUALISATION']) {
      const res = await t.gql(
        `query($t: ID!, $k: [SynergyKind!]) { synergies(first: 100, filter: {territoryId: $t, kinds: $k}, language: FR) { totalCount nodes { kind score
           pathway { labelFr sources { citation } } explanation { sentences } impacts { indicator central formula factors { id } }
           participants { organization { name } } } } }`,
        { t: fensch, k: [kind] },
        facilitator,
      );
      expect(res.errors).toBeUndefined();
      kinds[kind] = res.data!.synergies.totalCount;
      for (const n of res.data!.synergies.nodes) {
        expect(n.kind).toBe(kind);
        expect(n.score).toBeGreaterThan(0);
        expect(n.score).toBeLessThanOrEqual(1);
        expect(n.explanation.sentences.length).toBeGreaterThan(0);
        expect(n.pathway.sources.length).toBeGreaterThan(0);
        expect(n.impacts.every((i: any) => i.formula)).toBe(true);
        expect(n.participants.every((p: any) => p.organization)).toBe(true);
      }
    }
    console.log(`Demo territory synergies: ${JSON.stringify(kinds)}`);
    // Knowledge base 1.16.5 finds 145 substitutions and 12 pools in the demo territory (with this file's two flows);
    // 1.5.0 found 125, and 142 before every PRIVATE flow's list ran as far with a quantity as without (issue 10).
    // Within ±15 %: a large drop (or a flood) fails, and moving these figures asks for the reason in the commit.
    // Which pairs and pools must and must not appear is pinned through the engine in demo-expectations.test.ts.
    expect(kinds.SUBSTITUTION).toBeGreaterThanOrEqual(10);
    expect(kinds.MUTUALISATION).toBeGreaterThanOrEqual(5);
    expect(kinds.SUBSTITUTION).toBeGreaterThanOrEqual(Math.floor(145 * 0.85));
    expect(kinds.SUBSTITUTION).toBeLessThanOrEqual(Math.ceil(145 * 1.15));
    expect(kinds.MUTUALISATION).toBeGreaterThanOrEqual(Math.floor(12 * 0.85));
    expect(kinds.MUTUALISATION).toBeLessThanOrEqual(Math.ceil(12 * 1.15));
  });

  function secretsOf(org: any, extra: string[]) {
    return [
      org.id, org.name, ...(org.siren ? [org.siren] : []),
      ...org.sites.flatMap((s: any) => [s.id, s.name, s.address, s.siret, String(s.latitude), String(s.longitude)].filter(Boolean)),
      ...extra,
    ];
  }

  it('warns when a need or a source is claimed by several suggestions beyond what it has, on its own side only', async () => {
    const fields = `id participants { role isYours flow { id } } explanation { inputCoverage outputCoverage conditionsToCheck { code params sentence(language: EN) } }`;
    const all = async (as: As) => {
      const nodes: any[] = [];
      let after: string | null = null;
      do {
        const res: any = await t.gql(
          `query($after: String) { synergies(first: 100, after: $after, filter: {kinds: [SUBSTITUTION]}) { pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`,
          { after },
          as,
        );
        expect(res.errors).toBeUndefined();
        nodes.push(...res.data.synergies.nodes);
        after = res.data.synergies.pageInfo.hasNextPage ? res.data.synergies.pageInfo.endCursor : null;
      } while (after);
      return nodes;
    };
    // The facilitator: each notice agrees with the coverages of every suggestion the flow takes part in.
    const nodes = await all(facilitator);
    const notices = nodes.flatMap((n) => n.explanation.conditionsToCheck.filter((c: any) => c.code === 'ALSO_OFFERED').map((c: any) => ({ n, c })));
    expect(notices.length, 'the demo territory offers some needs several sources beyond their quantity').toBeGreaterThan(0);
    for (const { n, c } of notices) {
      const { side, others, share } = JSON.parse(c.params);
      const role = side === 'input' ? 'INPUT' : 'OUTPUT';
      const flowId = n.participants.find((p: any) => p.role === role).flow.id;
      const sharing = nodes.filter((m) => m.participants.some((p: any) => p.role === role && p.flow?.id === flowId));
      expect(sharing.length, JSON.stringify({ nodes: nodes.length, flowId, side, others, share, ids: sharing.map((m) => m.id) })).toBe(others + 1);
      const total = sharing.reduce((sum, m) => sum + ((side === 'input' ? m.explanation.inputCoverage : m.explanation.outputCoverage) ?? 0), 0);
      expect(total).toBeGreaterThan(1.05);
      expect(share).toBeCloseTo(total, 1);
      expect(c.sentence).toMatch(side === 'input' ? /^This need is also in \d+ other/ : /^This output is also offered in \d+ other/);
    }
    // A member reads the notice only about its own flow's side.
    for (const member of [steel, joinery]) {
      for (const n of await all(member)) {
        for (const c of n.explanation.conditionsToCheck.filter((x: any) => x.code === 'ALSO_OFFERED')) {
          const role = JSON.parse(c.params).side === 'input' ? 'INPUT' : 'OUTPUT';
          expect(n.participants.find((p: any) => p.role === role).isYours).toBe(true);
        }
      }
    }
  });

  it('before consent, each party sees its side and an anonymous counterpart — field by field', async () => {
    const forSteel = await synergyOf(steel, pair.synergyId);
    const forJoinery = await synergyOf(joinery, pair.synergyId);
    for (const [view, other, hidden] of [
      [forSteel, joineryOrg, [pair.needId, 'Besoin séchoir XK-7', '1234.5', '98765', pair.joinerySiteId, '55 °C']],
      [forJoinery, steelOrg, [pair.heatId, 'Chaleur fatale laminoir ZQ-3', '4321.5', '95 °C']],
    ] as const) {
      expect(view.identitiesRevealed).toBe(false);
      const theirs = view.participants.filter((p: any) => !p.isYours);
      const mine = view.participants.filter((p: any) => p.isYours);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((p: any) => p.organization && p.flow)).toBe(true);
      for (const p of theirs) {
        expect(p.organization).toBeNull();
        expect(p.flow).toBeNull();
        // Roughly where: a band, widened (or left out) until k organisations of the directory match (THREAT_MODEL #18a).
        if (p.anonymous.distanceBand !== null) expect(p.anonymous.descriptionFr).toContain(p.anonymous.distanceBand);
        expect(p.anonymous.descriptionFr).not.toMatch(/\d[,.]\d+ km/); // never an exact distance
        expect(p.anonymous.approximateYearlyQuantity).toBeNull(); // its flow is PRIVATE
      }
      expect(view.explanation.distanceKm).toBeNull();
      expect(view.explanation.matchedQuantity).toBeNull();
      expect(view.explanation.transportTonneKm).toBeNull();
      expect(view.impacts.every((i: any) => i.formula === null)).toBe(true);
      // The party reads an explanation in words, with the distance as a band and no figure of the other side.
      const sentences: string[] = view.explanation.sentences;
      expect(sentences.length).toBeGreaterThan(3);
      // A band (widened until k directory organisations match, as the counterpart's), never the distance itself.
      expect(sentences.join(' ')).toMatch(/Distance: (< \d+|\d+–\d+|> \d+) km/);
      expect(sentences.join(' ')).not.toMatch(/\d+\.\d km/);
      expect(view.explanation.reasons.every((r: any) => typeof r.sentence === 'string')).toBe(true);
      const text = JSON.stringify(view);
      for (const secret of secretsOf(other, [...hidden])) expect(text, `leaks ${secret}`).not.toContain(secret);
    }
  });

  it('other members, authorities and visitors learn nothing of it', async () => {
    expect(await synergyOf(authority, pair.synergyId)).toBeNull();
    const list = await t.gql(`{ synergies(first: 100) { totalCount nodes { id } } }`, {}, authority);
    expect(list.data!.synergies.nodes.map((n: any) => n.id)).not.toContain(pair.synergyId);
    expect(list.data!.synergies.totalCount).toBe(list.data!.synergies.nodes.length);
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: pair.synergyId }, authority);
    expect(node.data!.node).toBeNull();
    const visitor = await t.gql(`{ synergies(first: 5) { totalCount } }`);
    expect(visitor.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await t.gql(`mutation($id: ID!) { requestContact(id: $id) { status } }`, { id: pair.synergyId }, authority);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('reveals identities to both only once both consent; PRIVATE data stay private', async () => {
    const asked = await t.gql(`mutation($id: ID!) { requestContact(id: $id) { status identitiesRevealed } }`, { id: pair.synergyId }, steel);
    expect(asked.data!.requestContact).toEqual({ status: 'CONTACT_REQUESTED', identitiesRevealed: false });
    const waiting = await synergyOf(joinery, pair.synergyId);
    expect(waiting.viewerCanRespond).toBe(true);
    expect(waiting.participants.filter((p: any) => !p.isYours).every((p: any) => p.organization === null)).toBe(true);
    const yes = await t.gql(`mutation($id: ID!) { respondToContact(id: $id, accept: true) { status identitiesRevealed } }`, { id: pair.synergyId }, joinery);
    expect(yes.data!.respondToContact).toEqual({ status: 'ACCEPTED', identitiesRevealed: true });
    const forSteel = await synergyOf(steel, pair.synergyId);
    expect(forSteel.participants.find((p: any) => !p.isYours).organization.name).toBe(joineryOrg.name);
    expect(forSteel.participants.find((p: any) => !p.isYours).flow).toBeNull(); // the need stays PRIVATE
    const text = JSON.stringify(forSteel);
    for (const secret of ['Besoin séchoir XK-7', '1234.5', '98765']) expect(text).not.toContain(secret);
    const again = await t.gql(`mutation($id: ID!) { requestContact(id: $id) { status } }`, { id: pair.synergyId }, steel);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('an accepted synergy whose flow changes materially becomes STALE', async () => {
    await t.gql(`mutation($id: ID!) { updateFlow(id: $id, input: {quantity: 9000}) { id } }`, { id: pair.heatId }, steel);
    await settle();
    expect((await synergyOf(facilitator, pair.synergyId)).status).toBe('STALE');
  });

  it('a declined synergy stays declined across detections, and comes back when its data change', async () => {
    const mine = await t.gql(`{ synergies(first: 50) { nodes { id kind viewerCanDecline participants { isYours flow { id } } } } }`, {}, joinery);
    const target = mine.data!.synergies.nodes.find((n: any) => n.viewerCanDecline && n.id !== pair.synergyId);
    expect(target).toBeDefined();
    const declined = await t.gql(`mutation($id: ID!) { declineSynergy(id: $id) { status } }`, { id: target.id }, joinery);
    expect(declined.data!.declineSynergy.status).toBe('DECLINED');
    const rerun = await t.gql(`mutation($t: ID!) { detectSynergies(territoryId: $t) { detected suggested } }`, { t: fensch }, facilitator);
    expect(rerun.errors).toBeUndefined();
    expect((await synergyOf(facilitator, target.id)).status).toBe('DECLINED');
    const listed = await t.gql(`{ synergies(first: 100) { nodes { id } } }`, {}, joinery);
    expect(listed.data!.synergies.nodes.map((n: any) => n.id)).not.toContain(target.id);
    const ownFlow = target.participants.find((p: any) => p.isYours && p.flow).flow.id;
    const before = (await t.gql(`query($id: ID!) { node(id: $id) { ... on ResourceFlow { yearlyQuantity } } }`, { id: ownFlow }, joinery)).data!.node.yearlyQuantity;
    await t.gql(`mutation($id: ID!, $q: Float) { updateFlow(id: $id, input: {quantity: $q, period: YEAR}) { id } }`, { id: ownFlow, q: (before ?? 10) * 3 }, joinery);
    await settle();
    const after = await synergyOf(facilitator, target.id);
    expect(after === null || after.status === 'SUGGESTED').toBe(true);
  });

  it('only the territory facilitators run detection or record synergies by hand', async () => {
    const no = await t.gql(`mutation($t: ID!) { detectSynergies(territoryId: $t) { detected } }`, { t: fensch }, steel);
    expect(no.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const rec = `mutation($input: RecordSynergyInput!) { recordSynergy(input: $input) { status origin organizationCount } }`;
    const input = { territoryId: fensch, kind: 'SUBSTITUTION', organizationIds: [steelOrg.id, joineryOrg.id], note: 'Atelier du 12 mars', operational: true };
    expect((await t.gql(rec, { input }, steel)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ok = await t.gql(rec, { input }, facilitator);
    expect(ok.data!.recordSynergy).toEqual({ status: 'ACCEPTED', origin: 'RECORDED', organizationCount: 2 });
    const bad = await t.gql(rec, { input: { ...input, organizationIds: [steelOrg.id] } }, facilitator);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('territory totals by stage; euros for facilitators only', async () => {
    const q = `query($t: ID!) { territoryImpact(territoryId: $t) { suggested { synergyCount totals { indicator central } } inProgress { synergyCount } operational { synergyCount totals { indicator } } } }`;
    const fac = await t.gql(q, { t: fensch }, facilitator);
    expect(fac.errors).toBeUndefined();
    const impact = fac.data!.territoryImpact;
    expect(impact.suggested.synergyCount).toBeGreaterThan(0);
    expect(impact.suggested.totals.map((x: any) => x.indicator)).toContain('CO2E_AVOIDED_T');
    expect(impact.operational.synergyCount).toBeGreaterThanOrEqual(1);
    const auth = await t.gql(q, { t: fensch }, authority);
    expect(auth.errors).toBeUndefined();
    expect(JSON.stringify(auth.data)).not.toContain('EUROS_SAVED');
  });

  it('tells a party of a new synergy over the subscription, anonymously', async () => {
    const client = t.wsClient(steel);
    const sub = collect<any>(client, `subscription { synergySuggested { synergyId synergy { ${synergyFields} } } }`, {});
    const needs = await t.gql(`{ needs(search: "chaleur", first: 20) { code category } }`);
    const code = needs.data!.needs.find((n: any) => n.code === 'heat-below-90c').code;
    // Declared again (with a new marker) until a suggestion comes back: the first one may precede the subscription.
    const declareNeed = async (marker: string) => {
      await t.gql(`mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }`, { input: {
        siteId: pair.joinerySiteId, direction: 'INPUT', category: 'ENERGY', label: `Besoin étuve QW-9 ${marker}`, needCode: code,
        quantity: 777.5, unit: 'MEGAWATT_HOUR', period: 'YEAR', temperatureC: 50, visibility: 'PRIVATE' } }, joinery);
      await settle();
    };
    await sub.live(declareNeed, () => true, { everyMs: 1000 });
    const events = sub.all;
    expect(events.length).toBeGreaterThan(0);
    const text = JSON.stringify(events);
    for (const secret of secretsOf(joineryOrg, ['Besoin étuve QW-9', '777.5'])) expect(text).not.toContain(secret);
    await client.dispose();
  });
});
