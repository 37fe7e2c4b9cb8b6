import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DomainError } from '../errors/domain-errors.js';
import { PlanIndicatorNode } from '../project/plan.types.js';
import type { SynergyResolverContext } from './synergy.context.js';
import { ImpactFigureNode } from './view/explanation.types.js';
import { viewSynergies } from './view/synergy-view.js';

/**
 * The synergy's figures a plan indicator is linked to, read exactly as the viewer may see the synergy itself
 * (`viewSynergies`: euros only for the organisation they concern, rounded before consent, none for someone who may
 * not see the synergy). The plan is never a side door to a figure: what `project.originSynergy.impacts` does not
 * show, this does not show either.
 */
@Resolver(() => PlanIndicatorNode)
export class PlanIndicatorFiguresResolver {
  @FieldResolver(() => [ImpactFigureNode], {
    description:
      "The synergy's estimate (low, central, high) of the figure this indicator is linked to, as you may see the synergy: " +
      'one per organisation for EUROS_SAVED (only those you may see). Empty when it is linked to none, when the project ' +
      'did not come from a synergy, or when you may not see the synergy or that figure.',
  })
  async synergyFigures(@Root() item: PlanIndicatorNode, @Ctx() ctx: SynergyResolverContext): Promise<ImpactFigureNode[]> {
    if (!item.figure || !item.synergyDbId) return [];
    const figures = await synergyFiguresOnce(ctx, item);
    return figures.filter((figure) => figure.indicator === item.figure);
  }
}

/**
 * A plan has several indicators and one synergy: it is read once per plan as built for one viewer (`planView`), not
 * per request context, which a subscription keeps for as long as it lives while consent and figures move on.
 */
const perPlanView = new WeakMap<object, Promise<ImpactFigureNode[]>>();

function synergyFiguresOnce(ctx: SynergyResolverContext, item: PlanIndicatorNode): Promise<ImpactFigureNode[]> {
  let figures = perPlanView.get(item.planView);
  if (!figures) perPlanView.set(item.planView, (figures = figuresOf(ctx, item.synergyDbId!)));
  return figures;
}

async function figuresOf(ctx: SynergyResolverContext, synergyId: string): Promise<ImpactFigureNode[]> {
  try {
    const record = await ctx.services.synergies.get(ctx.viewer, synergyId);
    return viewSynergies(await ctx.services.synergies.readForView(ctx.viewer, [record]), ctx.viewer)[0].impacts;
  } catch (error) {
    // A synergy the viewer may not see is one that does not exist for them: no figure, no hint.
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return [];
    throw error;
  }
}
