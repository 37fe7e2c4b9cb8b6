import { Field, ObjectType } from 'type-graphql';
import { MembershipRole } from '../vocabulary/organization.enums.js';
import { OrganizationNode } from './organization.types.js';

@ObjectType('Membership', { description: "A user's place in an organisation." })
export class MembershipNode {
  @Field(() => OrganizationNode, { description: 'The organisation.' })
  organization!: OrganizationNode;

  @Field(() => MembershipRole, { description: 'ADMIN or MEMBER.' })
  role!: MembershipRole;
}
