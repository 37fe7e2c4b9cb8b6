import { Entity, Index, ManyToOne, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { Territory } from '../territory/territory.entity.js';
import { User } from './user.entity.js';

/** A user facilitates a territory (and every territory nested in it). */
@Entity({ tableName: 'territory_facilitator' })
@Unique({ properties: ['user', 'territory'] })
export class TerritoryFacilitator extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: User;

  @ManyToOne(() => Territory, { deleteRule: 'cascade' })
  territory!: Territory;
}
