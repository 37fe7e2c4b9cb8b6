import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { scoreWithoutQuantity, scoreWithoutQuantitySql } from '../../src/synergy/view/score-without-quantity.js';
import { TestApp, type As } from '../harness.js';

/**
 * docs/THREAT_MODEL.md #26–27. The attack of issue 8: a stranger signs up, registers an organisation in the
 * territory, declares a large output matching a PRIVATE need, and reads the other side's quantity from the
 * synergy's impacts, from its own side's coverage while changing its quantity, and from differences of the
 * territory's totals — and, since the engine keeps each flow's best counterparts, from which of its own sources get
 * paired with the PRIVATE need and in which order (a ladder of sources of different quantities probes how far the
 * need's list reaches). Now: before approval the stranger sees what a visitor sees; after it, nothing the stranger
 * reads moves with the PRIVATE quantity, so the best guess stays what the public directory says (nothing of it).
 * On the engine of 2026-12-05 (which ranked and covered with PRIVATE quantities) the stranger's list held 7 or 9
 * synergies depending on the need's quantity.
 */
describe('a stranger who signs up cannot infer a PRIVATE quantity', () => {
  let t: TestApp;
  let facilitator: As;
  let stranger: As;
  let fensch: string;
  let settle: () => Promise<void>;
  let victim: { synergyId: string; input: any; output: any };

  const flowFields = 'id label description visibility quantity unit period category ewcCode needCode temperatureC physicalForm yearlyQuantity site { latitude longitude } organization { id }';

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const all = await t.gql(
      `{ synergies(first: 100, filter: {kinds: [SUBSTITUTION]}) { nodes { id participants { role flow { ${flowFields} } } } } }`,
      {},
      facilitator,
    );
    // A substitution whose need is PRIVATE and measured: the quantity the stranger is after.
    for (const s of all.data!.synergies.nodes) {
      const input = s.participants.find((p: any) => p.role === 'INPUT')?.flow;
      const output = s.participants.find((p: any) => p.role === 'OUTPUT')?.flow;
      if (input?.visibility === 'PRIVATE' && input.yearlyQuantity > 0 && output?.quantity > 0 && input.unit === output.unit) {
        victim = { synergyId: s.id, input, output };
        break;
      }
    }
    expect(victim, 'the demo territory has a substitution with a PRIVATE need').toBeDefined();
    const bystander = (await t.gql(`query($t: ID!) { flows(first: 50, filter: {territoryId: $t}) { nodes { id organization { id } } } }`, { t: fensch }, facilitator))
      .data!.flows.nodes.find((f: any) => f.organization && ![victim.input.organization.id, victim.output.organization.id].includes(f.organization.id));
    ({ settle } = await t.detectionWatch(bystander.id, facilitator, fensch));
  });
  afterAll(async () => t?.stop());

  const visitorView = async (as: As) => {
    const flows = await t.gql(`query($t: ID!) { flows(first: 100, filter: {territoryId: $t}) { totalCount nodes { id quantity } } }`, { t: fensch }, as);
    const synergies = await t.gql(`{ synergies(first: 100) { totalCount } }`, {}, as);
    const impact = await t.gql(`query($t: ID!) { territoryImpact(territoryId: $t) { suggested { synergyCount } } }`, { t: fensch }, as);
    return { flows: flows.data, synergies: synergies.data?.synergies.totalCount ?? 0, impact: impact.data?.territoryImpact ?? null };
  };

  it('sees what a visitor sees until a facilitator approves, then reads nothing that moves with the PRIVATE quantity', async () => {
    await t.gql(`mutation { signUp(input: {email: "curieux@concurrent.example", password: "curieux-secret-1", name: "Curieux"}) { viewer { id } } }`);
    stranger = await t.logIn('curieux@concurrent.example', 'curieux-secret-1');
    const created = await t.gql(`mutation($t: ID!) { createOrganization(input: {territoryId: $t, name: "Récupérateur Curieux", kind: COMPANY}) { id approval viewerCanEdit } }`, { t: fensch }, stranger);
    expect(created.data!.createOrganization).toMatchObject({ approval: 'PENDING', viewerCanEdit: false });
    const orgId = created.data!.createOrganization.id;
    const siteInput = { name: 'Dépôt', city: 'Florange', latitude: victim.output.site.latitude, longitude: victim.output.site.longitude };
    const addSite = `mutation($o: ID!, $i: AddSiteInput!) { addSite(organizationId: $o, input: $i) { id } }`;
    // Before approval: a visitor's view, and no way to declare anything.
    expect(await visitorView(stranger)).toEqual(await visitorView(undefined));
    expect((await t.gql(addSite, { o: orgId, i: siteInput }, stranger)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const pending = await t.gql(`{ pendingOrganizations { id } }`, {}, facilitator);
    expect(pending.data!.pendingOrganizations).toEqual([{ id: orgId }]);

    // The worst case: the facilitator approves the stranger, who then runs the attack.
    expect((await t.gql(`mutation($o: ID!) { approveOrganization(id: $o) { approval } }`, { o: orgId }, facilitator)).data!.approveOrganization.approval).toBe('APPROVED');
    const siteId = (await t.gql(addSite, { o: orgId, i: siteInput }, stranger)).data!.addSite.id;
    const o = victim.output;
    // Yearly quantity → the quantity the victim's source declares per its period (same unit, see the victim's choice).
    const perPeriod = (yearly: number) => yearly * (o.quantity / o.yearlyQuantity);
    const yearlyP = victim.input.yearlyQuantity;
    // The probe: a ladder of sources exactly like the victim's (same words, code, place), each of its own quantity,
    // declared TERRITORY so that their quantities count in any choice. An engine that chose a need's counterparts on
    // its PRIVATE quantity (covering it, or ranking by how well each covers it) would pair a different set of rungs,
    // or in a different order, as that quantity moves.
    const ladder = [0.15, 0.35, 0.7, 1.2, 2.5];
    const own: string[] = [];
    for (const share of ladder) {
      const declared = await t.gql(`mutation($i: DeclareFlowInput!) { declareFlow(input: $i) { id } }`, { i: {
        siteId, direction: 'OUTPUT', category: o.category, label: o.label, description: o.description, ewcCode: o.ewcCode, needCode: o.needCode,
        quantity: perPeriod(share * yearlyP), unit: o.unit, period: o.period, temperatureC: o.temperatureC, physicalForm: o.physicalForm, visibility: 'TERRITORY' } }, stranger);
      expect(declared.errors, JSON.stringify(declared.errors)).toBeUndefined();
      own.push(declared.data!.declareFlow.id);
      await settle();
    }

    const observe = async () => {
      const res = await t.gql(
        `{ synergies(first: 100) { nodes { kind score impacts { indicator low central high } participants { isYours flow { id } anonymous { approximateYearlyQuantity descriptionFr } }
           explanation { outputCoverage inputCoverage matchedQuantity transportTonneKm score { compatibility quantity distance quality availability hazard } sentences } } } }`,
        {},
        stranger,
      );
      const impact = await t.gql(`query($t: ID!) { territoryImpact(territoryId: $t) { suggested { synergyCount totals { indicator low central high } expectedTotals { indicator low central high } grossTotals { indicator low central high } } inProgress { totals { indicator central } expectedTotals { indicator low central high } grossTotals { indicator central } } operational { totals { indicator central } expectedTotals { indicator low central high } grossTotals { indicator central } } } }`, { t: fensch }, stranger);
      expect(res.errors ?? impact.errors).toBeUndefined();
      // In the order the server gives: the order is a figure too.
      const synergies = res.data!.synergies.nodes.map((n: any) => JSON.stringify(n));
      const scores = res.data!.synergies.nodes.map((n: any) => n.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      return { synergies, impact: impact.data!.territoryImpact };
    };
    // The facilitator's exact view: which rungs the engine pairs with the PRIVATE need, and how much each matches.
    const exactMatches = async () => {
      const res = await t.gql(`query($f: ID!) { synergies(first: 100, filter: {organizationId: $f}) { nodes { participants { flow { id } } explanation { matchedQuantity } } } }`, { f: orgId }, facilitator);
      return res.data!.synergies.nodes
        .filter((n: any) => n.participants.some((p: any) => p.flow?.id === victim.input.id))
        .map((n: any) => `${own.indexOf(n.participants.find((p: any) => own.includes(p.flow?.id)).flow.id)}:${n.explanation.matchedQuantity}`)
        .sort();
    };
    const setQuantity = async (as: As, id: string, quantity: number) => {
      const r = await t.gql(`mutation($id: ID!, $q: Float!) { updateFlow(id: $id, input: {quantity: $q}) { id } }`, { id, q: quantity }, as);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      await settle();
    };

    // The PRIVATE need at P, 1.7 P and 0.4 P; each time the stranger also moves its largest rung (its own figure).
    const P = victim.input.quantity;
    const seen = [];
    for (const factor of [1, 1.7, 0.4]) {
      await setQuantity(facilitator, victim.input.id, factor * P);
      const at = [];
      for (const top of [2.5, 6]) {
        await setQuantity(stranger, own[own.length - 1], perPeriod(top * yearlyP));
        at.push({ observed: await observe(), exact: await exactMatches() });
      }
      seen.push(at);
    }

    for (const at of seen) for (const x of at) expect(x.exact.length, 'the engine pairs the stranger with the PRIVATE need').toBeGreaterThan(0);
    // The exact figures (the facilitator's) do move with the PRIVATE quantity...
    expect(seen[1].map((x) => x.exact)).not.toEqual(seen[0].map((x) => x.exact));
    // ...what the stranger reads of its synergies does not: the same synergies, in the same order, with the same figures.
    for (const at of seen.slice(1)) expect(at.map((x) => x.observed.synergies)).toEqual(seen[0].map((x) => x.observed.synergies));
    // The territory's totals sum PRIVATE quantities by design (k-anonymous, rounded); what the stranger declares
    // moves none of them, so no difference of them isolates the PRIVATE need.
    for (const at of seen) expect(at[1].observed.impact).toEqual(at[0].observed.impact);
    for (const at of seen) {
      for (const n of at[0].observed.synergies.map((s: string) => JSON.parse(s))) {
        const theirs = n.participants.filter((p: any) => !p.isYours);
        if (theirs.some((p: any) => p.anonymous?.approximateYearlyQuantity === null)) {
          expect(n.impacts).toEqual([]);
          expect([n.explanation.outputCoverage, n.explanation.inputCoverage, n.explanation.matchedQuantity]).toEqual([null, null, null]);
        }
      }
    }
  });

  it('sorts and filters the list on the score it shows (SQL and view compute the same figure)', async () => {
    const rows: { kind: any; explanation: any; score: number; shown: number }[] = await t.app.orm.em
      .fork()
      .execute(`select s.kind, s.explanation, s.score, ${scoreWithoutQuantitySql('s')} as shown from synergy s`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const e = typeof r.explanation === 'string' ? JSON.parse(r.explanation) : r.explanation;
      expect(Number(r.shown)).toBeCloseTo(e ? scoreWithoutQuantity(r.kind, e.score) : Number(r.score), 9);
    }
  });
});
