import type { EntityManager } from '@mikro-orm/postgresql';
import { loadPrincipalOfUser } from '../auth/principal.loader.js';
import { User } from '../auth/user.entity.js';
import { Organization } from '../organization/organization.entity.js';
import type { Viewer } from '../policy/viewer.js';
import { SynergyProject } from '../project/project.entity.js';
import { ProjectRole, ProjectStage } from '../project/project.enums.js';
import { ProjectService } from '../project/project.service.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { Territory } from '../territory/territory.entity.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

interface DemoProject {
  title: string;
  lead: keyof typeof DEMO_ACCOUNTS;
  partners: { account: keyof typeof DEMO_ACCOUNTS; role: ProjectRole; accepts: boolean }[];
  stages: ProjectStage[];
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
  },
  {
    title: 'Collecte mutualisée des palettes bois du Val de Fensch',
    lead: 'joineryMember',
    partners: [
      { account: 'steelMember', role: ProjectRole.PARTNER, accepts: true },
      { account: 'authorityMember', role: ProjectRole.OBSERVER, accepts: true },
    ],
    stages: [ProjectStage.STUDY, ProjectStage.IMPLEMENTATION, ProjectStage.OPERATIONAL],
  },
];

/** Idempotent: a project whose title is already there is left as it is. A partner that `accepts: false` stays invited. */
export async function seedDemoProjects(em: EntityManager, pubSub: AppPubSub['pubSub']): Promise<number> {
  const projects = new ProjectService(em, pubSub);
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
