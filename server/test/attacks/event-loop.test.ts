import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { loadKnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.js';
import { OPERATION_LIMITS } from '../../src/graphql/limits.js';
import { TestApp, type As } from '../harness.js';
import { addGeneratedFlows, largerDemo } from './large-territory.js';

/**
 * Issue 8: detection over a 50k-flow territory ran on the event loop and stalled HTTP requests for 15–23 s. Another
 * client probes the server every ~20 ms during the detection, and the 99th percentile of its latencies must stay
 * under 200 ms. The bound is generous on purpose: it is a functional guarantee (the server keeps answering), not a
 * benchmark, and the test machine is shared; a detection on the event loop misses it by two orders of magnitude.
 * Against PostgreSQL only: 50k flows in PGlite would measure PGlite.
 */
const FLOWS = 50_000;
const P99_BOUND_MS = 200;

describe.skipIf(!process.env.DATABASE_URL)('heavy work off the event loop', () => {
  let t: TestApp;
  let facilitator: As;
  let fensch: string;

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const territories = await t.gql(`{ territories { id name } }`, {}, facilitator);
    fensch = territories.data!.territories.find((x: { name: string }) => x.name === 'Val de Fensch').id;
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('accepts an import over 1 MB through importData, and nothing else that large', { timeout: 120_000 }, async () => {
    const document = largerDemo(12);
    const content = JSON.stringify(document);
    expect(content.length).toBeGreaterThan(OPERATION_LIMITS.maxBodyBytes);
    const lags = watchEventLoop();
    const started = performance.now();
    const imported = await t.gql(`mutation($c: String!) { importData(fileName: "grand.json", content: $c) { flows { created } } }`, { c: content }, facilitator);
    const seconds = (performance.now() - started) / 1000;
    const worst = lags.stop();
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importData.flows.created).toBe(document.flows!.length);
    console.log(`Import of ${(content.length / 1e6).toFixed(1)} MB (${document.flows!.length} flows) in ${seconds.toFixed(1)} s; longest event-loop stall ${worst.toFixed(0)} ms`);

    const other = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: facilitator!.cookie! },
      body: JSON.stringify({ query: `mutation($c: String!) { importData(fileName: "a.json", content: $c) { flows { created } } viewer { email } }`, variables: { c: content } }),
    });
    expect(other.status).toBe(413);
    // The import's flow changes are followed by detection in the background: let it finish before measuring.
    await t.app.synergiesSettled();
  });

  it(`keeps HTTP p99 under ${P99_BOUND_MS} ms while detecting synergies over ${FLOWS} flows`, { timeout: 300_000 }, async () => {
    const territoryUuid = Buffer.from(fensch, 'base64url').toString().split(':')[1];
    await addGeneratedFlows(t.app.orm.em.fork(), loadKnowledgeBase(), territoryUuid, FLOWS);
    const latencies: number[] = [];
    let detecting = true;
    const probe = (async () => {
      let turn = 0;
      while (detecting) {
        const started = performance.now();
        // Alternately the liveness probe and a small GraphQL query: both must go through the event loop.
        if (turn++ % 2 === 0) expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
        else expect((await t.gql(`{ viewer { email } }`, {}, facilitator)).data!.viewer.email).toBe(DEMO_ACCOUNTS.facilitator.email);
        const latency = performance.now() - started;
        latencies.push(latency);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - latency)));
      }
    })();
    const started = performance.now();
    const run = await t.gql(`mutation($t: ID!) { detectSynergies(territoryId: $t) { detected suggested } }`, { t: fensch }, facilitator);
    const seconds = (performance.now() - started) / 1000;
    detecting = false;
    await probe;

    expect(run.errors).toBeUndefined();
    expect(run.data!.detectSynergies.detected).toBeGreaterThan(1_000);
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = sorted[Math.ceil(sorted.length * 0.99) - 1];
    console.log(
      `Detection over ${FLOWS} flows: ${run.data!.detectSynergies.detected} synergies in ${seconds.toFixed(1)} s; ` +
        `${latencies.length} probes, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
    );
    // Enough probes that the percentile means something, i.e. the detection lasted and the probes kept coming.
    expect(latencies.length).toBeGreaterThan(50);
    expect(p99).toBeLessThan(P99_BOUND_MS);
  });
});

/** The longest stall of the event loop while watched, sampled every 5 ms. */
function watchEventLoop() {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return worst;
    },
  };
}
