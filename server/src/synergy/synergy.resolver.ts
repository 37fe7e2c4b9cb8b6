import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { OrganizationNode } from '../organization/organization.types.js';
import { connectionOf, pageRequest, toConnection } from '../graphql/connection.js';
import type { SynergyResolverContext } from './synergy.context.js';
import { expectId, toGlobalId } from '../graphql/global-id.js';
import { badInput } from '../errors/domain-errors.js';
import { isToldOfSuggestion } from '../policy/synergy-policy.js';
import { eventsHeard } from '../pubsub/events-heard.js';
import type { SynergySuggestedPayload } from '../pubsub/pubsub.js';
import { findNeeds } from './knowledge/need-search.js';
import { RecordSynergyInput, SynergiesArgs } from './synergy.inputs.js';
import { TerritoryImpactNode } from './view/territory-impact.types.js';
import { viewSynergies } from './view/synergy-view.js';
import type { SynergyRecord } from './model/synergy.record.js';
import { ImpactFigureNode } from './view/explanation.types.js';
import { Language, NeedNode } from './view/knowledge.types.js';
import { DetectionReportNode, SynergyEventNode } from './synergy-operations.types.js';
import { SynergyNode } from './view/synergy.types.js';
import { SynergyKind, SynergyStatus } from './model/synergy.enums.js';

/** The synergies as the viewer may see them: the service reads their facts, the view builds the objects. */
async function viewed(ctx: SynergyResolverContext, records: SynergyRecord[], language = Language.FR): Promise<SynergyNode[]> {
  return viewSynergies(await ctx.services.synergies.readForView(ctx.viewer, records), ctx.viewer, language);
}

export const SynergyConnection = connectionOf(SynergyNode, 'Synergy', 'synergy', 'synergies');

@Resolver(() => SynergyNode)
export class SynergyResolver {
  @Query(() => SynergyConnection, {
    description:
      'Synergies that concern your organisations (counterparts anonymous until both consent), or all those of the ' +
      'territories you facilitate. Best score first.',
  })
  async synergies(@Args(() => SynergiesArgs) args: SynergiesArgs, @Ctx() ctx: SynergyResolverContext) {
    const page = pageRequest(args.first, args.after);
    const f = args.filter ?? {};
    if (f.minScore !== undefined && f.minScore !== null && !(f.minScore >= 0 && f.minScore <= 1)) {
      throw badInput('filter.minScore must be between 0 and 1.', [{ field: 'filter.minScore', message: 'must be between 0 and 1' }]);
    }
    const { records, totalCount } = await ctx.services.synergies.page(
      ctx.viewer,
      {
        territoryIds: f.territoryId ? await ctx.services.territories.withDescendants(expectId(f.territoryId, 'Territory', 'filter.territoryId')) : undefined,
        kinds: f.kinds ?? undefined,
        statuses: f.statuses ?? undefined,
        organizationId: f.organizationId ? expectId(f.organizationId, 'Organization', 'filter.organizationId') : undefined,
        minScore: f.minScore ?? undefined,
        assignedToMe: f.assignedToMe ?? undefined,
      },
      page,
    );
    const nodes = await viewed(ctx, records, args.language ?? Language.FR);
    return toConnection({ nodes, totalCount, offset: page.offset });
  }

