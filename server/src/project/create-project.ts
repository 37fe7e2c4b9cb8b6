import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { badInput, conflict, forbidden, notFound, ProblemList } from '../errors/domain-errors.js';
import { Organization } from '../organization/organization.entity.js';
import { projectCreation } from '../policy/project-policy.js';
import { synergyAccess } from '../policy/synergy-policy.js';
import { isMemberOf, type Viewer } from '../policy/viewer.js';
import { SynergyStatus } from '../synergy/model/synergy.enums.js';
import { Territory } from '../territory/territory.entity.js';
import { loadOriginSynergy, originFactsOf, partyOrganizationIds, type OriginSynergy } from './origin-synergy.js';
import { ProjectParticipant, ProjectStageChange, SynergyProject } from './project.entity.js';
import { InvitationStatus, ProjectRole, ProjectStage } from './project.enums.js';

export interface NewProject {
  title: string;
  /** The synergy it comes from; its territory becomes the project's. */
  synergyId?: string;
  /** For a project from scratch (facilitators): its territory. */
  territoryId?: string;
  /** Which of the creator's organisations takes part, when they have several. */
  organizationId?: string;
  /** A facilitator may name the organisation invited to lead. */
  leadOrganizationId?: string;
}

const TITLE = { min: 3, max: 200 };

/**
 * Starts a project. A party (once every side consented) leads it; a facilitator's organisation takes part as
 * FACILITATOR. The synergy's other parties are invited as partners (or as lead, when a facilitator names one).
 */
export async function createProject(em: EntityManager, viewer: Viewer, input: NewProject): Promise<SynergyProject> {
  const title = input.title.trim();
  const problems = new ProblemList();
  if (title.length < TITLE.min || title.length > TITLE.max) problems.add('title', `must be ${TITLE.min} to ${TITLE.max} characters`);
  if (Boolean(input.synergyId) === Boolean(input.territoryId)) problems.add('synergyId', 'give either synergyId or territoryId');
  problems.throwIfAny('Cannot create this project.');

  const origin = input.synergyId ? await visibleOrigin(em, viewer, input.synergyId) : null;
  const territoryId = origin ? origin.synergy.territory.id : input.territoryId!;
  if (!origin && !(await em.count(Territory, { id: territoryId }))) throw notFound('Territory');
  const creation = projectCreation(viewer, territoryId, origin ? originFactsOf(origin) : null);
  if (!creation) {
    throw forbidden(origin ? 'A party may start a project once every side has consented to be put in touch.' : "Only the territory's facilitators start projects from scratch.");
  }
  if (origin) await assertFreeSynergy(em, origin);

  const ownOrganizationId = creatorOrganization(viewer, input.organizationId, creation === 'PARTY' ? partyOrganizationIds(origin!) : null);
  const leadId = creation === 'FACILITATOR' ? input.leadOrganizationId : undefined;
  const invited = [...new Set([...(origin ? partyOrganizationIds(origin) : []), ...(leadId ? [leadId] : [])])].filter((id) => id !== ownOrganizationId);
  if (leadId && !(await em.count(Organization, { id: leadId }))) {
    problems.add('leadOrganizationId', 'is not an organisation');
    problems.throwIfAny('Cannot create this project.');
  }

  const now = new Date();
  const user = em.getReference(User, viewer.userId);
  const project = em.create(SynergyProject, {
    title,
    territory: em.getReference(Territory, territoryId),
    synergy: origin?.synergy ?? null,
    stage: ProjectStage.IDEA,
    createdBy: user,
  });
  em.create(ProjectStageChange, { project, fromStage: null, toStage: ProjectStage.IDEA, changedBy: user });
  const own = ownOrganizationId ? em.getReference(Organization, ownOrganizationId) : null;
  if (own) {
    em.create(ProjectParticipant, {
      project,
      organization: own,
      role: creation === 'PARTY' ? ProjectRole.LEAD : ProjectRole.FACILITATOR,
      status: InvitationStatus.ACCEPTED,
      invitedBy: user,
      invitedByOrganization: own,
      invitedAt: now,
      respondedBy: user,
      respondedAt: now,
    });
  }
  for (const organizationId of invited) {
    em.create(ProjectParticipant, {
      project,
      organization: em.getReference(Organization, organizationId),
      role: organizationId === leadId ? ProjectRole.LEAD : ProjectRole.PARTNER,
      invitedBy: user,
      invitedByOrganization: own,
      invitedAt: now,
    });
  }
  await em.flush();
  return project;
}

/** The synergy, if the viewer may see it; NOT_FOUND otherwise, as the synergy queries answer. */
async function visibleOrigin(em: EntityManager, viewer: Viewer, synergyId: string): Promise<OriginSynergy> {
  const origin = await loadOriginSynergy(em, synergyId);
  if (!origin) throw notFound('Synergy');
  const facts = originFactsOf(origin);
  if (synergyAccess(viewer, { territoryId: facts.territoryId, participants: facts.parties }) === 'NONE') throw notFound('Synergy');
  return origin;
}

/** One active project per synergy, and none from a synergy a party declined. */
async function assertFreeSynergy(em: EntityManager, { synergy }: OriginSynergy): Promise<void> {
  if (synergy.status === SynergyStatus.DECLINED) throw conflict('This synergy was declined: no project can start from it.');
  if (await em.count(SynergyProject, { synergy: synergy.id, stage: { $ne: ProjectStage.ABANDONED } })) {
    throw conflict('A project is already under way for this synergy.');
  }
}

/**
 * The creator's organisation in the project: the one named, or their only eligible one. A party must take part
 * through a party organisation; a facilitator may take part through none (they manage through the territory).
 */
function creatorOrganization(viewer: Viewer, named: string | undefined, parties: string[] | null): string | null {
  const eligible = [...viewer.memberships.keys()].filter((id) => !parties || parties.includes(id));
  if (named) {
    if (!isMemberOf(viewer, named) || !eligible.includes(named)) {
      throw forbidden(parties ? 'organizationId must be one of your organisations taking part in the synergy.' : 'organizationId must be one of your organisations.');
    }
    return named;
  }
  if (eligible.length === 1) return eligible[0];
  if (parties) throw badInput('Several of your organisations take part: say which one leads.', [{ field: 'organizationId', message: 'is required when several of your organisations take part' }]);
  return null;
}
