import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerritoryFacilitator } from '../../src/auth/territory-facilitator.entity.js';
import { User } from '../../src/auth/user.entity.js';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import type { ImportDocument } from '../../src/importer/import-format.js';
import { Territory } from '../../src/territory/territory.entity.js';
import { TestApp, type As } from '../harness.js';
import { largerDemo } from './large-territory.js';

/**
 * Issue 8, item 7: a large `importData` (parsing, validation, planning and writing thousands of records) held the
 * event loop about a second per megabyte. Another client probes the server every ~20 ms during a 5 MB import; the
 * 99th percentile of its latencies must stay under 200 ms — the same functional bound as the detection's
 * (event-loop.test.ts): the server keeps answering, it is not a benchmark. The file goes to a territory of its own,
 * whose synergies were never detected, so that what follows the import (incremental detection of each new flow, for
 * loaded territories only) is not what is measured: detection has its own test.
 */
const P99_BOUND_MS = 200;
const MEGABYTES = 5;

describe.skipIf(!process.env.DATABASE_URL)('a large import off the event loop', () => {
  let t: TestApp;
  let facilitator: As;

  beforeAll(async () => {
    t = await TestApp.start();
    // A region facilitated by the demo facilitator: no API creates one, so it is written as an administrator would.
    const em = t.app.orm.em.fork();
    const region = em.create(Territory, { name: 'Région d’essai', externalRef: 'region-essai' });
    em.create(TerritoryFacilitator, { user: await em.findOneOrFail(User, { email: DEMO_ACCOUNTS.facilitator.email }), territory: region });
    await em.flush();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
  });
  // Stopping waits for the synergies of the imported flows, detected in the background after the import.
  afterAll(async () => {
    await t?.stop();
  }, 600_000);

  /**
   * The demo's organisations, sites and flows `copies` times, in the test region, each copy 2° from the others so
   * that copies do not pair with one another (a region of many towns, not one town many times over).
   */
  const regionalFile = (copies: number): ImportDocument => {
    const document = largerDemo(copies);
    // Copy k's sites are moved to cell k of a grid of 2° steps over France.
    const copyOf = (ref: string) => Number(/-(\d+)$/.exec(ref)![1]);
    return {
      ...document,
      organizations: document.organizations!.map((o) => ({ ...o, territoryRef: 'region-essai' })),
      sites: document.sites!.map((site) => {
        const k = copyOf(site.ref);
        return { ...site, latitude: Number(site.latitude) - 49 + 42 + 2 * (k % 5), longitude: Number(site.longitude) - 6 - 3 + 2 * Math.floor(k / 5) };
      }),
    };
  };

  /** Latencies of a client that probes `/healthz` and a small query alternately, every ~20 ms, while `busy()`. */
  async function probeWhile(busy: () => boolean): Promise<number[]> {
    const latencies: number[] = [];
    let turn = 0;
    while (busy()) {
      const started = performance.now();
      if (turn++ % 2 === 0) expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      else expect((await t.gql(`{ viewer { email } }`, {}, facilitator)).data!.viewer.email).toBe(DEMO_ACCOUNTS.facilitator.email);
      const latency = performance.now() - started;
      latencies.push(latency);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - latency)));
    }
    return latencies;
  }
  const summary = (latencies: number[]) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]!;
    return { p99: at(0.99), text: `${latencies.length} probes, median ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms` };
  };

  it(`keeps HTTP p99 under ${P99_BOUND_MS} ms during a ${MEGABYTES} MB importData`, { timeout: 300_000 }, async () => {
    let copies = 1;
    while (JSON.stringify(regionalFile(copies)).length < MEGABYTES * 1e6) copies += 1;
    const document = regionalFile(copies);
    const content = JSON.stringify(document);
    // The same probes for 3 s before the import: what the shared machine gives anyway (logged beside the figure).
    const quietUntil = performance.now() + 3000;
    const baseline = summary(await probeWhile(() => performance.now() < quietUntil));
    let importing = true;
    const probe = probeWhile(() => importing);
    const started = performance.now();
    const imported = await t.gql(`mutation($c: String!) { importData(fileName: "region.json", content: $c) { flows { created } } }`, { c: content }, facilitator);
    const seconds = (performance.now() - started) / 1000;
    importing = false;
    const during = summary(await probe);

    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importData.flows.created).toBe(document.flows!.length);
    console.log(
      `Import of ${(content.length / 1e6).toFixed(1)} MB (${document.organizations!.length} organisations, ${document.sites!.length} sites, ${document.flows!.length} flows) ` +
        `in ${seconds.toFixed(1)} s; during: ${during.text}; before, idle: ${baseline.text}`,
    );
    expect(during.p99).toBeLessThan(P99_BOUND_MS);
  });

  it('answers a large refused file from the worker as it would in process: every problem, nothing written; a member is refused before any reading', async () => {
    const document = regionalFile(2);
    document.flows = document.flows!.map((f, i) => (i === 3 ? { ...f, ref: `refusé-${i}`, unit: 'BOISSEAU' as never } : { ...f, ref: `refusé-${i}` }));
    const content = JSON.stringify(document).padEnd(300 * 1024, ' ');
    expect(content.length).toBeGreaterThan(256 * 1024);
    const refused = await t.gql(`mutation($c: String!) { importData(fileName: "erreurs.json", content: $c) { flows { created } } }`, { c: content }, facilitator);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors?.[0]?.extensions?.problems)).toContain('unit');
    const stored = await t.app.orm.em.fork().execute(`select count(*)::int as n from resource_flow where external_ref like 'refusé-%'`);
    expect(stored[0].n).toBe(0);

    const member = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const forbidden = await t.gql(`mutation($c: String!) { importData(fileName: "erreurs.json", content: $c) { flows { created } } }`, { c: content }, member);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
