import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { Territory } from '../territory/territory.entity.js';
import { ApprovalStatus, OrganizationKind } from '../vocabulary/organization.enums.js';

@Entity({ tableName: 'organization' })
export class Organization extends BaseEntity {
  @Property({ type: 'string' })
  name!: string;

  @Enum({ items: () => OrganizationKind, type: 'string' })
  kind!: OrganizationKind;

  @ManyToOne(() => Territory, { deleteRule: 'restrict' })
  @Index()
  territory!: Territory;

  /** NAF sub-class ("24.10Z") or NACE class ("24.10"), checked against the nomenclature. */
  @Property({ type: 'string', nullable: true })
  naceCode?: string | null;

  @Property({ type: 'string', length: 9, nullable: true })
  @Unique()
  siren?: string | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'string', nullable: true })
  website?: string | null;

  /** An insertion enterprise (SIAE): jobs it creates in a synergy count as insertion jobs. */
  @Property({ type: 'boolean' })
  insertion: boolean & Opt = false;

  @Property({ type: 'string', nullable: true })
  @Unique()
  externalRef?: string | null;

  /** Its place in its territory: until a facilitator approves, its members see what a visitor sees. */
  @Enum({ items: () => ApprovalStatus, type: 'string', default: ApprovalStatus.APPROVED })
  approval: ApprovalStatus & Opt = ApprovalStatus.APPROVED;
}