  @Query(() => SynergyNode, { nullable: true, description: 'One synergy; null when it does not exist or does not concern you.' })
  async synergy(
    @Arg('id', () => ID) id: string,
    @Arg('language', () => Language, { nullable: true, defaultValue: Language.FR }) language: Language,
    @Ctx() ctx: SynergyResolverContext,
  ): Promise<SynergyNode | null> {
    try {
      const record = await ctx.services.synergies.get(ctx.viewer, expectId(id, 'Synergy'));
      return (await viewed(ctx, [record], language))[0];
    } catch (error) {
      if ((error as { code?: string }).code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  @Mutation(() => SynergyNode, { description: "Asks to be put in touch: your side consents to reveal its identity to the others once they consent too." })
  async requestContact(
    @Arg('id', () => ID) id: string,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Which of your organisations, if several take part.' }) organizationId: string | undefined,
    @Ctx() ctx: SynergyResolverContext,
  ): Promise<SynergyNode> {
    const record = await ctx.services.synergies.requestContact(ctx.viewer, expectId(id, 'Synergy'), orgId(organizationId));
    return (await viewed(ctx, [record]))[0];
  }

  @Mutation(() => SynergyNode, { description: 'Answers a contact request: accepting reveals identities once every side accepted.' })
  async respondToContact(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Which of your organisations, if several take part.' }) organizationId: string | undefined,
    @Ctx() ctx: SynergyResolverContext,
  ): Promise<SynergyNode> {
    const record = await ctx.services.synergies.respondToContact(ctx.viewer, expectId(id, 'Synergy'), accept, orgId(organizationId));
    return (await viewed(ctx, [record]))[0];
  }

  @Mutation(() => SynergyNode, { description: 'Declines a synergy; it is not suggested again unless its data change.' })
  async declineSynergy(
    @Arg('id', () => ID) id: string,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Which of your organisations, if several take part.' }) organizationId: string | undefined,
    @Ctx() ctx: SynergyResolverContext,
  ): Promise<SynergyNode> {
    const record = await ctx.services.synergies.decline(ctx.viewer, expectId(id, 'Synergy'), orgId(organizationId));
    return (await viewed(ctx, [record]))[0];
  }

  @Mutation(() => SynergyNode, { description: 'Records a synergy by hand (facilitators of the territory).' })
  async recordSynergy(@Arg('input', () => RecordSynergyInput) input: RecordSynergyInput, @Ctx() ctx: SynergyResolverContext): Promise<SynergyNode> {
    const record = await ctx.services.synergies.record(ctx.viewer, {
      territoryId: expectId(input.territoryId, 'Territory', 'territoryId'),
      kind: input.kind as SynergyKind,
      organizationIds: input.organizationIds.map((id) => expectId(id, 'Organization', 'organizationIds')),
      flowIds: (input.flowIds ?? []).map((id) => expectId(id, 'ResourceFlow', 'flowIds')),
      note: input.note,
      status: input.status as SynergyStatus | undefined,
      operational: input.operational,
    });
    return (await viewed(ctx, [record]))[0];
  }

  @Mutation(() => DetectionReportNode, {
    description:
      'Runs the synergy engine over a territory (facilitators): over its root territory, whose detection stores the synergies of every territory nested in it; the counts are about the synergies of the territory asked for. Decisions already taken are kept.',
  })
  async detectSynergies(@Arg('territoryId', () => ID) territoryId: string, @Ctx() ctx: SynergyResolverContext): Promise<DetectionReportNode> {
    const r = await ctx.services.synergies.detect(ctx.viewer, expectId(territoryId, 'Territory', 'territoryId'));
    return { runId: r.runId, detected: r.detected, suggested: r.suggested, updated: r.updated, stale: r.stale, withdrawn: r.withdrawn };
  }

  @Query(() => TerritoryImpactNode, { description: 'Impacts of a territory’s synergies by stage (members and facilitators of the territory; euros for facilitators only).' })
  async territoryImpact(@Arg('territoryId', () => ID) territoryId: string, @Ctx() ctx: SynergyResolverContext): Promise<TerritoryImpactNode> {
    return ctx.services.synergies.territoryImpact(ctx.viewer, expectId(territoryId, 'Territory', 'territoryId'));
  }

  @Query(() => [NeedNode], { description: 'Needs of the knowledge base matching words ("gypse", "chaleur 80"), to declare an input with `needCode`.' })
  needs(
    @Arg('search', () => String, { nullable: true }) search: string | undefined,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ): NeedNode[] {
    if (first < 1 || first > 100) throw badInput('first must be between 1 and 100.', [{ field: 'first', message: 'must be between 1 and 100' }]);
    return findNeeds(search ?? '', first) as NeedNode[];
  }

  @Subscription(() => SynergyEventNode, {
    description: 'Synergies suggested to your organisations, as you may see them (counterparts anonymous).',
    subscribe: ({ context }) => {
      const ctx = context as SynergyResolverContext;
      return eventsHeard(ctx.pubSub, 'SYNERGY_SUGGESTED', (p) => isToldOfSuggestion(ctx.viewer, p.organizationIds));
    },
  })
  async synergySuggested(@Root() payload: SynergySuggestedPayload, @Ctx() ctx: SynergyResolverContext): Promise<SynergyEventNode> {
    const [synergy] = viewSynergies(await ctx.services.synergies.readSuggestedForView(ctx.viewer, payload.synergyId), ctx.viewer);
    return { synergyId: toGlobalId('Synergy', payload.synergyId), synergy };
  }
}

function orgId(id: string | undefined): string | undefined {
  return id ? expectId(id, 'Organization', 'organizationId') : undefined;
}

@Resolver(() => ImpactFigureNode)
export class ImpactFigureResolver {
  /** Only figures the viewer may see reach here (view/impact-view.ts filters euros by canSeeEuros). */
  @FieldResolver(() => OrganizationNode, { nullable: true, description: 'For EUROS_SAVED: who saves them.' })
  async organization(@Root() figure: ImpactFigureNode, @Ctx() ctx: SynergyResolverContext): Promise<OrganizationNode | null> {
    if (!figure.organizationDbId || figure.indicator !== 'EUROS_SAVED') return null;
    const org = await ctx.loaders.organizations.load(figure.organizationDbId);
    return org ? OrganizationNode.from(org) : null;
  }
}
