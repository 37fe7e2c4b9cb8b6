import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { rejectControlCharacters } from '../validation/control-characters.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { PasswordResetResolver } from '../auth/password-reset.resolver.js';
import { NotificationPreferenceResolver } from '../auth/notification-preference.resolver.js';
import { FlowChangedResolver } from '../flow/flow-changed.subscription.js';
import { FlowResolver } from '../flow/flow.resolver.js';
import { OrganizationFlowsResolver } from '../flow/organization-flows.resolver.js';
import { ImportResolver } from '../importer/import.resolver.js';
import { ImpactFigureResolver, SynergyResolver } from '../synergy/synergy.resolver.js';
import { NomenclatureResolver } from '../nomenclature/nomenclature.resolver.js';
import { UserMembershipsResolver } from '../organization/membership.resolver.js';
import { OrganizationResolver, SiteResolver } from '../organization/organization.resolver.js';
import { ProjectChangedResolver } from '../project/project-changed.subscription.js';
import { ProjectResolver } from '../project/project.resolver.js';
import { PlanChangedResolver } from '../project/plan-changed.subscription.js';
import { ProjectPlanResolver } from '../project/plan.resolver.js';
import { PlanVersionResolver, ProjectPlanVersionsResolver } from '../project/plan-versions.resolver.js';
import { ProjectOriginSynergyResolver } from '../synergy/project-origin.resolver.js';
import { PlanIndicatorFiguresResolver } from '../synergy/plan-indicator-figures.resolver.js';
import { ApprovalResolver } from '../organization/approval.resolver.js';
import { InvitationResolver, OrganizationInvitationResolver } from '../organization/invitation.resolver.js';
import { TerritoryResolver } from '../territory/territory.resolver.js';
import { ReportResolver } from '../report/report.resolver.js';
import { FirstFacilitatorResolver } from '../setup/first-facilitator.resolver.js';
import '../graphql/enums.js';
import { NodeResolver } from './node.resolver.js';
import { ExplanationItemResolver, SynergyExplanationResolver } from '../synergy/explanation.resolver.js';
import { FacilitationResolver } from '../synergy/facilitation/facilitation.resolver.js';
import { SynergyChangedResolver } from '../synergy/facilitation/synergy-changed.subscription.js';
import { DetectionProgressResolver } from '../synergy/detection-progress.subscription.js';

export const RESOLVERS = [
  NodeResolver,
  AuthResolver,
  PasswordResetResolver,
  NotificationPreferenceResolver,
  FirstFacilitatorResolver,
  TerritoryResolver,
  ReportResolver,
  OrganizationResolver,
  ApprovalResolver,
  InvitationResolver,
  OrganizationInvitationResolver,
  SiteResolver,
  UserMembershipsResolver,
  FlowResolver,
  OrganizationFlowsResolver,
  FlowChangedResolver,
  NomenclatureResolver,
  ImportResolver,
  SynergyResolver,
  DetectionProgressResolver,
  SynergyExplanationResolver,
  ExplanationItemResolver,
  ImpactFigureResolver,
  FacilitationResolver,
  SynergyChangedResolver,
  ProjectResolver,
  ProjectOriginSynergyResolver,
  PlanIndicatorFiguresResolver,
  ProjectChangedResolver,
  ProjectPlanResolver,
  PlanChangedResolver,
  PlanVersionResolver,
  ProjectPlanVersionsResolver,
] as const;

/**
 * The public schema, built from the resolver classes. Subscriptions read the pub/sub of their context (see
 * FlowChangedResolver); the one given here only satisfies type-graphql, so the schema can be printed offline.
 */
export async function buildAppSchema(pubSub: AppPubSub['pubSub'] = createPubSub()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    pubSub,
    resolvers: RESOLVERS,
    validate: false,
    emitSchemaFile: false,
  });
  return rejectControlCharacters(schema);
}
