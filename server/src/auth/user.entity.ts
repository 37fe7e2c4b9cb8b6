import { Entity, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';

@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  /** Stored lower-cased. */
  @Property({ type: 'string' })
  @Unique()
  email!: string;

  @Property({ type: 'string' })
  name!: string;

  /** The person muted the notifications of new synergies (their own choice, read by them only). */
  @Property({ type: 'boolean', default: false })
  notificationsMuted: boolean & Opt = false;

  /** argon2id PHC string. */
  @Property({ type: 'string', hidden: true })
  passwordHash!: string;
}
