import { Ctx, Field, ID, ObjectType, registerEnumType, Resolver, Root, Subscription } from 'type-graphql';
import { toGlobalId } from '../../graphql/global-id.js';
import { isToldOfSynergyChange } from '../../policy/facilitation-policy.js';
import { eventsHeard } from '../../pubsub/events-heard.js';
import type { SynergyChangedPayload } from '../../pubsub/pubsub.js';
import { viewSynergies } from '../view/synergy-view.js';
import { SynergyNode } from '../view/synergy.types.js';
import type { FacilitationResolverContext } from './facilitation.context.js';

/** What happened to a synergy. Part of the public API: add values, never rename them. */
export enum SynergyChange {
  CONTACT_REQUESTED = 'CONTACT_REQUESTED',
  ANSWERED = 'ANSWERED',
  PUT_IN_TOUCH = 'PUT_IN_TOUCH',
  NOTE_ADDED = 'NOTE_ADDED',
  ASSIGNED = 'ASSIGNED',
  /** Detection suggested it as a flow was declared, changed or moved: told to the territory's facilitators. */
  SUGGESTED = 'SUGGESTED',
}
registerEnumType(SynergyChange, {
  name: 'SynergyChange',
  description:
    'A party asked to be put in touch, a party answered, a facilitator asked every side, added a note or assigned it, or detection ' +
    'suggested it after a flow changed (SUGGESTED, to facilitators; the parties hear synergySuggested).',
});

@ObjectType('SynergyChangedEvent', { description: 'A synergy you follow changed.' })
export class SynergyChangedEventNode {
  @Field(() => ID, { description: 'Global ID of the synergy.' }) synergyId!: string;
  @Field(() => SynergyChange, { description: 'What happened (NOTE_ADDED, ASSIGNED and SUGGESTED are told to facilitators only).' })
  change!: SynergyChange;
  @Field(() => SynergyNode, { nullable: true, description: 'The synergy as you may see it now; null if you no longer may.' }) synergy!: SynergyNode | null;
}

@Resolver()
export class SynergyChangedResolver {
  @Subscription(() => SynergyChangedEventNode, {
    description:
      'Changes to the synergies that concern your organisations (requests and answers) or of the territories you facilitate (also notes, ' +
      'assignments and suggestions made as flows change), each built for you when it is delivered.',
    subscribe: ({ context }) => {
      const ctx = context as FacilitationResolverContext;
      return eventsHeard(ctx.pubSub, 'SYNERGY_CHANGED', (p) => isToldOfSynergyChange(ctx.viewer, p));
    },
  })
  async synergyChanged(@Root() payload: SynergyChangedPayload, @Ctx() ctx: FacilitationResolverContext): Promise<SynergyChangedEventNode> {
    // A fresh unit of work per event: the socket's lives as long as it does and would answer yesterday's rows.
    const synergies = ctx.services.synergies.fresh();
    let synergy: SynergyNode | null = null;
    try {
      const record = await synergies.get(ctx.viewer, payload.synergyId);
      synergy = viewSynergies(await synergies.readForView(ctx.viewer, [record]), ctx.viewer)[0];
    } catch (error) {
      if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
    }
    return { synergyId: toGlobalId('Synergy', payload.synergyId), change: payload.change as SynergyChange, synergy };
  }
}
