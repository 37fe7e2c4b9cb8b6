import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { TestApp, type As } from './harness.js';

/**
 * Issue 11: a burst of declarations is detected in batches (the changes queued while one batch is handled form the
 * next). Whatever the batches, the stored synergies must end where a full detection puts them: a full run right
 * after the burst finds nothing to suggest, withdraw or mark stale.
 *
 * Both ways a detector gets loaded are taken, in the order that used to load two nested ones: the watch's first
 * marker is a flow change, which loads Lorraine Nord (the root of its chain), then a full run of Val de Fensch. When a
 * detector was kept per detected territory, each change was then reconciled in both, the last one winning, and this
 * test failed about one run in three (suggested: 1) on that, not on batching. Now only roots are detected (the run
 * of Val de Fensch is one of Lorraine Nord, reporting Val de Fensch's synergies; see synergy-detection.ts and
 * detection-scopes.test.ts).
 */
describe('a burst of flow changes', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let joinery: As;
  let fensch: string;
  let watch: Awaited<ReturnType<TestApp['detectionWatch']>>;

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, steel, joinery] = await Promise.all(
      [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember].map((a) => t.logIn(a.email)),
    );
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const others = await t.gql(`query($t: ID!) { flows(first: 5, filter: {territoryId: $t}) { nodes { id } } }`, { t: fensch }, facilitator);
    watch = await t.detectionWatch(others.data!.flows.nodes[0].id, facilitator, fensch);
  });
  afterAll(async () => {
    await watch?.dispose();
    await t?.stop();
  });

  it('ends where a full detection would: nothing left to suggest, withdraw or mark stale', async () => {
    const siteOf = async (as: As) =>
      (await t.gql(`{ viewer { memberships { organization { sites { id } } } } }`, {}, as)).data!.viewer.memberships[0].organization.sites[0].id;
    const [steelSite, joinerySite] = await Promise.all([siteOf(steel), siteOf(joinery)]);
    // The watch's marker loaded Lorraine Nord's detector; a full run of Val de Fensch now, as the one after the burst.
    await watch.settle();
    const first = await t.gql(`mutation($t: ID!) { detectSynergies(territoryId: $t) { detected } }`, { t: fensch }, facilitator);
    expect(first.errors).toBeUndefined();
    const declare = (as: As, siteId: string, k: number) =>
      t.gql(`mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }`, { input: k % 2 === 0
        ? { siteId, direction: 'OUTPUT', category: 'MATERIAL', label: `Cartons lot ${k}`, ewcCode: '15 01 01', quantity: 5 + k, unit: 'TONNE', period: 'YEAR', physicalForm: 'SOLID', visibility: 'TERRITORY', currentDestination: 'LANDFILL' }
        : { siteId, direction: 'OUTPUT', category: 'MATERIAL', label: `Chutes de bois lot ${k}`, ewcCode: '03 01 05', quantity: 3 + k, unit: 'TONNE', period: 'YEAR', physicalForm: 'SOLID', visibility: 'TERRITORY', currentDestination: 'LANDFILL' } }, as);
    // All at once, from two organisations: pools gain members while their earlier changes are still being handled.
    const declared = await Promise.all(Array.from({ length: 24 }, (_, k) => (k % 3 === 0 ? declare(joinery, joinerySite, k) : declare(steel, steelSite, k))));
    for (const d of declared) expect(d.errors).toBeUndefined();
    // Some changed and archived while the burst is still being detected.
    const ids = declared.map((d) => d.data!.declareFlow.id as string);
    const owner = (k: number) => (k % 3 === 0 ? joinery : steel);
    const later = await Promise.all([
      ...[1, 2, 4].map((k) => t.gql(`mutation($id: ID!) { updateFlow(id: $id, input: {quantity: 400}) { id } }`, { id: ids[k] }, owner(k))),
      ...[0, 5, 7].map((k) => t.gql(`mutation($id: ID!) { archiveFlow(id: $id) { id } }`, { id: ids[k] }, owner(k))),
    ]);
    for (const r of later) expect(r.errors).toBeUndefined();
    await watch.settle();

    const full = await t.gql(`mutation($t: ID!) { detectSynergies(territoryId: $t) { detected suggested updated stale withdrawn } }`, { t: fensch }, facilitator);
    expect(full.errors).toBeUndefined();
    const r = full.data!.detectSynergies;
    expect({ suggested: r.suggested, stale: r.stale, withdrawn: r.withdrawn }).toEqual({ suggested: 0, stale: 0, withdrawn: 0 });
    expect(r.updated).toBe(r.detected);
  });
});
