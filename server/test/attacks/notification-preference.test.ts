import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';

/**
 * docs/THREAT_MODEL.md #15f. Muting the notifications of new synergies is a person's own setting: they read and
 * change theirs (from any browser, or with their token); nobody reads or changes another's — not another company's
 * member, not a facilitator, not a visitor, not a revoked token.
 */
const MUTED = `{ viewer { id notificationsMuted } }`;
const SET = `mutation($m: Boolean!) { setNotificationsMuted(muted: $m) }`;

describe('the notification setting is the person’s own', () => {
  let t: TestApp;
  let member: As;
  let other: As;
  let facilitator: As;
  let memberId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    member = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    other = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    memberId = (await t.gql(MUTED, {}, member)).data!.viewer.id;
  });
  afterAll(async () => t?.stop());

  it('is kept on the account: set in one session, read in another', async () => {
    expect((await t.gql(MUTED, {}, member)).data!.viewer.notificationsMuted).toBe(false);
    expect((await t.gql(SET, { m: true }, member)).data!.setNotificationsMuted).toBe(true);
    const elsewhere = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    expect((await t.gql(MUTED, {}, elsewhere)).data!.viewer.notificationsMuted).toBe(true);
    // Another person's setting did not move.
    expect((await t.gql(MUTED, {}, other)).data!.viewer.notificationsMuted).toBe(false);
  });

  it('is read by nobody else: another member, a facilitator, a visitor, a revoked token', async () => {
    const asNode = `query($id: ID!) { node(id: $id) { ... on User { notificationsMuted } } }`;
    for (const as of [other, facilitator, undefined]) {
      const res = await t.gql(asNode, { id: memberId }, as);
      expect(res.data?.node ?? null).toBeNull();
      expect(JSON.stringify(res)).not.toContain('notificationsMuted":true');
    }
    const made = await t.gql(`mutation { createApiToken(name: "ERP") { token apiToken { id } } }`, {}, member);
    await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: made.data!.createApiToken.apiToken.id }, member);
    const revoked = { token: made.data!.createApiToken.token };
    expect((await t.gql(MUTED, {}, revoked)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(SET, { m: false }, revoked)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(SET, { m: false })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(MUTED, {}, member)).data!.viewer.notificationsMuted).toBe(true);
  });
});
