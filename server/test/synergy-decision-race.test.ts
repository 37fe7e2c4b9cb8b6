import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { reconcileSynergies } from '../src/synergy/detection/reconcile.js';
import { loadKnowledgeBase } from '../src/synergy/knowledge/knowledge-base.js';
import { Synergy } from '../src/synergy/model/synergy.entity.js';
import { loadTerritoryTree } from '../src/territory/territory-tree.js';
import { TestApp, type As } from './harness.js';

/**
 * Two parties deciding on one synergy at the same moment (each side's member clicks "être mis en relation" within
 * the same second). Each decision read the consents, set its own and computed the status from what it had read:
 * two acceptances in flight each saw the other side PENDING, and the synergy stayed CONTACT_REQUESTED with every
 * consent ACCEPTED — identities never revealed, nobody told. Whatever the interleaving, the status must follow the
 * consents stored.
 */
describe('concurrent decisions on one synergy', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let joinery: As;
  let fensch: string;
  const org: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, steel, joinery] = await Promise.all([DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember].map((a) => t.logIn(a.email)));
    fensch = (await t.gql(`{ territories { id name } }`, {}, facilitator)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    for (const [key, as] of Object.entries({ steel, joinery })) {
      org[key] = (await t.gql(`{ viewer { memberships { organization { id } } } }`, {}, as)).data!.viewer.memberships[0].organization.id;
    }
  });
  afterAll(async () => t?.stop());

  async function recordSuggested(): Promise<string> {
    const res = await t.gql(
      `mutation($t: ID!, $o: [ID!]!) { recordSynergy(input: {territoryId: $t, kind: SUBSTITUTION, organizationIds: $o, status: SUGGESTED, note: "Atelier"}) { id } }`,
      { t: fensch, o: [org.steel, org.joinery] },
      facilitator,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.recordSynergy.id;
  }

  const ASK = `mutation($id: ID!) { requestContact(id: $id) { status } }`;
  const DECLINE = `mutation($id: ID!) { declineSynergy(id: $id) { status } }`;

  /** The database id behind a GraphQL global id ("Type:uuid", base64). */
  const dbId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];

  async function stored(globalId: string) {
    const id = dbId(globalId);
    const em = t.app.orm.em.fork();
    const [s] = await em.execute(`select status from synergy where id = ?`, [id]);
    const consents = (await em.execute(`select consent from synergy_participant where synergy_id = ? order by consent`, [id])).map((r: any) => r.consent);
    return { status: s.status as string, consents: consents as string[] };
  }

  it('both sides accepting at once: ACCEPTED, every time', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => recordSuggested()));
    await Promise.all(ids.flatMap((id) => [t.gql(ASK, { id }, steel), t.gql(ASK, { id }, joinery)]));
    const outcomes = await Promise.all(ids.map(stored));
    expect(outcomes).toEqual(ids.map(() => ({ status: 'ACCEPTED', consents: ['ACCEPTED', 'ACCEPTED'] })));
  });

  it('one accepting while the other declines: DECLINED, never ACCEPTED over a refusal', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => recordSuggested()));
    const answers = await Promise.all(ids.flatMap((id) => [t.gql(ASK, { id }, steel), t.gql(DECLINE, { id }, joinery)]));
    for (const a of answers) if (a.errors) expect(a.errors.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    for (const outcome of await Promise.all(ids.map(stored))) {
      expect(outcome.status).toBe('DECLINED');
      expect(outcome.consents).toContain('DECLINED');
    }
  });

  it('a detection withdrawing a synergy a party has just answered keeps the answer', async () => {
    const em = t.app.orm.em.fork();
    const rows: { id: string; key: string }[] = await em.execute(
      `select s.id, s.key from synergy s join synergy_participant p on p.synergy_id = s.id
        where p.organization_id = ? and s.origin = 'DETECTED' and s.status = 'SUGGESTED' and s.current
          and not exists (select 1 from synergy_project x where x.synergy_id = s.id)
        order by s.key limit 2`,
      [dbId(org.steel)],
    );
    expect(rows).toHaveLength(2);
    const [answered, untouched] = rows;
    // The reconciliation read both as SUGGESTED (its `consider`), then the steelworks asked for contact on one...
    const consider = await em.find(Synergy, { id: { $in: rows.map((r) => r.id) } });
    const asked = await t.gql(ASK, { id: Buffer.from(`Synergy:${answered.id}`).toString('base64') }, steel);
    expect(asked.errors).toBeUndefined();
    // ...and, finding neither any more, withdraws them.
    const tree = await loadTerritoryTree(em);
    const result = await reconcileSynergies(em, [], new Map(), consider, { knowledgeBaseVersion: loadKnowledgeBase().version, tree });
    const after: { id: string; status: string; current: boolean }[] = await t.app.orm.em
      .fork()
      .execute(`select id, status, current from synergy where id in (?, ?)`, [answered.id, untouched.id]);
    expect(after).toEqual([{ id: answered.id, status: 'STALE', current: false }]);
    const consents = await t.app.orm.em.fork().execute(`select consent from synergy_participant where synergy_id = ? and organization_id = ?`, [answered.id, dbId(org.steel)]);
    expect(consents.map((c: any) => c.consent)).toEqual(['ACCEPTED']);
    expect(result).toMatchObject({ withdrawn: 1, stale: 1 });
  });
});
