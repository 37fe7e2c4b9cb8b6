import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { fromGlobalId } from '../../src/graphql/global-id.js';
import { planDocumentName } from '../../src/project/plan-document.port.js';
import type { As } from '../../test/harness.js';
import type { ServerProcess } from '../../test/collab/server-process.js';

/** A plan the benchmark edits, and the users (logged in as in a browser) who may write it. */
export interface BenchPlan {
  documentName: string;
  writers: As[];
}

/**
 * Plans of the demo territory made through the API as users make them: the facilitator creates each project led
 * by the steelworks, which accepts; with `withPartner`, the joinery is invited as partner and accepts, so that the
 * facilitator, the steelworks and the joinery may all write it.
 */
export async function createPlans(server: ServerProcess, count: number, withPartner: boolean): Promise<BenchPlan[]> {
  const [facilitator, steel, joinery] = await Promise.all(
    [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember].map((a) => server.logIn(a.email)),
  );
  const q = async (as: As, query: string, variables: Record<string, unknown> = {}) => {
    const res = await server.gql(query, variables, as);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const territory = (await q(steel, `{ territories { id name } }`)).territories.find((x: { name: string }) => x.name === 'Val de Fensch').id;
  const orgOf = async (as: As) => (await q(as, `{ viewer { memberships { organization { id } } } }`)).viewer.memberships[0].organization.id;
  const [steelOrg, joineryOrg] = await Promise.all([orgOf(steel), orgOf(joinery)]);
  const plans: BenchPlan[] = [];
  for (let i = 0; i < count; i++) {
    const created = await q(facilitator, `mutation($t: ID!, $l: ID!, $title: String!) { createProject(input: {title: $title, territoryId: $t, leadOrganizationId: $l}) { id } }`, {
      t: territory,
      l: steelOrg,
      title: `Plan de charge ${i + 1}`,
    });
    const id: string = created.createProject.id;
    const respond = (as: As) => q(as, `mutation($p: ID!) { respondToProjectInvitation(projectId: $p, accept: true) { id } }`, { p: id });
    await respond(steel);
    if (withPartner) {
      await q(steel, `mutation($p: ID!, $o: ID!) { inviteToProject(projectId: $p, organizationId: $o, role: PARTNER) { id } }`, { p: id, o: joineryOrg });
      await respond(joinery);
    }
    plans.push({ documentName: planDocumentName(fromGlobalId(id)?.id ?? id), writers: withPartner ? [steel, joinery, facilitator] : [steel] });
  }
  return plans;
}
