import { Arg, Ctx, Field, ID, ObjectType, registerEnumType, Resolver, Root, Subscription } from 'type-graphql';
import type { FlowResolverContext } from './flow.context.js';
import { expectId, toGlobalId } from '../graphql/global-id.js';
import { flowAccess } from '../policy/policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import { eventsHeard } from '../pubsub/events-heard.js';
import type { FlowChangedPayload } from '../pubsub/pubsub.js';
import type { FlowRecord } from './flow.record.js';
import { FlowNode } from './flow.types.js';

export enum FlowChange {
  DECLARED = 'DECLARED',
  UPDATED = 'UPDATED',
  ARCHIVED = 'ARCHIVED',
  /** You could see the flow and no longer can (its visibility was narrowed). */
  HIDDEN = 'HIDDEN',
}
registerEnumType(FlowChange, { name: 'FlowChange', description: 'What happened to a flow.' });

@ObjectType('FlowChangedEvent', { description: 'A flow you may see changed.' })
export class FlowChangedEvent {
  @Field(() => FlowChange, { description: 'What happened.' })
  change!: FlowChange;

  @Field(() => ID, { description: 'Global ID of the flow.' })
  flowId!: string;

  @Field(() => FlowNode, { nullable: true, description: 'The flow as you may now see it; null when HIDDEN.' })
  flow!: FlowNode | null;
}

/** Whether, and how, one subscriber hears of a change. Pure, so every case is testable. */
export function eventFor(viewer: MaybeViewer, p: FlowChangedPayload): FlowChange | null {
  const now = flowAccess(viewer, p);
  if (now !== 'NONE') return p.change as FlowChange;
  const before = p.previousVisibility ? flowAccess(viewer, { ...p, visibility: p.previousVisibility }) : 'NONE';
  return before !== 'NONE' ? FlowChange.HIDDEN : null;
}

/**
 * One read of the flow per event and instance, shared by every subscriber the event reaches: the pub/sub hands
 * the same payload object to all of them, so it keys the read (and lets it go with the event).
 */
const eventReads = new WeakMap<FlowChangedPayload, Promise<(viewer: MaybeViewer) => FlowRecord | null>>();

@Resolver()
export class FlowChangedResolver {
  @Subscription(() => FlowChangedEvent, {
    description:
      'Flows declared, changed or archived in a territory (nested ones included), as you may see them. ' +
      'Events about flows you may not see are never sent.',
    subscribe: ({ args, context }) => {
      const ctx = context as FlowResolverContext;
      const territoryId = expectId(args.territoryId as string, 'Territory', 'territoryId');
      return eventsHeard(ctx.pubSub, 'FLOW_CHANGED', (p) => p.territoryChain.includes(territoryId) && eventFor(ctx.viewer, p) !== null);
    },
  })
  async flowChanged(
    @Root() payload: FlowChangedPayload,
    @Arg('territoryId', () => ID, { description: 'Territory to follow.' }) _territoryId: string,
    @Ctx() ctx: FlowResolverContext,
  ): Promise<FlowChangedEvent> {
    const change = eventFor(ctx.viewer, payload)!;
    const flowId = toGlobalId('ResourceFlow', payload.flowId);
    if (change === FlowChange.HIDDEN) return { change, flowId, flow: null };
    // Between publish and now the flow may have narrowed again: decide on the row, not on the event.
    let read = eventReads.get(payload);
    if (!read) eventReads.set(payload, (read = ctx.services.flows.readForViewers(payload.flowId)));
    const record = (await read)(ctx.viewer);
    if (!record) return { change: FlowChange.HIDDEN, flowId, flow: null };
    return { change, flowId, flow: FlowNode.forViewer(record, ctx.viewer) };
  }
}
