import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { expectId } from '../../graphql/global-id.js';
import type { SynergyRecord } from '../model/synergy.record.js';
import { viewSynergies } from '../view/synergy-view.js';
import { SynergyNode } from '../view/synergy.types.js';
import type { FacilitationResolverContext } from './facilitation.context.js';
import { SynergyFacilitatorNode, SynergyNoteNode, SynergyPartyResponseNode } from './facilitation.types.js';

async function viewed(ctx: FacilitationResolverContext, record: SynergyRecord): Promise<SynergyNode> {
  return viewSynergies(await ctx.services.synergies.readForView(ctx.viewer, [record]), ctx.viewer)[0];
}

/** The facilitators' tools on a synergy: fields only they read (null for anyone else) and their mutations. */
@Resolver(() => SynergyNode)
export class FacilitationResolver {
  @FieldResolver(() => Boolean, { description: 'Whether you facilitate its territory (and may use the facilitator tools).' })
  async viewerCanFacilitate(@Root() synergy: SynergyNode, @Ctx() ctx: FacilitationResolverContext): Promise<boolean> {
    return ctx.services.facilitation.canFacilitate(ctx.viewer, synergy.dbId);
  }

  @FieldResolver(() => [SynergyPartyResponseNode], {
    nullable: true,
    description: 'Who was asked to be put in touch and who answered, per organisation, with dates (facilitators of its territory; null for anyone else).',
  })
  async responses(@Root() synergy: SynergyNode, @Ctx() ctx: FacilitationResolverContext): Promise<SynergyPartyResponseNode[] | null> {
    return (await ctx.services.facilitation.responses(ctx.viewer, synergy.dbId))?.map(SynergyPartyResponseNode.from) ?? null;
  }

  @FieldResolver(() => [SynergyNoteNode], {
    nullable: true,
    description: 'Internal notes, newest first (facilitators of its territory; null for anyone else, parties included).',
  })
  async notes(@Root() synergy: SynergyNode, @Ctx() ctx: FacilitationResolverContext): Promise<SynergyNoteNode[] | null> {
    return (await ctx.services.facilitation.notes(ctx.viewer, synergy.dbId))?.map(SynergyNoteNode.from) ?? null;
  }

  @FieldResolver(() => SynergyFacilitatorNode, { nullable: true, description: 'The facilitator who follows it (facilitators of its territory; null otherwise).' })
  async assignee(@Root() synergy: SynergyNode, @Ctx() ctx: FacilitationResolverContext): Promise<SynergyFacilitatorNode | null> {
    const assignee = await ctx.loaders.synergyAssignees.load(synergy.dbId);
    return assignee ? SynergyFacilitatorNode.from(assignee) : null;
  }

  @FieldResolver(() => [SynergyFacilitatorNode], { nullable: true, description: 'Who it may be assigned to: the facilitators of its territory (for them only).' })
  async assignableFacilitators(@Root() synergy: SynergyNode, @Ctx() ctx: FacilitationResolverContext): Promise<SynergyFacilitatorNode[] | null> {
    return (await ctx.services.facilitation.assignableFacilitators(ctx.viewer, synergy.dbId))?.map((f) => SynergyFacilitatorNode.from(f)) ?? null;
  }

  @Mutation(() => SynergyNode, {
    description:
      'Puts the parties in touch (facilitators of its territory): every side that has not answered is asked at once and answers with ' +
      'respondToContact. Identities are revealed only once every side accepted. FORBIDDEN to a party, NOT_FOUND to anyone else.',
  })
  async putPartiesInTouch(@Arg('id', () => ID) id: string, @Ctx() ctx: FacilitationResolverContext): Promise<SynergyNode> {
    return viewed(ctx, await ctx.services.facilitation.putInTouch(ctx.viewer, expectId(id, 'Synergy')));
  }

  @Mutation(() => SynergyNoteNode, { description: 'Adds an internal note (facilitators of its territory; 1 to 5000 characters).' })
  async addSynergyNote(
    @Arg('id', () => ID, { description: 'The synergy.' }) id: string,
    @Arg('text', () => String) text: string,
    @Ctx() ctx: FacilitationResolverContext,
  ): Promise<SynergyNoteNode> {
    return SynergyNoteNode.from(await ctx.services.facilitation.addNote(ctx.viewer, expectId(id, 'Synergy'), text));
  }

  @Mutation(() => SynergyNode, {
    description: 'Assigns it to a facilitator of its territory, or to nobody with a null assigneeId; anyone else is BAD_USER_INPUT.',
  })
  async assignSynergy(
    @Arg('id', () => ID, { description: 'The synergy.' }) id: string,
    @Arg('assigneeId', () => ID, { nullable: true, description: 'The user to assign it to (see Synergy.assignableFacilitators).' }) assigneeId: string | null | undefined,
    @Ctx() ctx: FacilitationResolverContext,
  ): Promise<SynergyNode> {
    const synergyId = expectId(id, 'Synergy');
    const userId = assigneeId ? expectId(assigneeId, 'User', 'assigneeId') : null;
    return viewed(ctx, await ctx.services.facilitation.assign(ctx.viewer, synergyId, userId));
  }
}
