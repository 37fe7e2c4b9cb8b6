import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import { TestApp } from './harness.js';

/** "Mot de passe oublié" through the real server and a real SMTP server of this test's own. */

let t: TestApp;
let smtp: SMTPServer;
const mails: { to: string; body: string }[] = [];

const REQUEST = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(input: {token: $t, password: $p}) { viewer { email } } }`;
const VIEWER = `{ viewer { email } }`;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t = await TestApp.start({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'http://fe2i.example' } });
});

afterAll(async () => {
  await t?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

async function mailTo(address: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const mail = mails.find((m) => m.to === address);
    if (mail) return mail.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no e-mail to ${address}`);
}

describe('password reset by a single-use link', () => {
  it('mails a link that sets the new password once, ends the other sessions and signs in', async () => {
    const email = DEMO_ACCOUNTS.steelMember.email;
    const elsewhere = await t.logIn(email);
    expect((await t.gql(VIEWER, {}, elsewhere)).data!.viewer.email).toBe(email);

    expect((await t.gql(REQUEST, { e: ' Julien@Acier-Fensch.demo ' })).data!.requestPasswordReset).toBe(true);
    const body = (await mailTo(email)).replace(/=\r?\n/g, '');
    const token = body.match(/http:\/\/fe2i\.example\/#\/reset\/(fe2i_r_[\w-]+)/)![1];

    expect((await t.gql(RESET, { t: token, p: 'court' })).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const done = await t.gql(RESET, { t: token, p: 'nouveau-secret-2026' });
    expect(done.errors).toBeUndefined();
    expect(done.data!.resetPassword.viewer.email).toBe(email);

    expect((await t.gql(VIEWER, {}, elsewhere)).data!.viewer).toBeNull();
    await expect(t.logIn(email)).rejects.toThrow(/log-in failed/);
    await t.logIn(email, 'nouveau-secret-2026');
    expect((await t.gql(RESET, { t: token, p: 'encore-un-secret-1' })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('answers the same for an address without account, sends nothing then, and refuses a forged link', async () => {
    const before = mails.length;
    expect((await t.gql(REQUEST, { e: 'personne@nulle-part.example' })).data!.requestPasswordReset).toBe(true);
    expect((await t.gql(REQUEST, { e: DEMO_ACCOUNTS.joineryMember.email })).data!.requestPasswordReset).toBe(true);
    await mailTo(DEMO_ACCOUNTS.joineryMember.email);
    expect(mails.slice(before).map((m) => m.to)).toEqual([DEMO_ACCOUNTS.joineryMember.email]);
    expect((await t.gql(RESET, { t: 'fe2i_r_forged', p: 'forged-secret-1' })).errors![0].extensions!.code).toBe('NOT_FOUND');
    // The joinery's password did not change by being asked for.
    await t.logIn(DEMO_ACCOUNTS.joineryMember.email, DEMO_PASSWORD);
  });
});
