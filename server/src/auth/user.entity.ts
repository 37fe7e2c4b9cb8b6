import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';

@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  /** Stored lower-cased. */
  @Property({ type: 'string' })
  @Unique()
  email!: string;

  @Property({ type: 'string' })
  name!: string;

  /** argon2id PHC string. */
  @Property({ type: 'string', hidden: true })
  passwordHash!: string;
}
