import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANY_UUID, sqlList } from '../src/db/sql.js';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { loadEngineFlows } from '../src/synergy/detection/engine-input.js';
import { detectSynergies } from '../src/synergy/engine/detector.js';
import { loadKnowledgeBase } from '../src/synergy/knowledge/knowledge-base.js';
import { loadTerritoryTree } from '../src/territory/territory-tree.js';
import { holdRootLock, TestApp, type As } from './harness.js';

/**
 * Full detections (detectSynergies) and flow-change batches reconcile the same stored synergies. Run at the same
 * time, on one instance or on two, they used to interleave at their awaits: a unique-key violation on a synergy both
 * inserted (an error to the mutation's caller, or a batch lost in the listener's log), or a reconciliation that read
 * before the other wrote leaving rows a fresh detection would not store. Whatever runs concurrently, no error may
 * reach a caller or the listener, and once all is settled the stored synergies must be exactly those a fresh full
 * detection of the root finds over the flows the database holds.
 */
const kb = loadKnowledgeBase();

/** Keys a fresh full detection of every root finds now, and the keys stored as current detected synergies. */
async function expectFreshDetection(t: TestApp, when: string) {
  const em = t.app.orm.em.fork();
  const tree = await loadTerritoryTree(em);
  const roots: { id: string }[] = await em.execute(`select id from territory where parent_id is null`);
  const want: string[] = [];
  for (const { id } of roots) for (const d of detectSynergies(await loadEngineFlows(em, tree.descendantsOf(id)), kb)) want.push(d.key);
  const rows: { key: string }[] = await em.execute(`select key from synergy where origin = 'DETECTED' and current`);
  const have = rows.map((r) => r.key);
  expect({ when, extra: have.filter((k) => !want.includes(k)), missing: want.filter((k) => !have.includes(k)) }).toEqual({ when, extra: [], missing: [] });
}

const DETECT = `mutation($t: ID!) { detectSynergies(territoryId: $t) { detected suggested updated stale withdrawn } }`;

async function siteOf(t: TestApp, as: As): Promise<string> {
  return (await t.gql(`{ viewer { memberships { organization { sites { id } } } } }`, {}, as)).data!.viewer.memberships[0].organization.sites[0].id;
}

/** Declares flows near each other (cardboard, wood offcuts): each joins or regroups the pools of the others. */
function declare(t: TestApp, as: As, siteId: string, k: number) {
  const input =
    k % 2 === 0
      ? { siteId, direction: 'OUTPUT', category: 'MATERIAL', label: `Cartons course ${k}`, ewcCode: '15 01 01', quantity: 5 + k, unit: 'TONNE', period: 'YEAR', physicalForm: 'SOLID', visibility: 'TERRITORY', currentDestination: 'LANDFILL' }
      : { siteId, direction: 'OUTPUT', category: 'MATERIAL', label: `Chutes de bois course ${k}`, ewcCode: '03 01 05', quantity: 3 + k, unit: 'TONNE', period: 'YEAR', physicalForm: 'SOLID', visibility: 'TERRITORY', currentDestination: 'LANDFILL' };
  return t.gql(`mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }`, { input }, as);
}

/** The listener logs a failed batch (and drops it) instead of failing a caller: count those logs. */
function listenerFailures() {
  const spy = vi.spyOn(console, 'error');
  return {
    get messages() {
      return spy.mock.calls.map((c) => c.map(String).join(' ')).filter((m) => m.includes('Updating synergies'));
    },
    restore: () => spy.mockRestore(),
  };
}

describe('concurrent detections on one instance', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let joinery: As;
  let fensch: string;
  let steelSite: string;
  let joinerySite: string;
  let watch: Awaited<ReturnType<TestApp['detectionWatch']>>;
  let failures: ReturnType<typeof listenerFailures>;

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, steel, joinery] = await Promise.all(
      [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember].map((a) => t.logIn(a.email)),
    );
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const some = await t.gql(`query($t: ID!) { flows(first: 1, filter: {territoryId: $t}) { nodes { id } } }`, { t: fensch }, facilitator);
    watch = await t.detectionWatch(some.data!.flows.nodes[0].id, facilitator, fensch);
    [steelSite, joinerySite] = await Promise.all([siteOf(t, steel), siteOf(t, joinery)]);
  });
  beforeEach(() => {
    failures = listenerFailures();
  });
  afterEach(() => failures.restore());
  afterAll(async () => {
    await watch?.dispose();
    await t?.stop();
  });

  it('a detectSynergies during a burst of declarations: no error anywhere, and the end state is a fresh detection', async () => {
    let round = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const burst = Array.from({ length: 12 }, (_, k) => declare(t, k % 3 === 0 ? joinery : steel, k % 3 === 0 ? joinerySite : steelSite, 100 * ++round + k));
      const detections = [t.gql(DETECT, { t: fensch }, facilitator), t.gql(DETECT, { t: fensch }, facilitator)];
      const results = await Promise.all([...burst, ...detections]);
      for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      await watch.settle();
      expect(failures.messages).toEqual([]);
      await expectFreshDetection(t, `after burst ${attempt + 1}`);
    }
  }, 60_000);

  it('three detectSynergies at once all answer, and only one of them suggests what was missing', async () => {
    await watch.settle();
    // Undecided suggestions gone (as after a knowledge-base upgrade that renames keys): every run finds them new.
    // Those of Val de Fensch, which the runs' counts are about.
    const em = t.app.orm.em.fork();
    const [{ id: fenschDbId }] = await em.execute(`select id from territory where name = 'Val de Fensch'`);
    const inFensch = sqlList((await loadTerritoryTree(em)).descendantsOf(fenschDbId));
    const undecided = `from synergy where origin = 'DETECTED' and current and status = 'SUGGESTED' and territory_id = ${ANY_UUID}`;
    const [{ n: missing }] = await em.execute(`select count(*)::int as n ${undecided}`, [inFensch]);
    expect(missing).toBeGreaterThan(0);
    await em.execute(`delete ${undecided}`, [inFensch]);
    const runs = await Promise.all(Array.from({ length: 3 }, () => t.gql(DETECT, { t: fensch }, facilitator)));
    for (const r of runs) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const counts = runs.map((r) => r.data!.detectSynergies);
    // One run inserts them; the others find them in place.
    expect(counts.map((c) => c.suggested).sort((x, y) => x - y)).toEqual([0, 0, missing]);
    for (const c of counts) expect({ withdrawn: c.withdrawn, stale: c.stale }).toEqual({ withdrawn: 0, stale: 0 });
    await expectFreshDetection(t, 'after concurrent runs');
    expect(failures.messages).toEqual([]);
  });
});

