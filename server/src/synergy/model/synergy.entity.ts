import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { User } from '../../auth/user.entity.js';
import { BaseEntity } from '../../db/base.entity.js';
import { ResourceFlow } from '../../flow/resource-flow.entity.js';
import { Organization } from '../../organization/organization.entity.js';
import { Territory } from '../../territory/territory.entity.js';
import type { Explanation, ImpactFigure } from '../engine/engine.types.js';
import { Consent, ParticipantRole, SynergyKind, SynergyOrigin, SynergyStatus } from './synergy.enums.js';

/**
 * A synergy found by the engine (or recorded by a facilitator) and what the parties decided about it. The row
 * outlives recomputations: its decision stays attached to its key as long as its flows do not change materially.
 */
@Entity({ tableName: 'synergy' })
@Index({ properties: ['territory', 'status'] })
export class Synergy extends BaseEntity {
  /** Engine key: kind, pathway and sorted flow ids. Recorded synergies get a key of their own. */
  @Property({ type: 'string', length: 600 })
  @Unique()
  key!: string;

  @Enum({ items: () => SynergyKind, type: 'string' })
  kind!: SynergyKind;

  @Enum({ items: () => SynergyOrigin, type: 'string' })
  origin!: SynergyOrigin;

  @Property({ type: 'string', length: 120, nullable: true })
  pathwayId?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  knowledgeBaseVersion?: string | null;

  @Enum({ items: () => SynergyStatus, type: 'string' })
  status: SynergyStatus & Opt = SynergyStatus.SUGGESTED;

  /** The smallest territory containing every participant: its facilitators follow the synergy. */
  @ManyToOne(() => Territory, { deleteRule: 'restrict' })
  territory!: Territory;

  @Property({ type: 'double' })
  score!: number;

  @Property({ type: 'json', nullable: true })
  explanation?: Explanation | null;

  @Property({ type: 'json' })
  impacts!: ImpactFigure[];

  /** Hash of the material facts of its flows at the last detection. */
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  /** The fingerprint when the last decision was taken: a decision holds while they agree. */
  @Property({ type: 'string', length: 64, nullable: true })
  decisionFingerprint?: string | null;

  /** Whether the engine found it at its last run (a recorded synergy is always current). */
  @Property({ type: 'boolean' })
  current: boolean & Opt = true;

  /** Running for real (recorded by a facilitator as operational; later, a project reaching OPERATIONAL). */
  @Property({ type: 'boolean' })
  operational: boolean & Opt = false;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  recordedBy?: User | null;

  /** The facilitator of its territory who follows it (facilitation/facilitation.service.ts); facilitators only see it. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  @Index()
  assignedTo?: User | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  assignedAt?: Date | null;
}

/** One organisation (and its flow) in a synergy, with its consent to be put in touch. */
@Entity({ tableName: 'synergy_participant' })
@Unique({ properties: ['synergy', 'organization', 'flow'] })
export class SynergyParticipant extends BaseEntity {
  @ManyToOne(() => Synergy, { deleteRule: 'cascade' })
  @Index()
  synergy!: Synergy;

  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  @Index()
  organization!: Organization;

  @ManyToOne(() => ResourceFlow, { nullable: true, deleteRule: 'cascade' })
  @Index()
  flow?: ResourceFlow | null;

  @Enum({ items: () => ParticipantRole, type: 'string' })
  role!: ParticipantRole;

  @Enum({ items: () => Consent, type: 'string' })
  consent: Consent & Opt = Consent.PENDING;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  consentAt?: Date | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  consentBy?: User | null;

  /** When this side was last asked to be put in touch (by the other side or by a facilitator); null: never asked. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  askedAt?: Date | null;
}
