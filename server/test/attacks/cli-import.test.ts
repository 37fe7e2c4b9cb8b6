import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { demoDocument } from '../../src/importer/import-test-helpers.js';
import type { ImportDocument } from '../../src/importer/import-format.js';
import { collect, TestApp, type As } from '../harness.js';

/**
 * Issue 8: `npm run import` into the PostgreSQL of a running server sent no event and triggered no detection. The
 * server runs without Redis (PostgreSQL NOTIFY carries the events); the command runs in a process of its own.
 */
const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const MARKER = 'importé en ligne de commande';

describe.skipIf(!process.env.DATABASE_URL)('the command-line import next to a running server', () => {
  let t: TestApp;
  let facilitator: As;
  let folder: string;

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    folder = mkdtempSync(path.join(tmpdir(), 'fe2i-cli-import-'));
  });

  afterAll(async () => {
    await t?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("reaches the server's subscribers and detects the synergies of the imported flows", { timeout: 120_000 }, async () => {
    const territories = await t.gql(`{ territories { id name } }`, {}, facilitator);
    const fensch = territories.data!.territories.find((x: { name: string }) => x.name === 'Val de Fensch').id;
    const some = await t.gql(`query($t: ID!) { flows(first: 1, filter: {territoryId: $t}) { nodes { id } } }`, { t: fensch }, facilitator);
    const client = t.wsClient(facilitator);
    const sub = collect<any>(client, `subscription($t: ID!) { flowChanged(territoryId: $t) { change flow { id description } } }`, { t: fensch });
    await sub.live(t.flowProbe(some.data!.flows.nodes[0].id, facilitator));

    const document = oneOrganisationAgain();
    const file = path.join(folder, 'again.json');
    writeFileSync(file, JSON.stringify(document));
    const run = await runImport(file, t.app.orm.config.get('clientUrl')!);
    expect(run.code, run.output).toBe(0);

    const events = await sub.waitFor(document.flows!.length, 20_000);
    expect(events.map((e) => e.data.flowChanged.change)).toEqual(document.flows!.map(() => 'DECLARED'));
    expect(events.every((e) => e.data.flowChanged.flow.description === MARKER)).toBe(true);
    await client.dispose();
    const [row] = await t.app.orm.em.fork().execute(
      `select count(*) as n from synergy_participant p join resource_flow f on f.id = p.flow_id where f.description = ?`,
      [MARKER],
    );
    expect(Number(row.n)).toBeGreaterThan(0);
  });
});

/** The demo organisation with the most flows, under new refs, its flows marked. */
function oneOrganisationAgain(): ImportDocument {
  const demo = demoDocument();
  const sites = demo.sites ?? [];
  const flows = demo.flows ?? [];
  const flowsOf = (ref: string) => flows.filter((f) => sites.some((s) => s.ref === f.siteRef && s.organizationRef === ref));
  const organization = (demo.organizations ?? [])
    .filter((o) => o.territoryRef === 'val-de-fensch')
    .sort((a, b) => flowsOf(b.ref).length - flowsOf(a.ref).length)[0];
  return {
    format: demo.format,
    version: demo.version,
    organizations: [{ ...organization, ref: `${organization.ref}-cli`, siren: undefined, name: `${organization.name} (bis)` }],
    sites: sites.filter((s) => s.organizationRef === organization.ref).map((s) => ({ ...s, ref: `${s.ref}-cli`, siret: undefined, organizationRef: `${organization.ref}-cli` })),
    flows: flowsOf(organization.ref).map((f) => ({ ...f, ref: `${f.ref}-cli`, siteRef: `${f.siteRef}-cli`, description: MARKER })),
  };
}

function runImport(file: string, databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, NODE_ENV: 'development' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/cli/import.ts', file], { cwd: serverDir, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}
