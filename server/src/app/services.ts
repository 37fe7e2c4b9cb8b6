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

/**
 * The domain services bound to one unit of work (one request, or one WebSocket operation), each built when first
 * read: a request uses one or two of them.
 */
export function createServices(em: EntityManager, deps: AppDeps) {
  const made = new Map<string, unknown>();
  const once = <T>(name: string, make: () => T): T => {
    if (!made.has(name)) made.set(name, make());
    return made.get(name) as T;
  };
  return {
    get auth() {
      return once('auth', () => new AuthService(em, deps));
    },
    get invitations() {
      return once('invitations', () => new InvitationService(em, { sessionSecret: deps.sessionSecret, throttle: deps.throttle, auth: this.auth }));
    },
    get passwordResets() {
      return once('passwordResets', () => new PasswordResetService(em, { ...deps, auth: this.auth }));
    },
    get notificationPreference() {
      return once('notificationPreference', () => new NotificationPreferenceService(em));
    },
    get firstFacilitator() {
      return once('firstFacilitator', () => new FirstFacilitatorService(em, { sessionSecret: deps.sessionSecret, throttle: deps.throttle, auth: this.auth }));
    },
    get territories() {
      return once('territories', () => new TerritoryService(em));
    },
    get organizations() {
      return once('organizations', () => new OrganizationService(em, deps.pubSub));
    },
    get approvals() {
      return once('approvals', () => new ApprovalService(em, deps.pubSub));
    },
    get flows() {
      return once('flows', () => new FlowService(em, deps.pubSub, deps.needCodes));
    },
    get imports() {
      return once('imports', () => new ImportService(em, deps.pubSub, deps.needCodes, deps.offThreadImport));
    },
    get synergies() {
      return once('synergies', () => new SynergyService(em, deps.pubSub, deps.synergyDetection, deps.aggregateMinOrganizations));
    },
    get facilitation() {
      return once('facilitation', () => new FacilitationService(em, deps.pubSub));
    },
    get projects() {
      return once('projects', () => new ProjectService(em, deps.pubSub));
    },
    get plans() {
      return once('plans', () => new PlanService(em, deps.pubSub, deps.planDocuments));
    },
    get planVersions() {
      return once('planVersions', () => new PlanVersionService(this.projects, deps.planVersions));
    },
  };
}

export type Services = ReturnType<typeof createServices>;
