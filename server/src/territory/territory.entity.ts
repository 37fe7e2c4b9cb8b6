import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';

/** An area animated together; territories nest (Lorraine Nord ⊃ Val de Fensch). */
@Entity({ tableName: 'territory' })
export class Territory extends BaseEntity {
  @Property({ type: 'string' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @ManyToOne(() => Territory, { nullable: true, deleteRule: 'restrict' })
  parent?: Territory | null;

  /** Reference in the import format; re-imports update by it. */
  @Property({ type: 'string', nullable: true })
  @Unique()
  externalRef?: string | null;
}
