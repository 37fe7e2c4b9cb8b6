import { Field, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';
import { Node } from '../graphql/node.js';
import type { Territory } from './territory.entity.js';

@ObjectType('Territory', { implements: Node, description: 'An area animated together (bassin); territories nest.' })
export class TerritoryNode extends Node {
  /** Database ID, for loaders; not exposed. */
  dbId!: string;
  parentDbId!: string | null;

  @Field(() => String, { description: 'Name, e.g. "Val de Fensch".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the territory covers.' })
  description!: string | null;

  static from(t: Territory): TerritoryNode {
    return Object.assign(new TerritoryNode(), {
      id: toGlobalId('Territory', t.id),
      dbId: t.id,
      parentDbId: t.parent?.id ?? null,
      name: t.name,
      description: t.description ?? null,
    });
  }
}
