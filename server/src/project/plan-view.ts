import { fromGlobalId } from '../graphql/global-id.js';
import { OrganizationNode } from '../organization/organization.types.js';
import { canSeeParticipantIdentity } from '../policy/project-policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import type { PlanAction, PlanReading } from './plan-document.port.js';
import { projectFactsOf, type ProjectRecord } from './project.records.js';
import { PlanActionNode, PlanActionStatus, PlanBudgetLineNode, PlanIndicatorNode, ProjectPlanNode } from './plan.types.js';

/**
 * Builds a plan *for one viewer* who may read it (the service checked). An action's owner is named only when it
 * is a participant the viewer may know: the document is written by clients, so an owner id may name anyone, and a
 * pending invitee must not be revealed through the action table.
 */
export function viewPlan(plan: PlanReading, record: ProjectRecord, viewer: MaybeViewer): ProjectPlanNode {
  const facts = projectFactsOf(record);
  const named = new Map<string, OrganizationNode>();
  record.participants.forEach((p, i) => {
    if (canSeeParticipantIdentity(viewer, facts, facts.participants[i])) named.set(p.organization.id, OrganizationNode.from(p.organization));
  });
  // A new object for each plan built: the synergy's figures are read once for it, and for this viewer only (the same
  // reading of the document may be viewed for many subscribers).
  const planView = {};
  return Object.assign(new ProjectPlanNode(), {
    summary: plan.summary,
    notesText: plan.notesText,
    actions: plan.actions.map((action) => viewAction(action, named)),
    budget: plan.budget.map((line) => Object.assign(new PlanBudgetLineNode(), { ...line, funder: line.funder ?? null })),
    indicators: plan.indicators.map((entry) =>
      Object.assign(new PlanIndicatorNode(), {
        indicator: entry.indicator,
        unit: entry.unit,
        expected: entry.expected,
        figure: entry.figure ?? null,
        synergyDbId: record.project.synergy?.id ?? null,
        planView,
      }),
    ),
  });
}

/** The document keeps the organisation's database id; a browser that wrote the GraphQL global ID is read alike. */
function ownerDbId(value: string | null): string | null {
  if (!value) return null;
  const decoded = fromGlobalId(value);
  return decoded?.type === 'Organization' ? decoded.id : value;
}

function viewAction(action: PlanAction, named: Map<string, OrganizationNode>): PlanActionNode {
  const ownerId = ownerDbId(action.ownerOrganizationId);
  const owner = ownerId ? (named.get(ownerId) ?? null) : null;
  return Object.assign(new PlanActionNode(), {
    id: action.id,
    title: action.title,
    ownerOrganizationDbId: owner ? ownerId : null,
    ownerOrganization: owner,
    dueDate: action.dueDate,
    status: action.status as PlanActionStatus,
  });
}
