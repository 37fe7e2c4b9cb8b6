import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: anything with a global ID can be fetched again with `node(id)`. */
@InterfaceType('Node', { description: 'An object with a global ID, refetchable with `node(id)`.' })
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque ID of the object.' })
  id!: string;
}
