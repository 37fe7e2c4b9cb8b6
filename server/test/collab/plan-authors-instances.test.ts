import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collect, TestApp } from '../harness.js';
import { openPlan, planProject, synced, until, type PlanClient, type PlanProject } from './collab-harness.js';

/**
 * The planChanged author cache (app/plan-changes.ts) keeps in whose name a user writes a plan for minutes; a change
 * of the project's participants made on another instance must reach it through Redis (PROJECT_CHANGED), or the
 * instance that relays the user's edits goes on naming the organisation of before. Needs DATABASE_URL and REDIS_URL.
 */
const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

describe.runIf(enabled)('plan authors across two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let p: PlanProject;
  let client: PlanClient | undefined;

  beforeAll(async () => {
    a = await TestApp.start({ redisUrl: process.env.REDIS_URL });
    b = await TestApp.start({ redisUrl: process.env.REDIS_URL, sharing: a, seedDemo: false });
    p = await planProject(a, 'Auteurs sur deux instances');
  });
  afterAll(async () => {
    client?.destroy();
    await b?.stop();
    await a?.stop();
  });

  it('stops naming an organisation removed from the project on the other instance, long before the cache would expire', async () => {
    const ws = a.wsClient(p.steel);
    const events = collect<any>(ws, `subscription($p: ID!) { planChanged(projectId: $p) { actions { added } authors { organization { id } } plan { summary } } }`, { p: p.projectId });
    await events.live((marker) => a.gql(`mutation($p: ID!, $s: String!) { setPlanSummary(projectId: $p, summary: $s) { summary } }`, { p: p.projectId, s: marker }, p.steel));
    const toldFor = (id: string) => events.events.find((e) => e.data?.planChanged.actions.added.includes(id));
    client = openPlan(a.url, p.documentName, p.facilitator);
    await synced(client);
    let n = 0;
    const addAction = () => {
      const id = `animatrice-${++n}`;
      client!.doc.getArray('actions').push([new Y.Map<unknown>(Object.entries({ id, title: `Action ${n}`, status: 'TODO' }))]);
      return id;
    };

    // The facilitator's organisation takes part (it facilitates the project): her edits are named after it, and A
    // caches that.
    const gqlOk = async (as: PlanProject['steel'], query: string, variables: Record<string, unknown>) => {
      const res = await b.gql(query, variables, as);
      expect(res.errors).toBeUndefined();
      return res.data!;
    };
    const valolab = (await gqlOk(p.facilitator, `{ viewer { memberships { organization { id } } } }`, {})).viewer.memberships[0].organization.id;
    const first = addAction();
    await until(() => Boolean(toldFor(first)), 'the first edit told on A');
    expect(toldFor(first)!.data.planChanged.authors).toEqual([{ organization: { id: valolab } }]);

    // On B, the lead removes her organisation; as the territory's facilitator she still writes, for the territory.
    // B publishes PROJECT_CHANGED; A hears it through Redis.
    await gqlOk(p.steel, `mutation($p: ID!, $o: ID!) { removeProjectParticipant(projectId: $p, organizationId: $o) { id } }`, { p: p.projectId, o: valolab });

    // Her next edits on A are no longer named after her organisation, within seconds (the cache's span is minutes):
    // edits are made until one is told so, since the event reaches A a moment after B answered.
    let named: string | undefined;
    await until(
      async () => {
        const id = addAction();
        await until(() => Boolean(toldFor(id)), `the edit ${id} told on A`);
        if (toldFor(id)!.data.planChanged.authors[0].organization === null) named = id;
        return named !== undefined;
      },
      'an edit no longer named after the organisation removed',
      10_000,
    );
    expect(toldFor(named!)!.data.planChanged.authors).toEqual([{ organization: null }]);
    expect(client.closes).toEqual([]);
    await ws.dispose();
  });
});
