import { Entity, Enum, Index, ManyToOne, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { MembershipRole } from '../organization/organization.enums.js';
import { Territory } from '../territory/territory.entity.js';
import { User } from './user.entity.js';

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

/** A user facilitates a territory (and every territory nested in it). */
@Entity({ tableName: 'territory_facilitator' })
@Unique({ properties: ['user', 'territory'] })
export class TerritoryFacilitator extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: User;

  @ManyToOne(() => Territory, { deleteRule: 'cascade' })
  territory!: Territory;
}
