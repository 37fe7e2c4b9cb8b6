import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { collect, holdRootLock, TestApp, type As } from '../harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

/**
 * docs/THREAT_MODEL.md #60. A detection asked for a nested territory runs over its root (Lorraine Nord), so it
 * reconciles synergies the asker does not follow. What it tells them must be what it told them before: counts about
 * the synergies of the territory they asked for, and progress by phase only (the root's batches would count its
 * synergies). Attackers: Val de Fensch's facilitator, about the rest of Lorraine Nord; the facilitator of Pays-Haut
 * (a sibling of Val de Fensch under the root, with no flow), about everything else.
 */
const DETECT = `mutation($t: ID!) { detectSynergies(territoryId: $t) { detected suggested updated stale withdrawn } }`;
const PROGRESS = `subscription($t: ID!) { detectionProgress(territoryId: $t) { phase percent report { detected suggested updated stale withdrawn } } }`;
type Progress = { detectionProgress: { phase: string; percent: number; report: Record<string, number> | null } };

describe('a detection asked for a nested territory tells nothing of the rest of its root', () => {
  let t: TestApp;
  let fenschFacilitator: As;
  let neighbour: As;
  let fensch: string;
  let paysHaut: string;

  beforeAll(async () => {
    t = await TestApp.start();
    fenschFacilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    ({ as: neighbour, territoryId: paysHaut } = await otherTerritoryFacilitator(t));
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
  });
  afterAll(async () => t?.stop());

  /**
   * Work for the root's next run outside `notIn`: a suggested synergy of another territory disappears from the
   * database (the run suggests it again) and a made-up one is stored there (the run withdraws it). Returns the first's key.
   */
  async function workOutside(notIn: 'Val de Fensch' | 'Lorraine Nord'): Promise<string> {
    const em = t.app.orm.em.fork();
    const [victim] = await em.execute(
      `select s.id, s.key, s.territory_id from synergy s join territory t on t.id = s.territory_id
        where s.origin = 'DETECTED' and s.current and s.status = 'SUGGESTED' and t.name <> ?
          and not exists (select 1 from synergy_project p where p.synergy_id = s.id) order by s.key limit 1`,
      [notIn],
    );
    await em.execute(`delete from synergy_participant where synergy_id = ?`, [victim.id]);
    await em.execute(`delete from synergy where id = ?`, [victim.id]);
    await em.execute(
      `insert into synergy (id, created_at, updated_at, key, kind, origin, status, pathway_id, knowledge_base_version, territory_id, score, explanation, impacts, fingerprint, current)
       select gen_random_uuid(), now(), now(), 'made-up-' || gen_random_uuid(), kind, origin, status, pathway_id, knowledge_base_version, territory_id, score, explanation, impacts, fingerprint, true
         from synergy where key <> ? and territory_id = ? limit 1`,
      [victim.key, victim.territory_id],
    );
    return victim.key;
  }

  const storedKeys = async () => ((await t.app.orm.em.fork().execute(`select key from synergy where current`)) as { key: string }[]).map((r) => r.key);

  for (const who of ['Val de Fensch’s facilitator', 'Pays-Haut’s facilitator'] as const) {
    it(`${who}: the same counts and the same progress whether the rest of the root had work or not`, async () => {
      const [as, territory] = who.startsWith('Val') ? [fenschFacilitator, fensch] : [neighbour, paysHaut];
      const client = t.wsClient(as);
      const progress = collect<Progress>(client, PROGRESS, { t: territory });
      // Live once a run of its own came through (that run is not looked at).
      await progress.live(async () => void (await t.gql(DETECT, { t: territory }, as)), (e) => e.data?.detectionProgress.phase === 'DONE', { everyMs: 5_000, ms: 60_000 });
      const run = async () => {
        const from = progress.all.length;
        const answer = await t.gql(DETECT, { t: territory }, as);
        expect(answer.errors).toBeUndefined();
        const steps = () => progress.all.slice(from).map((e) => e.data!.detectionProgress);
        for (let i = 0; i < 300 && !steps().some((s) => s.phase === 'DONE'); i++) await new Promise((r) => setTimeout(r, 100));
        return { answer: answer.data!.detectSynergies, steps: steps() };
      };
      const quiet = await run();
      const key = await workOutside(who.startsWith('Val') ? 'Val de Fensch' : 'Lorraine Nord');
      const busy = await run();
      // The run did the root's work: the synergy is back, the made-up one gone (their parties hear of them as always)...
      const keys = await storedKeys();
      expect(keys).toContain(key);
      expect(keys.filter((k) => k.startsWith('made-up-'))).toEqual([]);
      // ...and told the asker exactly what a run with nothing to do tells them.
      expect(busy.answer).toEqual(quiet.answer);
      expect(busy.answer).toMatchObject({ suggested: 0, stale: 0, withdrawn: 0 });
      if (who.startsWith('Pays')) expect(busy.answer.detected).toBe(0);
      expect(busy.steps).toEqual(quiet.steps);
      // Progress by phase: the root's reconciliation batches are not counted out to them.
      expect(busy.steps.filter((s) => s.phase === 'RECONCILING').map((s) => s.percent)).toEqual([35, 95]);
      await client.dispose();
    });
  }
});

