import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { Synergy } from '../synergy/model/synergy.entity.js';
import { Territory } from '../territory/territory.entity.js';
import { InvitationStatus, ProjectRole, ProjectStage } from './project.enums.js';

/** A synergy being worked on (fiche action): its stage, who takes part, and later its live plan. */
@Entity({ tableName: 'synergy_project' })
@Index({ properties: ['territory', 'stage'] })
export class SynergyProject extends BaseEntity {
  @Property({ type: 'string', length: 200 })
  title!: string;

  /** Its facilitators see and manage the project. */
  @ManyToOne(() => Territory, { deleteRule: 'restrict' })
  territory!: Territory;

  /** The synergy it came from; null for a project started from scratch. */
  @ManyToOne(() => Synergy, { nullable: true, deleteRule: 'set null' })
  @Index()
  synergy?: Synergy | null;

  @Enum({ items: () => ProjectStage, type: 'string' })
  stage: ProjectStage & Opt = ProjectStage.IDEA;

  @Property({ type: 'text', nullable: true })
  abandonReason?: string | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;
}

/** An organisation invited to a project, and what became of the invitation. */
@Entity({ tableName: 'project_participant' })
@Unique({ properties: ['project', 'organization'] })
export class ProjectParticipant extends BaseEntity {
  @ManyToOne(() => SynergyProject, { deleteRule: 'cascade' })
  project!: SynergyProject;

  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  @Index()
  organization!: Organization;

  @Enum({ items: () => ProjectRole, type: 'string' })
  role!: ProjectRole;

  @Enum({ items: () => InvitationStatus, type: 'string' })
  status: InvitationStatus & Opt = InvitationStatus.INVITED;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  invitedBy?: User | null;

  /** The organisation in whose name the invitation was sent (the lead's, or the facilitator's). */
  @ManyToOne(() => Organization, { nullable: true, deleteRule: 'set null' })
  invitedByOrganization?: Organization | null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  invitedAt: Date & Opt = new Date();

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  respondedBy?: User | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  respondedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  removedBy?: User | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  removedAt?: Date | null;
}

/** One move of a project from a stage to another: the history is only ever appended to. */
@Entity({ tableName: 'project_stage_change' })
export class ProjectStageChange extends BaseEntity {
  @ManyToOne(() => SynergyProject, { deleteRule: 'cascade' })
  @Index()
  project!: SynergyProject;

  /** Null for the project's creation. */
  @Enum({ items: () => ProjectStage, type: 'string', nullable: true })
  fromStage?: ProjectStage | null;

  @Enum({ items: () => ProjectStage, type: 'string' })
  toStage!: ProjectStage;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  changedBy?: User | null;
}
