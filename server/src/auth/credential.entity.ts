import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { User } from './user.entity.js';

/** A browser session; the cookie holds the secret, the table only its keyed hash. */
@Entity({ tableName: 'user_session' })
export class UserSession extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: User;

  @Property({ type: 'string' })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;
}

/** A named token for integrators (`Authorization: Bearer`), shown once, stored hashed, revocable. */
@Entity({ tableName: 'api_token' })
export class ApiToken extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: User;

  @Property({ type: 'string' })
  name!: string;

  /** The first characters of the token, to recognise it in a list. */
  @Property({ type: 'string' })
  prefix!: string;

  @Property({ type: 'string' })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
