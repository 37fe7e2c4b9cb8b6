import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_INTEGRATOR_TOKEN } from '../src/demo/demo-accounts.js';
import { TestApp } from './harness.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE = path.join(repoRoot, 'docs/examples/follow-flows.mjs');

let t: TestApp;

beforeAll(async () => {
  t = await TestApp.start();
});

afterAll(async () => {
  await t?.stop();
});

describe("docs/api.md's subscription example", () => {
  it('runs as written against the real server with the demo token and prints the flow changes it follows', async () => {
    const child = spawn(process.execPath, [EXAMPLE], {
      env: { ...process.env, FE2I_URL: t.url, FE2I_TOKEN: DEMO_INTEGRATOR_TOKEN, FE2I_EVENTS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    // The example subscribes once connected; changes are made until one reaches it (no time window guessed).
    const owner = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const own = await t.gql(`{ viewer { memberships { organization { flows(first: 50) { nodes { id label visibility } } } } } }`, {}, owner);
    const flow = own.data!.viewer.memberships[0].organization.flows.nodes.find((f: { visibility: string }) => f.visibility === 'PUBLIC');
    let done: number | null | undefined;
    void exited.then((code) => (done = code));
    for (let i = 0; done === undefined && i < 300; i++) {
      if (output.includes('following')) {
        const res = await t.gql(`mutation($id: ID!, $d: String) { updateFlow(id: $id, input: {description: $d}) { id } }`, { id: flow.id, d: `exemple ${i}` }, owner);
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (done === undefined) child.kill();
    expect(await exited, output).toBe(0);
    expect(output).toMatch(/following .*Val de Fensch/);
    expect(output).toContain(`UPDATED ${flow.label}`);
  });

  it('says what is wrong with a revoked or unknown token, and exits non-zero', async () => {
    const child = spawn(process.execPath, [EXAMPLE], {
      env: { ...process.env, FE2I_URL: t.url, FE2I_TOKEN: 'fe2i_not_a_token' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('UNAUTHENTICATED');
  });
});
