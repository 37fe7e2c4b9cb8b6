import { toGlobalId } from '../graphql/global-id.js';
import type { MaybeViewer } from '../policy/viewer.js';
import type { PlanAction, PlanBudgetLine, PlanIndicator } from './plan-document.port.js';
import type { PlanComparison } from './plan-version.service.js';
import {
  PlanActionChangeNode,
  PlanActionChangesNode,
  PlanBudgetChangesNode,
  PlanBudgetLineChangeNode,
  PlanComparisonNode,
  PlanIndicatorChangeNode,
  PlanIndicatorChangesNode,
  PlanVersionNode,
} from './plan-version.types.js';
import type { PlanListDiff, PlanVersionRecord } from './plan-versions.port.js';
import { viewPlan } from './plan-view.js';
import type { ProjectRecord } from './project.records.js';

export function viewVersion(version: PlanVersionRecord): PlanVersionNode {
  return Object.assign(new PlanVersionNode(), {
    id: toGlobalId('PlanVersion', version.id),
    dbId: version.id,
    projectDbId: version.projectId,
    name: version.name,
    savedByName: version.createdByName,
    savedAt: version.createdAt,
  });
}

/** The items of a list diff in order: added, removed, then each change's before and after. */
function itemsOf<T>(diff: PlanListDiff<T>): T[] {
  return [...diff.added, ...diff.removed, ...diff.changed.flatMap((c) => [c.before, c.after])];
}

/** Puts viewed items back where itemsOf took them from. */
function reshape<T, V>(diff: PlanListDiff<T>, viewed: V[]): { added: V[]; removed: V[]; changed: { before: V; after: V; fields: string[] }[] } {
  const added = viewed.slice(0, diff.added.length);
  const removed = viewed.slice(diff.added.length, diff.added.length + diff.removed.length);
  const rest = viewed.slice(diff.added.length + diff.removed.length);
  const changed = diff.changed.map((c, k) => ({ before: rest[2 * k], after: rest[2 * k + 1], fields: c.fields.map(String) }));
  return { added, removed, changed };
}

/**
 * A comparison built for one viewer who may read the plan: every action, side or change goes through the plan's
 * own view, so an owner organisation the viewer may not know is not named here either.
 */
export function viewComparison(comparison: PlanComparison, record: ProjectRecord, viewer: MaybeViewer): PlanComparisonNode {
  const { diff } = comparison;
  const items = viewPlan(
    {
      summary: '',
      notesText: '',
      actions: itemsOf<PlanAction>(diff.actions),
      budget: itemsOf<PlanBudgetLine>(diff.budget),
      indicators: itemsOf<PlanIndicator>(diff.indicators),
    },
    record,
    viewer,
  );
  const actions = reshape(diff.actions, items.actions);
  const budget = reshape(diff.budget, items.budget);
  const indicators = reshape(diff.indicators, items.indicators);
  return Object.assign(new PlanComparisonNode(), {
    from: viewVersion(comparison.from.version),
    to: comparison.to.version ? viewVersion(comparison.to.version) : null,
    fromPlan: viewPlan(comparison.from.content, record, viewer),
    toPlan: viewPlan(comparison.to.content, record, viewer),
    actions: Object.assign(new PlanActionChangesNode(), { ...actions, changed: actions.changed.map((c) => Object.assign(new PlanActionChangeNode(), c)) }),
    budget: Object.assign(new PlanBudgetChangesNode(), { ...budget, changed: budget.changed.map((c) => Object.assign(new PlanBudgetLineChangeNode(), c)) }),
    indicators: Object.assign(new PlanIndicatorChangesNode(), {
      ...indicators,
      changed: indicators.changed.map((c) => Object.assign(new PlanIndicatorChangeNode(), c)),
    }),
    summaryChanged: diff.summaryChanged,
    notesChanged: diff.notesChanged,
  });
}
