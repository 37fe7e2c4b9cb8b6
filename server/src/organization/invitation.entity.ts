import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { MembershipRole } from '../vocabulary/organization.enums.js';
import { Organization } from './organization.entity.js';

/**
 * A link that lets one person join an organisation: made by a facilitator of its territory or one of its admins,
 * used once, valid a week. The link holds the secret; the table only its keyed hash.
 */
@Entity({ tableName: 'invitation' })
export class Invitation extends BaseEntity {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  @Index()
  organization!: Organization;

  @Property({ type: 'string' })
  email!: string;

  @Enum({ items: () => MembershipRole, type: 'string' })
  role!: MembershipRole;

  @Property({ type: 'string' })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'set null', nullable: true })
  invitedBy?: User | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