const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

describe.runIf(enabled)('concurrent detections on two instances sharing PostgreSQL and Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let onA: { facilitator: As; steel: As; joinery: As };
  let onB: { facilitator: As; steel: As; joinery: As };
  let fensch: string;
  let steelSite: string;
  let joinerySite: string;
  let watchA: Awaited<ReturnType<TestApp['detectionWatch']>>;
  let watchB: Awaited<ReturnType<TestApp['detectionWatch']>>;
  let failures: ReturnType<typeof listenerFailures>;

  beforeAll(async () => {
    a = await TestApp.start({ redisUrl: process.env.REDIS_URL });
    b = await TestApp.start({ redisUrl: process.env.REDIS_URL, sharing: a, seedDemo: false });
    const logIn = async (t: TestApp) => {
      const [facilitator, steel, joinery] = await Promise.all([DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember].map((x) => t.logIn(x.email)));
      return { facilitator, steel, joinery };
    };
    [onA, onB] = await Promise.all([logIn(a), logIn(b)]);
    fensch = (await a.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const some = await a.gql(`query($t: ID!) { flows(first: 2, filter: {territoryId: $t}) { nodes { id } } }`, { t: fensch }, onA.facilitator);
    const [first, second] = some.data!.flows.nodes.map((n: { id: string }) => n.id);
    watchA = await a.detectionWatch(first, onA.facilitator, fensch);
    watchB = await b.detectionWatch(second, onB.facilitator, fensch);
    [steelSite, joinerySite] = await Promise.all([siteOf(a, onA.steel), siteOf(a, onA.joinery)]);
    failures = listenerFailures();
  });
  afterAll(async () => {
    failures?.restore();
    await watchA?.dispose();
    await watchB?.dispose();
    await b?.stop();
    await a?.stop();
  });

  it('bursts through both and a detectSynergies on each: no error anywhere, and the end state is a fresh detection', async () => {
    let round = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const through = (t: TestApp, as: typeof onA, k: number) => declare(t, k % 3 === 0 ? as.joinery : as.steel, k % 3 === 0 ? joinerySite : steelSite, 100 * ++round + k);
      const results = await Promise.all([
        ...Array.from({ length: 8 }, (_, k) => through(a, onA, k)),
        ...Array.from({ length: 8 }, (_, k) => through(b, onB, k)),
        a.gql(DETECT, { t: fensch }, onA.facilitator),
        b.gql(DETECT, { t: fensch }, onB.facilitator),
      ]);
      for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      // Each instance handles its own changes: both must be settled, in turn until neither has anything left.
      await watchA.settle();
      await watchB.settle();
      await watchA.settle();
      expect(failures.messages).toEqual([]);
      await expectFreshDetection(a, `after burst ${attempt + 1}`);
    }
  }, 120_000);
});

describe.runIf(Boolean(process.env.DATABASE_URL))('a detection that cannot get its root in time', () => {
  let t: TestApp;
  let facilitator: As;
  let fensch: string;

  beforeAll(async () => {
    t = await TestApp.start({ env: { DETECTION_LOCK_TIMEOUT_MS: '300' } });
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('fails with CONFLICT, writes nothing, and runs once the other reconciliation is over', async () => {
    const em = t.app.orm.em.fork();
    const [{ id: fenschDbId }] = await em.execute(`select id from territory where name = 'Val de Fensch'`);
    const root = (await loadTerritoryTree(em)).ancestorsOf(fenschDbId).at(-1)!;
    // Another instance reconciling the root: it holds the root's lock as long as this test says.
    const release = await holdRootLock(t, root);
    const before: { n: number }[] = await em.execute(`select count(*)::int as n from synergy`);
    await em.execute(`delete from synergy where origin = 'DETECTED' and current and status = 'SUGGESTED'`);
    const [{ n: left }] = await em.execute(`select count(*)::int as n from synergy`);
    expect(left).toBeLessThan(before[0].n);
    const busy = await t.gql(DETECT, { t: fensch }, facilitator);
    expect(busy.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    expect((await em.execute(`select count(*)::int as n from synergy`))[0].n).toBe(left);
    await release();
    const run = await t.gql(DETECT, { t: fensch }, facilitator);
    expect(run.errors).toBeUndefined();
    expect(run.data!.detectSynergies.suggested).toBeGreaterThan(0);
    await expectFreshDetection(t, 'after the lock was released');
  });
});
