import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, pageRequest, toConnection } from '../graphql/connection.js';
import { expectId } from '../graphql/global-id.js';
import { TerritoryNode } from '../territory/territory.types.js';
import { ProjectRole, ProjectStage } from './project.enums.js';
import type { ProjectResolverContext } from './project.context.js';
import type { ProjectRecord } from './project.records.js';
import { CreateProjectInput, ProjectsArgs } from './project.inputs.js';
import { ProjectInvitationNode, SynergyProjectNode } from './project.types.js';
import { viewInvitation, viewProject } from './project-view.js';

export const ProjectConnection = connectionOf(SynergyProjectNode, 'SynergyProject', 'project');

@Resolver(() => SynergyProjectNode)
export class ProjectResolver {
  @Query(() => ProjectConnection, {
    description:
      'Projects you may see — those your organisations accepted to take part in, and all those of the territories you facilitate — ' +
      'most recently changed first. Pending invitations are listed by projectInvitations, not here.',
  })
  async projects(@Args(() => ProjectsArgs) args: ProjectsArgs, @Ctx() ctx: ProjectResolverContext) {
    const page = pageRequest(args.first, args.after);
    const f = args.filter ?? {};
    const { records, totalCount } = await ctx.services.projects.page(
      ctx.viewer,
      {
        territoryIds: f.territoryId ? await ctx.services.territories.withDescendants(expectId(f.territoryId, 'Territory', 'filter.territoryId')) : undefined,
        stages: f.stages ?? undefined,
        synergyId: f.synergyId ? expectId(f.synergyId, 'Synergy', 'filter.synergyId') : undefined,
        organizationId: f.organizationId ? expectId(f.organizationId, 'Organization', 'filter.organizationId') : undefined,
      },
      page,
    );
    return toConnection({ nodes: records.map((r) => viewProject(r, ctx.viewer)), totalCount, offset: page.offset });
  }

  @Query(() => SynergyProjectNode, { nullable: true, description: 'One project; null when it does not exist or you may not see it (the two look alike).' })
  async project(@Arg('id', () => ID, { description: 'Global ID of the project.' }) id: string, @Ctx() ctx: ProjectResolverContext): Promise<SynergyProjectNode | null> {
    const record = await ctx.services.projects.find(ctx.viewer, expectId(id, 'SynergyProject'));
    return record ? viewProject(record, ctx.viewer) : null;
  }

  @Query(() => [ProjectInvitationNode], { description: 'Invitations of your organisations to projects, waiting for an answer.' })
  async projectInvitations(@Ctx() ctx: ProjectResolverContext): Promise<ProjectInvitationNode[]> {
    return (await ctx.services.projects.invitations(ctx.viewer)).map(viewInvitation);
  }

  @Mutation(() => SynergyProjectNode, {
    description:
      "Starts a project at stage IDEA. A party's organisation becomes LEAD, a facilitator's FACILITATOR; the synergy's other parties are invited.",
  })
  async createProject(
    @Arg('input', () => CreateProjectInput, { description: 'The project to start.' }) input: CreateProjectInput,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<SynergyProjectNode> {
    const record = await ctx.services.projects.create(ctx.viewer, {
      title: input.title,
      synergyId: input.synergyId ? expectId(input.synergyId, 'Synergy', 'synergyId') : undefined,
      territoryId: input.territoryId ? expectId(input.territoryId, 'Territory', 'territoryId') : undefined,
      organizationId: input.organizationId ? expectId(input.organizationId, 'Organization', 'organizationId') : undefined,
      leadOrganizationId: input.leadOrganizationId ? expectId(input.leadOrganizationId, 'Organization', 'leadOrganizationId') : undefined,
    });
    return viewProject(record, ctx.viewer);
  }

  @Mutation(() => SynergyProjectNode, {
    description: 'Invites an organisation (lead and facilitators). It sees only the title and who invites until one of its members accepts.',
  })
  async inviteToProject(
    @Arg('projectId', () => ID, { description: 'Global ID of the project.' }) projectId: string,
    @Arg('organizationId', () => ID, { description: 'The organisation to invite.' }) organizationId: string,
    @Arg('role', () => ProjectRole, { description: 'The role offered.' }) role: ProjectRole,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<SynergyProjectNode> {
    const id = expectId(projectId, 'SynergyProject', 'projectId');
    const record = await ctx.services.projects.invite(ctx.viewer, id, expectId(organizationId, 'Organization', 'organizationId'), role);
    return viewProject(record, ctx.viewer);
  }

  @Mutation(() => SynergyProjectNode, {
    nullable: true,
    description: "Accepts or declines your organisation's invitation. Returns the project once accepted; null after declining (it is then hidden from you).",
  })
  async respondToProjectInvitation(
    @Arg('projectId', () => ID, { description: 'Global ID of the project.' }) projectId: string,
    @Arg('accept', () => Boolean, { description: 'true to take part, false to decline.' }) accept: boolean,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Which of your organisations, if several are invited.' }) organizationId: string | undefined,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<SynergyProjectNode | null> {
    const id = expectId(projectId, 'SynergyProject', 'projectId');
    const org = organizationId ? expectId(organizationId, 'Organization', 'organizationId') : undefined;
    return this.visible(await ctx.services.projects.respond(ctx.viewer, id, accept, org), ctx);
  }

  @Mutation(() => SynergyProjectNode, {
    nullable: true,
    description: 'Removes an organisation from the project (lead and facilitators); it sees nothing of it any more. Null if that leaves you without access.',
  })
  async removeProjectParticipant(
    @Arg('projectId', () => ID, { description: 'Global ID of the project.' }) projectId: string,
    @Arg('organizationId', () => ID, { description: 'The organisation to remove.' }) organizationId: string,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<SynergyProjectNode | null> {
    const id = expectId(projectId, 'SynergyProject', 'projectId');
    return this.visible(await ctx.services.projects.remove(ctx.viewer, id, expectId(organizationId, 'Organization', 'organizationId')), ctx);
  }

  @Mutation(() => SynergyProjectNode, {
    description:
      'Moves the project (lead and facilitators): one stage forward or back, to ABANDONED with a reason, or from ABANDONED back to IDEA. ' +
      "Its synergy follows: IMPLEMENTATION needs a party of it to have joined, OPERATIONAL makes it operational in the territory's indicators.",
  })
  async changeProjectStage(
    @Arg('projectId', () => ID, { description: 'Global ID of the project.' }) projectId: string,
    @Arg('stage', () => ProjectStage, { description: 'The new stage.' }) stage: ProjectStage,
    @Arg('reason', () => String, { nullable: true, description: 'Why; required for ABANDONED, at most 2000 characters.' }) reason: string | undefined,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<SynergyProjectNode> {
    const record = await ctx.services.projects.changeStage(ctx.viewer, expectId(projectId, 'SynergyProject', 'projectId'), stage, reason);
    return viewProject(record, ctx.viewer);
  }

  @FieldResolver(() => TerritoryNode, { description: 'The territory whose facilitators follow the project.' })
  async territory(@Root() project: SynergyProjectNode, @Ctx() ctx: ProjectResolverContext): Promise<TerritoryNode> {
    return TerritoryNode.from((await ctx.loaders.territories.load(project.territoryDbId))!);
  }

  private async visible(record: ProjectRecord, ctx: ProjectResolverContext): Promise<SynergyProjectNode | null> {
    const seen = await ctx.services.projects.find(ctx.viewer, record.project.id);
    return seen ? viewProject(seen, ctx.viewer) : null;
  }
}
