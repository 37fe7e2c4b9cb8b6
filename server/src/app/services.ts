import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthService, type AuthDeps } from '../auth/auth.service.js';
import type { Mailer } from '../auth/mailer.js';
import { PasswordResetService } from '../auth/password-reset.service.js';
import { FlowService } from '../flow/flow.service.js';
import type { NeedCodes } from '../flow/flow.validation.js';
import { ImportService, type OffThreadImport } from '../importer/import.service.js';
import { OrganizationService } from '../organization/organization.service.js';
import { InvitationService } from '../organization/invitation.service.js';
import type { PlanDocuments } from '../project/plan-document.port.js';
import { PlanService } from '../project/plan.service.js';
import { PlanVersionService } from '../project/plan-version.service.js';
import type { PlanVersions } from '../project/plan-versions.port.js';
import { ProjectService } from '../project/project.service.js';
import { ApprovalService } from '../organization/approval.service.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { KnowledgeBase } from '../synergy/knowledge/knowledge-base.types.js';
import type { SynergyDetection } from '../synergy/detection/synergy-detection.js';
import { SynergyService } from '../synergy/synergy.service.js';
import { FacilitationService } from '../synergy/facilitation/facilitation.service.js';
import { TerritoryService } from '../territory/territory.service.js';
import { FirstFacilitatorService } from '../setup/first-facilitator.service.js';
import { NotificationPreferenceService } from '../auth/notification-preference.js';

/** Long-lived dependencies shared by every request. */
export interface AppDeps extends AuthDeps {
  pubSub: AppPubSub['pubSub'];
  knowledgeBase: KnowledgeBase;
  synergyDetection: SynergyDetection;
  /** The knowledge base's need codes, which flows are checked against. */
  needCodes: NeedCodes;
  /** k of the territory aggregates' k-anonymity (AGGREGATE_MIN_ORGANIZATIONS). */
  aggregateMinOrganizations: number;
  /** E-mails (password reset): SMTP, or the log. */
  mailer: Mailer;
  /** The address people open the server at (PUBLIC_URL), for links in e-mails. */
  publicUrl: string;
  /** Projects' live plans (collab/plan-documents.ts over the collaboration server). */
  planDocuments: PlanDocuments;
  /** Named versions of plans, implemented by collab/. */
  planVersions: PlanVersions;
  /** Large importData files are read and written in a worker thread (app/import-thread.ts); absent: in process. */
  offThreadImport?: OffThreadImport;
}

/** The need codes of the knowledge base, for flow validation. */
export function needCodesOf(knowledgeBase: KnowledgeBase): NeedCodes {
  return new Set(knowledgeBase.needs.map((need) => need.code));
}

/** The domain services bound to one unit of work (one request, or one WebSocket operation). */
export function createServices(em: EntityManager, deps: AppDeps) {
  const synergies = new SynergyService(em, deps.pubSub, deps.synergyDetection, deps.aggregateMinOrganizations);
  const projects = new ProjectService(em, deps.pubSub);
  const auth = new AuthService(em, deps);
  return {
    auth,
    invitations: new InvitationService(em, { sessionSecret: deps.sessionSecret, throttle: deps.throttle, auth }),
    passwordResets: new PasswordResetService(em, { ...deps, auth }),
    notificationPreference: new NotificationPreferenceService(em),
    firstFacilitator: new FirstFacilitatorService(em, { sessionSecret: deps.sessionSecret, throttle: deps.throttle, auth }),
    territories: new TerritoryService(em),
    organizations: new OrganizationService(em, deps.pubSub),
    approvals: new ApprovalService(em, deps.pubSub),
    flows: new FlowService(em, deps.pubSub, deps.needCodes),
    imports: new ImportService(em, deps.pubSub, deps.needCodes, deps.offThreadImport),
    synergies,
    facilitation: new FacilitationService(em, deps.pubSub),
    projects,
    plans: new PlanService(em, deps.pubSub, deps.planDocuments),
    planVersions: new PlanVersionService(projects, deps.planVersions),
  };
}

export type Services = ReturnType<typeof createServices>;
