import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';
import { ApprovalStatus, MembershipRole } from '../vocabulary/organization.enums.js';
import type { Membership } from './membership.entity.js';
import { OrganizationNode } from './organization.types.js';
import type { Organization } from './organization.entity.js';

@ObjectType('MembershipRequest', { description: 'A user asking to join an organisation, for its admins and its territory’s facilitators to review.' })
export class MembershipRequestNode {
  @Field(() => ID, { description: 'Global ID, for approveMembership and rejectMembership.' })
  id!: string;

  @Field(() => OrganizationNode, { description: 'The organisation asked to join.' })
  organization!: OrganizationNode;

  @Field(() => String, { description: 'Display name of the user asking.' })
  userName!: string;

  @Field(() => String, { description: 'E-mail address of the user asking, to recognise them.' })
  userEmail!: string;

  @Field(() => MembershipRole, { description: 'Role asked for.' })
  role!: MembershipRole;

  @Field(() => ApprovalStatus, { description: 'Where the request stands.' })
  approval!: ApprovalStatus;

  @Field(() => Date, { description: 'When it was asked.' })
  createdAt!: Date;

  static from(m: Membership, org: Organization, user: { name: string; email: string }): MembershipRequestNode {
    return Object.assign(new MembershipRequestNode(), {
      id: toGlobalId('MembershipRequest', m.id),
      organization: OrganizationNode.from(org),
      userName: user.name,
      userEmail: user.email,
      role: m.role,
      approval: m.approval,
      createdAt: m.createdAt,
    });
  }
}
