import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';

/**
 * A single-use link to create the first facilitator of a fresh instance, printed in the server's log at start while
 * no facilitator exists. The log holds the secret, the table its keyed hash.
 */
@Entity({ tableName: 'setup_link' })
export class SetupLink extends BaseEntity {
  @Property({ type: 'string' })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