/**
 * docs/THREAT_MODEL.md #60 (busy root). While another reconciliation holds the root (another instance, another
 * territory's run), a detection waits for it and, past DETECTION_LOCK_TIMEOUT_MS, answers CONFLICT. That answer must
 * be the same, word for word, for every territory under the root, name nothing and count nothing; and whoever may not
 * run a detection there (another company's member, a stranger who just signed up) is refused before any wait, so the
 * refusal does not tell them whether the root is busy either.
 */
const LOCK_WAIT_MS = 3_000;

describe.runIf(Boolean(process.env.DATABASE_URL))('a detection that finds its root busy tells nothing of who holds it', () => {
  let t: TestApp;
  let fenschFacilitator: As;
  let neighbour: As;
  let steelMember: As;
  let stranger: As;
  let fensch: string;
  let paysHaut: string;

  beforeAll(async () => {
    t = await TestApp.start({ env: { DETECTION_LOCK_TIMEOUT_MS: String(LOCK_WAIT_MS) } });
    [fenschFacilitator, steelMember] = await Promise.all([DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember].map((a) => t.logIn(a.email)));
    ({ as: neighbour, territoryId: paysHaut } = await otherTerritoryFacilitator(t));
    await t.gql(`mutation { signUp(input: {email: "curieux@racine.example", password: "un-secret-assez-long", name: "Curieux"}) { viewer { id } } }`);
    stranger = await t.logIn('curieux@racine.example', 'un-secret-assez-long');
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
  });
  afterAll(async () => t?.stop());

  /** Holds the lock of Lorraine Nord (the root) as another instance's reconciliation would, until released. */
  async function holdRoot() {
    const [{ id: root }] = await t.app.orm.em.fork().execute(`select id from territory where name = 'Lorraine Nord' and parent_id is null`);
    return holdRootLock(t, root as string);
  }

  const synergyRows = async () => (await t.app.orm.em.fork().execute(`select id, status, current from synergy order by id`)) as unknown[];

  it('the same CONFLICT for Val de Fensch and Pays-Haut, naming no territory; members and strangers refused at once', async () => {
    const release = await holdRoot();
    try {
      const before = await synergyRows();
      const answers = [];
      for (const [as, territory] of [
        [fenschFacilitator, fensch],
        [neighbour, paysHaut],
      ] as const) {
        const answer = await t.gql(DETECT, { t: territory }, as);
        expect(answer.data?.detectSynergies ?? null).toBeNull();
        answers.push(answer.errors!.map((e) => ({ message: e.message, extensions: e.extensions })));
      }
      expect(answers[0]).toEqual(answers[1]);
      expect(answers[0].map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
      const told = JSON.stringify(answers[0]);
      for (const name of ['Lorraine', 'Fensch', 'Pays-Haut', fensch, paysHaut]) expect(told).not.toContain(name);
      expect(told).not.toMatch(/\d/);
      // Not allowed to run one there: refused as when the root is free, without waiting for the lock.
      for (const as of [steelMember, stranger]) {
        const started = Date.now();
        const refused = await t.gql(DETECT, { t: fensch }, as);
        expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(Date.now() - started).toBeLessThan(LOCK_WAIT_MS);
      }
      expect(await synergyRows()).toEqual(before);
    } finally {
      await release();
    }
    // The same refusals with the root free: busy or not, a member or a stranger learns the same.
    for (const as of [steelMember, stranger]) {
      const refused = await t.gql(DETECT, { t: fensch }, as);
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});
