import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { User } from '../../auth/user.entity.js';
import { BaseEntity } from '../../db/base.entity.js';
import { Synergy } from '../model/synergy.entity.js';

/**
 * An internal note of the facilitators on a synergy (a call made, what a party said on the phone). Read and written
 * by the facilitators of the synergy's territory only (policy/facilitation-policy.ts): never shown to the parties.
 */
@Entity({ tableName: 'synergy_note' })
export class SynergyNote extends BaseEntity {
  @ManyToOne(() => Synergy, { deleteRule: 'cascade' })
  @Index()
  synergy!: Synergy;

  /** Null once the author's account is deleted; the note stays. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  author?: User | null;

  @Property({ type: 'text' })
  text!: string;
}
