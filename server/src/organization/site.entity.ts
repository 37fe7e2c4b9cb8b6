import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { Organization } from './organization.entity.js';

/** A located place of an organisation (établissement). */
@Entity({ tableName: 'site' })
export class Site extends BaseEntity {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  @Index()
  organization!: Organization;

  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'string', nullable: true })
  address?: string | null;

  @Property({ type: 'string', nullable: true })
  postalCode?: string | null;

  @Property({ type: 'string' })
  city!: string;

  @Property({ type: 'double' })
  latitude!: number;

  @Property({ type: 'double' })
  longitude!: number;

  @Property({ type: 'string', length: 14, nullable: true })
  @Unique()
  siret?: string | null;

  @Property({ type: 'string', nullable: true })
  @Unique()
  externalRef?: string | null;
}
