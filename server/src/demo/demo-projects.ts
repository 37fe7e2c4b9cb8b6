import type { EntityManager } from '@mikro-orm/postgresql';
import { loadPrincipalOfUser } from '../auth/principal.loader.js';
import { User } from '../auth/user.entity.js';
import { Organization } from '../organization/organization.entity.js';
import type { Viewer } from '../policy/viewer.js';
import { SynergyProject } from '../project/project.entity.js';
import { ProjectRole, ProjectStage } from '../project/project.enums.js';
import type { PlanDocuments } from '../project/plan-document.port.js';
import { PlanService } from '../project/plan.service.js';
import { ProjectService } from '../project/project.service.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { Territory } from '../territory/territory.entity.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { HEAT_NETWORK_PLAN, PALLETS_PLAN, planChanges, type DemoPlan } from './demo-plans.js';

type Account = keyof typeof DEMO_ACCOUNTS;

interface DemoProject {
  title: string;
  lead: Account;
  partners: { account: Account; role: ProjectRole; accepts: boolean }[];
  stages: ProjectStage[];
  plan: DemoPlan;
}

/** Two projects at different stages, started by the facilitator and taken up by the demo organisations through the service. */
const PROJECTS: DemoProject[] = [
  {
    title: 'Réseau de chaleur : la chaleur fatale des Aciéries pour la zone de Florange',
    lead: 'steelMember',
    partners: [
      { account: 'authorityMember', role: ProjectRole.PARTNER, accepts: true },
      { account: 'joineryMember', role: ProjectRole.PARTNER, accepts: false },
    ],
    stages: [ProjectStage.STUDY],
    plan: HEAT_NETWORK_PLAN,
  },
  {
    title: 'Collecte mutualisée des palettes bois du Val de Fensch',
    lead: 'joineryMember',
    partners: [
      { account: 'steelMember', role: ProjectRole.PARTNER, accepts: true },
      { account: 'authorityMember', role: ProjectRole.OBSERVER, accepts: true },
    ],
    stages: [ProjectStage.STUDY, ProjectStage.IMPLEMENTATION, ProjectStage.OPERATIONAL],
    plan: PALLETS_PLAN,
  },
];

/**
 * Idempotent: a project whose title is already there is left as it is. A partner that `accepts: false` stays invited.
 * The plans are written by the lead through the plan service and the live documents' port, as an integrator would.
 */
export async function seedDemoProjects(em: EntityManager, pubSub: AppPubSub['pubSub'], planDocuments: PlanDocuments): Promise<number> {
  const projects = new ProjectService(em, pubSub);
  const plans = new PlanService(em, pubSub, planDocuments);
  const territory = await em.findOneOrFail(Territory, { externalRef: DEMO_ACCOUNTS.facilitator.territoryRef });
  const facilitator = await viewerOf(em, DEMO_ACCOUNTS.facilitator.email);
  let created = 0;
  for (const demo of PROJECTS) {
    if (await em.count(SynergyProject, { title: demo.title })) continue;
    const lead = await member(em, demo.lead);
    const { project } = await projects.create(facilitator, { title: demo.title, territoryId: territory.id, leadOrganizationId: lead.organizationId });
    await projects.respond(lead.viewer, project.id, true, lead.organizationId);
    for (const partner of demo.partners) {
      const invited = await member(em, partner.account);
      await projects.invite(lead.viewer, project.id, invited.organizationId, partner.role);
      if (partner.accepts) await projects.respond(invited.viewer, project.id, true, invited.organizationId);
    }
    for (const stage of demo.stages) await projects.changeStage(lead.viewer, project.id, stage);
    const owners: Record<string, string> = {};
    for (const account of [demo.lead, ...demo.partners.map((p) => p.account)]) owners[account] = (await member(em, account)).organizationId;
    for (const change of planChanges(demo.plan, owners)) await plans.apply(lead.viewer, project.id, change);
    created += 1;
  }
  return created;
}

async function viewerOf(em: EntityManager, email: string): Promise<Viewer> {
  const user = await em.findOneOrFail(User, { email });
  return (await loadPrincipalOfUser(em, user.id))!.viewer;
}

async function member(em: EntityManager, account: keyof typeof DEMO_ACCOUNTS): Promise<{ viewer: Viewer; organizationId: string }> {
  const { email, organizationRef } = DEMO_ACCOUNTS[account] as { email: string; organizationRef: string };
  const organization = await em.findOneOrFail(Organization, { externalRef: organizationRef });
  return { viewer: await viewerOf(em, email), organizationId: organization.id };
}
