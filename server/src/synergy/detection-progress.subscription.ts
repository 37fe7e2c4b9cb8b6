import { Arg, Field, ID, Int, ObjectType, registerEnumType, Resolver, Root, Subscription } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors/domain-errors.js';
import { expectId, toGlobalId } from '../graphql/global-id.js';
import { canManageSynergies } from '../policy/synergy-policy.js';
import { eventsHeard } from '../pubsub/events-heard.js';
import type { DetectionProgressPayload } from '../pubsub/pubsub.js';
import { DetectionReportNode } from './synergy-operations.types.js';
import type { SynergyResolverContext } from './synergy.context.js';

export enum DetectionPhase {
  READING = 'READING',
  DETECTING = 'DETECTING',
  RECONCILING = 'RECONCILING',
  ANNOUNCING = 'ANNOUNCING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(DetectionPhase, {
  name: 'DetectionPhase',
  description: 'Where a detection run is.',
  valuesConfig: {
    READING: { description: "Reading the territory's flows." },
    DETECTING: { description: 'The engine looks for substitutions and pools.' },
    RECONCILING: { description: 'Writing the synergies found (new, refreshed, stale, withdrawn), batch by batch.' },
    ANNOUNCING: { description: 'Telling the organisations concerned of new suggestions.' },
    DONE: { description: 'Finished; `report` says what it did.' },
    FAILED: { description: 'Stopped by an error; nothing of the unfinished batch was written.' },
  },
});

@ObjectType('DetectionProgress', { description: "A detection run's progress in a territory (its facilitators only)." })
export class DetectionProgressNode {
  @Field(() => ID, { description: 'Identifies the run (two facilitators may run one at the same time).' }) runId!: string;
  @Field(() => ID, { description: 'Global ID of the territory.' }) territoryId!: string;
  @Field(() => DetectionPhase) phase!: DetectionPhase;
  @Field(() => Int, { description: 'How far the run is, 0 to 100.' }) percent!: number;
  @Field(() => DetectionReportNode, { nullable: true, description: 'What the run did, once DONE.' }) report!: DetectionReportNode | null;
}

@Resolver()
export class DetectionProgressResolver {
  @Subscription(() => DetectionProgressNode, {
    description:
      'Progress of the detection runs of a territory (`detectSynergies`, by you or another facilitator): phase, percentage, then the counts. For the territory’s facilitators; UNAUTHENTICATED or FORBIDDEN otherwise.',
    subscribe: ({ args, context }) => {
      const ctx = context as SynergyResolverContext;
      const territoryId = expectId(args.territoryId as string, 'Territory', 'territoryId');
      if (!ctx.viewer) throw unauthenticated();
      if (!canManageSynergies(ctx.viewer, territoryId)) throw forbidden('Only the facilitators of this territory follow its detection.');
      // The viewer's facts are read again for every operation of the socket; an event is judged on them too.
      return eventsHeard(ctx.pubSub, 'DETECTION_PROGRESS', (p) => p.territoryId === territoryId && canManageSynergies(ctx.viewer, territoryId));
    },
  })
  detectionProgress(
    @Root() payload: DetectionProgressPayload,
    @Arg('territoryId', () => ID, { description: 'Territory whose runs to follow.' }) _territoryId: string,
  ): DetectionProgressNode {
    return {
      runId: payload.runId,
      territoryId: toGlobalId('Territory', payload.territoryId),
      phase: payload.phase as DetectionPhase,
      percent: payload.percent,
      report: payload.report && { ...payload.report, runId: payload.runId },
    };
  }
}
