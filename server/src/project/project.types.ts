import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node.js';
import { OrganizationNode } from '../organization/organization.types.js';
import { InvitationStatus, ProjectChange, ProjectRole, ProjectStage } from './project.enums.js';
import type { ProjectRecord } from './project.records.js';

registerEnumType(ProjectStage, {
  name: 'ProjectStage',
  description: 'Where a project stands: IDEA → STUDY → IMPLEMENTATION → OPERATIONAL, or ABANDONED.',
  valuesConfig: {
    IDEA: { description: 'Someone wants to work on it; nothing is committed yet.' },
    STUDY: { description: 'Feasibility: quantities, regulation, costs, funding.' },
    IMPLEMENTATION: { description: 'Being set up; its synergy counts as in progress in the territory indicators.' },
    OPERATIONAL: { description: 'Running; its synergy counts as operational in the territory indicators.' },
    ABANDONED: { description: 'Given up, with a reason; it may be reopened as an IDEA.' },
  },
});
registerEnumType(ProjectRole, {
  name: 'ProjectRole',
  description: 'The part an organisation takes in a project.',
  valuesConfig: {
    LEAD: { description: 'Carries the project: changes its stage, invites and removes participants, edits the plan.' },
    PARTNER: { description: 'Takes part and edits the plan.' },
    OBSERVER: { description: 'Follows the project read-only.' },
    FACILITATOR: { description: "The territory's facilitator organisation: manages like a lead." },
  },
});
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: "Where an organisation's invitation to a project stands.",
  valuesConfig: {
    INVITED: { description: 'Invited, no answer yet ("invitation en attente").' },
    ACCEPTED: { description: 'Takes part.' },
    DECLINED: { description: 'Declined; it sees nothing of the project.' },
    REMOVED: { description: 'Removed by the lead or a facilitator; it sees nothing of the project any more.' },
  },
});
registerEnumType(ProjectChange, { name: 'ProjectChange', description: 'What happened to a project.' });

@ObjectType('ProjectParticipant', { description: 'An organisation invited to a project.' })
export class ProjectParticipantNode {
  @Field(() => OrganizationNode, {
    nullable: true,
    description:
      'Who it is. Null while its invitation is pending (or was declined or withdrawn) unless it is yours or you manage the project: ' +
      'an organisation is known to the other participants once it accepts.',
  })
  organization!: OrganizationNode | null;

  @Field(() => ProjectRole, { description: 'Its role.' }) role!: ProjectRole;
  @Field(() => InvitationStatus, { description: 'Where its invitation stands.' }) status!: InvitationStatus;
  @Field(() => Boolean, { description: 'Whether it is one of your organisations.' }) isYours!: boolean;
  @Field(() => Date, { description: 'When it was (last) invited.' }) invitedAt!: Date;
  @Field(() => OrganizationNode, { nullable: true, description: 'The organisation in whose name it was invited; null for a facilitator acting for the territory.' })
  invitedByOrganization!: OrganizationNode | null;
  @Field(() => String, { nullable: true, description: 'The name of the person who invited it.' }) invitedByName!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it accepted or declined.' }) respondedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was removed.' }) removedAt!: Date | null;
}

@ObjectType('ProjectStageChange', { description: 'One move of a project between stages; the history is never rewritten.' })
export class ProjectStageChangeNode {
  @Field(() => ProjectStage, { nullable: true, description: 'The stage before; null for the creation of the project.' }) from!: ProjectStage | null;
  @Field(() => ProjectStage, { description: 'The stage after.' }) to!: ProjectStage;
  @Field(() => String, { nullable: true, description: 'Why (required to abandon).' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'The name of the person who moved it.' }) changedByName!: string | null;
  @Field(() => Date, { description: 'When.' }) changedAt!: Date;
}

@ObjectType('SynergyProject', {
  implements: Node,
  description:
    'A synergy being worked on (fiche action): its stage, its participants and its live plan. Seen by the ' +
    "facilitators of its territory and the organisations that accepted to take part; to anyone else it does not exist.",
})
export class SynergyProjectNode extends Node {
  dbId!: string;
  /** What the node was built from, for one viewer who may see it: its plan is read without loading it again. */
  record!: ProjectRecord;
  territoryDbId!: string;
  synergyDbId!: string | null;

  @Field(() => String, { description: 'Title of the project.' }) title!: string;
  @Field(() => ProjectStage, { description: 'Current stage.' }) stage!: ProjectStage;
  @Field(() => String, { nullable: true, description: 'Why it was abandoned (ABANDONED only).' }) abandonReason!: string | null;
  @Field(() => [ProjectStage], { description: 'Stages it may move to next (managers act on them with changeProjectStage).' }) nextStages!: ProjectStage[];
  @Field(() => [ProjectParticipantNode], { description: 'Organisations invited, with their role and where their invitation stands.' })
  participants!: ProjectParticipantNode[];
  @Field(() => [ProjectStageChangeNode], { description: 'Every stage change, oldest first, starting with the creation.' }) stageHistory!: ProjectStageChangeNode[];
  @Field(() => [ProjectRole], { description: 'The roles your organisations hold in it (empty for a facilitator acting for the territory).' })
  viewerRoles!: ProjectRole[];
  @Field(() => Boolean, { description: 'Whether you may change its stage, invite and remove participants.' }) viewerCanManage!: boolean;
  @Field(() => Boolean, { description: 'Whether you may edit its plan (false for observers: read-only).' }) viewerCanEditPlan!: boolean;
  @Field(() => String, {
    description:
      "Name of the plan's live Yjs document on WS /collab (Hocuspocus protocol), opened with the same credentials as GraphQL: the session cookie, or an API token sent as the provider's token.",
  })
  planDocumentName!: string;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => Date, { description: 'When it last changed.' }) updatedAt!: Date;
}

@ObjectType('ProjectInvitation', {
  description: 'An invitation of one of your organisations to a project: until a member accepts, all it shows of the project is its title and who invites.',
})
export class ProjectInvitationNode {
  @Field(() => ID, { description: 'Global ID of the project, to answer with respondToProjectInvitation.' }) projectId!: string;
  @Field(() => String, { description: 'Title of the project.' }) projectTitle!: string;
  @Field(() => OrganizationNode, { description: 'Your organisation that is invited.' }) organization!: OrganizationNode;
  @Field(() => ProjectRole, { description: 'The role it is offered.' }) role!: ProjectRole;
  @Field(() => OrganizationNode, { nullable: true, description: 'The organisation inviting; null for a facilitator acting for the territory.' })
  invitedByOrganization!: OrganizationNode | null;
  @Field(() => String, { nullable: true, description: 'The name of the person inviting.' }) invitedByName!: string | null;
  @Field(() => Date, { description: 'When.' }) invitedAt!: Date;
}

@ObjectType('ProjectChangedEvent', { description: 'A project you may see changed.' })
export class ProjectChangedEventNode {
  @Field(() => ProjectChange, { description: 'What happened.' }) change!: ProjectChange;
  @Field(() => ID, { description: 'Global ID of the project.' }) projectId!: string;
  @Field(() => SynergyProjectNode, { nullable: true, description: 'The project as you may now see it; null if you lost access meanwhile.' })
  project!: SynergyProjectNode | null;
}
