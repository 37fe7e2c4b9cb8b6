import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { collect, TestApp } from './harness.js';

/**
 * docs/ARCHITECTURE.md: several instances behind a load balancer behave as one, with no sticky sessions. Needs a
 * PostgreSQL server and Redis (CI sets DATABASE_URL and REDIS_URL); PGlite serves one process only.
 */
const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

describe.runIf(enabled)('two instances sharing PostgreSQL and Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await TestApp.start({ redisUrl: process.env.REDIS_URL });
    b = await TestApp.start({ redisUrl: process.env.REDIS_URL, sharing: a, seedDemo: false });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('a session opened on one instance works on the other', async () => {
    const as = await a.logIn(DEMO_ACCOUNTS.steelMember.email);
    expect((await b.gql(`{ viewer { email } }`, {}, as)).data!.viewer.email).toBe(DEMO_ACCOUNTS.steelMember.email);
  });

  it('a flow changed through one instance reaches a subscriber of the other', async () => {
    const facilitator = await a.logIn(DEMO_ACCOUNTS.facilitator.email);
    const territories = await a.gql(`{ territories { id name } }`, {}, facilitator);
    const fensch = territories.data!.territories.find((t: any) => t.name === 'Val de Fensch').id;
    const res = await a.gql(`query($t: ID!) { flows(first: 1, filter: {territoryId: $t}) { nodes { id } } }`, { t: fensch }, facilitator);
    const client = b.wsClient(facilitator);
    const sub = collect<any>(client, `subscription($t: ID!) { flowChanged(territoryId: $t) { change flow { id description } } }`, { t: fensch });
    const flowId = res.data!.flows.nodes[0].id;
    // Live once a change made through A has come back through B: Redis carries it both ways.
    await sub.live(a.flowProbe(flowId, facilitator));
    const updated = await a.gql(`mutation($id: ID!) { updateFlow(id: $id, input: {description: "via l'instance A"}) { id } }`, { id: flowId }, facilitator);
    expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
    const events = await sub.waitFor(1, 10_000);
    expect(events[0]?.data.flowChanged).toEqual({ change: 'UPDATED', flow: { id: flowId, description: "via l'instance A" } });
    await client.dispose();
  });
});
