import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';

/**
 * Issue 8: seeded anonymous flows shared their creation second with their owner's public flows, and `minScore`
 * bisected the exact score a party is shown rounded. A party sees an anonymous counterpart's timestamps to the day,
 * and its score filter works on the rounded score it is shown; facilitators keep exact timestamps.
 */
const midnight = (iso: string) => iso.endsWith('T00:00:00.000Z');

describe('figures of anonymous counterparts', () => {
  let t: TestApp;
  let steel: As;
  let facilitator: As;
  let fensch: string;

  beforeAll(async () => {
    t = await TestApp.start();
    [steel, facilitator] = await Promise.all([DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.facilitator].map((a) => t.logIn(a.email)));
    fensch = (await t.gql(`{ territories { id name } }`, {}, steel)).data!.territories.find((x: { name: string }) => x.name === 'Val de Fensch').id;
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('anonymous flows and synergies are dated to the day', async () => {
    const flows = `query($t: ID!) { flows(first: 100, filter: {territoryId: $t}) { nodes { disclosure createdAt updatedAt } } }`;
    const seen = (await t.gql(flows, { t: fensch }, steel)).data!.flows.nodes as { disclosure: string; createdAt: string; updatedAt: string }[];
    const anonymous = seen.filter((f) => f.disclosure === 'ANONYMOUS');
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.filter((f) => !midnight(f.createdAt) || !midnight(f.updatedAt))).toEqual([]);
    const exact = (await t.gql(flows, { t: fensch }, facilitator)).data!.flows.nodes as { createdAt: string }[];
    expect(exact.some((f) => !midnight(f.createdAt))).toBe(true);

    const synergies = `{ synergies(first: 100) { nodes { identitiesRevealed createdAt updatedAt } } }`;
    const parties = (await t.gql(synergies, {}, steel)).data!.synergies.nodes as { identitiesRevealed: boolean; createdAt: string; updatedAt: string }[];
    expect(parties.length).toBeGreaterThan(0);
    expect(parties.filter((s) => !s.identitiesRevealed && (!midnight(s.createdAt) || !midnight(s.updatedAt)))).toEqual([]);
  });

  it('minScore filters on the rounded score a party is shown', async () => {
    const query = `query($min: Float) { synergies(first: 100, filter: {minScore: $min}) { nodes { dbId: id score } } }`;
    const shown = (await t.gql(query, {}, steel)).data!.synergies.nodes as { dbId: string; score: number }[];
    const exactScores = new Map<string, number>(
      ((await t.app.orm.em.fork().execute(`select id, score from synergy`)) as { id: string; score: number }[]).map((r) => [r.id, Number(r.score)]),
    );
    const dbIdOf = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];
    // A synergy whose exact score is above the rounded one: the old filter told them apart.
    const above = shown.find((s) => exactScores.get(dbIdOf(s.dbId))! > s.score + 0.001);
    expect(above).toBeDefined();
    const idsAt = async (min: number) => ((await t.gql(query, { min }, steel)).data!.synergies.nodes as { dbId: string }[]).map((s) => s.dbId);
    expect(await idsAt(above!.score)).toContain(above!.dbId);
    expect(await idsAt(above!.score + 0.001)).not.toContain(above!.dbId);
  });
});
