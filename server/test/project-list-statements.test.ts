import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCounter } from '../src/db/query-counter.js';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { TestApp, type As } from './harness.js';

const LIST = (fields: string) => `{ projects(first: 50) { totalCount nodes { id title ${fields} } } }`;

/** A list of projects with their plans reads each project once: the plan does not load its project again (no N+1). */
describe('the projects list with plans', () => {
  let t: TestApp;
  let facilitator: As;
  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
  });
  afterAll(async () => t?.stop());

  it('costs no more ORM statements with the plans than without them', async () => {
    const bare = await queryCounter.measure(() => t.gql(LIST(''), {}, facilitator));
    const withPlans = await queryCounter.measure(() => t.gql(LIST('plan { summary actions { title } budget { label } }'), {}, facilitator));
    expect(bare.result.errors).toBeUndefined();
    expect(withPlans.result.errors).toBeUndefined();
    const nodes = withPlans.result.data!.projects.nodes as { plan: { actions: unknown[] } | null }[];
    expect(nodes.filter((n) => n.plan && n.plan.actions.length > 0).length).toBeGreaterThanOrEqual(2);
    console.log(`ORM statements for ${nodes.length} projects: ${bare.statements} without plans, ${withPlans.statements} with plans`);
    expect(withPlans.statements).toBe(bare.statements);
  });
});
