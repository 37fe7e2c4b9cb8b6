import { Entity, Enum, Index, ManyToOne, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { User } from '../auth/user.entity.js';
import { Organization } from './organization.entity.js';
import { MembershipRole } from '../vocabulary/organization.enums.js';

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
}
