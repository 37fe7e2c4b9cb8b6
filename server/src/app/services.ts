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

type Lazy<F extends Record<string, (input: never) => unknown>> = { readonly [K in keyof F]: ReturnType<F[K]> };

const INPUT = Symbol('input');
const MADE = Symbol('made');

/**
 * Makes objects with one property per factory, each built by its factory (given the object's input) when first read,
 * then kept. The getters are defined once, here, on a prototype: an object costs one allocation and builds nothing.
 */
export function lazily<I, F extends Record<string, (input: I) => unknown>>(factories: F): (input: () => I) => Lazy<F> {
  class LazyObject {
    readonly [INPUT]: () => I;
    readonly [MADE] = new Map<string, unknown>();
    constructor(input: () => I) {
      this[INPUT] = input;
    }
  }
  for (const [name, make] of Object.entries(factories)) {
    Object.defineProperty(LazyObject.prototype, name, {
      get(this: LazyObject) {
        if (!this[MADE].has(name)) this[MADE].set(name, make(this[INPUT]()));
        return this[MADE].get(name);
      },
    });
  }
  return (input) => new LazyObject(input) as unknown as Lazy<F>;
}

/** What a service is built from: the unit of work, the shared dependencies, and the services it is built on. */
interface Unit {
  readonly em: EntityManager;
  readonly deps: AppDeps;
  /** The services others are built on (read lazily too): a narrow view of `Services`, or its type would loop. */
  readonly services: { readonly auth: AuthService; readonly projects: ProjectService };
}

/** How each domain service is built; `createServices` builds one when it is first read. */
const FACTORIES = {
  auth: ({ em, deps }: Unit) => new AuthService(em, deps),
  invitations: ({ em, deps, services }: Unit) => new InvitationService(em, { sessionSecret: deps.sessionSecret, throttle: deps.throttle, auth: services.auth }),
  passwordResets: ({ em, deps, services }: Unit) => new PasswordResetService(em, { ...deps, auth: services.auth }),
  notificationPreference: ({ em }: Unit) => new NotificationPreferenceService(em),
  firstFacilitator: ({ em, deps, services }: Unit) => new FirstFacilitatorService(em, { sessionSecret: deps.sessionSecret, throttle: deps.throttle, auth: services.auth }),
  territories: ({ em }: Unit) => new TerritoryService(em),
  organizations: ({ em, deps }: Unit) => new OrganizationService(em, deps.pubSub),
  approvals: ({ em, deps }: Unit) => new ApprovalService(em, deps.pubSub),
  flows: ({ em, deps }: Unit) => new FlowService(em, deps.pubSub, deps.needCodes),
  imports: ({ em, deps }: Unit) => new ImportService(em, deps.pubSub, deps.needCodes, deps.offThreadImport),
  synergies: ({ em, deps }: Unit) => new SynergyService(em, deps.pubSub, deps.synergyDetection, deps.aggregateMinOrganizations),
  facilitation: ({ em, deps }: Unit) => new FacilitationService(em, deps.pubSub),
  projects: ({ em, deps }: Unit) => new ProjectService(em, deps.pubSub),
  plans: ({ em, deps }: Unit) => new PlanService(em, deps.pubSub, deps.planDocuments),
  planVersions: ({ deps, services }: Unit) => new PlanVersionService(services.projects, deps.planVersions),
};

/** The domain services of one unit of work, each of its exact type. */
export type Services = Lazy<typeof FACTORIES>;

const newServices = lazily<Unit, typeof FACTORIES>(FACTORIES);

/**
 * The domain services bound to one unit of work (one request, or one WebSocket operation), each built when first
 * read: a request uses one or two of them.
 */
export function createServices(em: EntityManager, deps: AppDeps): Services {
  const services = newServices(() => unit);
  const unit: Unit = { em, deps, services };
  return services;
}
