import { Entity, Enum, Index, ManyToOne, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { User } from '../auth/user.entity.js';
import { Organization } from './organization.entity.js';
import { ApprovalStatus, MembershipRole } from '../vocabulary/organization.enums.js';

/** A user belongs to an organisation, as ADMIN or MEMBER. */
@Entity({ tableName: 'membership' })
@Unique({ properties: ['user', 'organization'] })
export class Membership extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: User;

  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  @Index()
  organization!: Organization;

  @Enum({ items: () => MembershipRole, type: 'string' })
  role!: MembershipRole;

  /** The user's place in the organisation: until its admin or a facilitator approves, they see what a visitor sees. */
  @Enum({ items: () => ApprovalStatus, type: 'string', default: ApprovalStatus.APPROVED })
  approval: ApprovalStatus & Opt = ApprovalStatus.APPROVED;
}
