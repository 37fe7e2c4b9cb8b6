/** fast-check generators and a reference model of plan changes, shared by the plan's property tests. */
import fc from 'fast-check';
import * as Y from 'yjs';
import { DomainError } from '../../errors/domain-errors.js';
import type { PlanAction, PlanChange, PlanContent } from '../../project/plan-document.port.js';
import { applyPlanChange } from './plan-editor.js';
import { planParts } from './plan-shape.js';

/** A change as generated: removals and updates pick among the ids that exist when they run (or one that does not). */
export type ChangeStep =
  | { kind: 'ADD_ACTION'; action: Omit<PlanAction, 'id'> }
  | { kind: 'UPDATE_ACTION'; pick: number; fields: Partial<Omit<PlanAction, 'id'>> }
  | { kind: 'REMOVE_ACTION'; pick: number }
  | Extract<PlanChange, { kind: 'SET_BUDGET_LINE' | 'SET_INDICATOR' | 'REMOVE_INDICATOR' | 'SET_SUMMARY' }>
  | { kind: 'REMOVE_BUDGET_LINE'; pick: number };

const title = fc.string({ minLength: 1, maxLength: 12 }).filter((value) => value.trim() !== '');
const dueDate = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const actionFields = {
  title,
  ownerOrganizationId: fc.option(fc.constantFrom('org-1', 'org-2', 'org-3'), { nil: null }),
  dueDate: fc.option(dueDate, { nil: null }),
  status: fc.constantFrom('TODO', 'IN_PROGRESS', 'DONE') as fc.Arbitrary<PlanAction['status']>,
};

export const changeStep: fc.Arbitrary<ChangeStep> = fc.oneof(
  fc.record({ kind: fc.constant('ADD_ACTION' as const), action: fc.record(actionFields) }),
  fc.record({
    kind: fc.constant('UPDATE_ACTION' as const),
    pick: fc.nat(),
    fields: fc.record(actionFields, { requiredKeys: [] }),
  }),
  fc.record({ kind: fc.constant('REMOVE_ACTION' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('SET_BUDGET_LINE' as const),
    line: fc.record({
      id: fc.constantFrom('b-1', 'b-2', 'b-3'),
      label: title,
      amountEur: fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100),
      funder: fc.option(fc.constantFrom('ADEME', 'Région', 'FEDER'), { nil: null }),
    }),
  }),
  fc.record({ kind: fc.constant('REMOVE_BUDGET_LINE' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('SET_INDICATOR' as const),
    indicator: fc.record({
      indicator: fc.constantFrom('CO2 évité', 'Déchets valorisés'),
      unit: fc.constantFrom('t/an', 'kt/an'),
      expected: fc.integer({ min: -4_000_000, max: 4_000_000 }).map((quarters) => quarters / 4),
    }),
  }),
  fc.record({
    kind: fc.constant('REMOVE_INDICATOR' as const),
    indicator: fc.constantFrom('CO2 évité', 'Déchets valorisés'),
    unit: fc.constantFrom('t/an', 'kt/an'),
  }),
  fc.record({ kind: fc.constant('SET_SUMMARY' as const), summary: fc.string({ maxLength: 20 }) }),
);

const pickFrom = (ids: string[], pick: number) => (pick % (ids.length + 1) === ids.length ? 'missing' : ids[pick % (ids.length + 1)]);

/** The change a step stands for against a plan as it stands. */
export function changeOf(step: ChangeStep, plan: PlanContent): PlanChange {
  switch (step.kind) {
    case 'UPDATE_ACTION':
      return { kind: step.kind, id: pickFrom(plan.actions.map((a) => a.id), step.pick), fields: step.fields };
    case 'REMOVE_ACTION':
      return { kind: step.kind, id: pickFrom(plan.actions.map((a) => a.id), step.pick) };
    case 'REMOVE_BUDGET_LINE':
      return { kind: step.kind, id: pickFrom(plan.budget.map((line) => line.id), step.pick) };
    default:
      return step;
  }
}

/** The reference: what a plan becomes after a change, or 'NOT_FOUND'. */
export function modelApply(plan: PlanContent, change: PlanChange, newId: string): PlanContent | 'NOT_FOUND' {
  const hasAction = plan.actions.some((action) => action.id === (change as { id?: string }).id);
  switch (change.kind) {
    case 'ADD_ACTION':
      return { ...plan, actions: [...plan.actions, { id: newId, ...change.action }] };
    case 'UPDATE_ACTION':
      if (!hasAction) return 'NOT_FOUND';
      return {
        ...plan,
        actions: plan.actions.map((action) => (action.id === change.id ? { ...action, ...change.fields } : action)),
      };
    case 'REMOVE_ACTION':
      if (!hasAction) return 'NOT_FOUND';
      return { ...plan, actions: plan.actions.filter((action) => action.id !== change.id) };
    case 'SET_BUDGET_LINE': {
      const exists = plan.budget.some((line) => line.id === change.line.id);
      const budget = exists
        ? plan.budget.map((line) => (line.id === change.line.id ? change.line : line))
        : [...plan.budget, change.line];
      return { ...plan, budget };
    }
    case 'REMOVE_BUDGET_LINE':
      if (!plan.budget.some((line) => line.id === change.id)) return 'NOT_FOUND';
      return { ...plan, budget: plan.budget.filter((line) => line.id !== change.id) };
    case 'SET_INDICATOR': {
      const { indicator, unit } = change.indicator;
      const others = plan.indicators.filter((entry) => entry.indicator !== indicator || entry.unit !== unit);
      const indicators = [...others, change.indicator].sort((a, b) =>
        a.indicator === b.indicator ? (a.unit < b.unit ? -1 : 1) : a.indicator < b.indicator ? -1 : 1,
      );
      return { ...plan, indicators };
    }
    case 'REMOVE_INDICATOR': {
      const others = plan.indicators.filter((entry) => entry.indicator !== change.indicator || entry.unit !== change.unit);
      return others.length === plan.indicators.length ? 'NOT_FOUND' : { ...plan, indicators: others };
    }
    case 'SET_SUMMARY':
      return { ...plan, summary: change.summary };
    case 'APPEND_NOTES':
      // The notes are not part of PlanContent: the structured parts stay as they are.
      return plan;
  }
}

/** Applies a change on a document, NOT_FOUND swallowed (a concurrent removal may have taken the item). */
export function applyTolerant(doc: Y.Doc, change: PlanChange, newId: string): 'APPLIED' | 'NOT_FOUND' {
  try {
    applyPlanChange(doc, change, 'test', () => newId);
    return 'APPLIED';
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return 'NOT_FOUND';
    throw error;
  }
}

/** Sends each document what the other lacks, as two peers of a provider would. */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

/** Notes written as the rich-text editor writes them: paragraphs of text. */
export function writeParagraphs(doc: Y.Doc, paragraphs: string[]): void {
  const notes = planParts(doc).notes;
  doc.transact(() => {
    notes.insert(
      notes.length,
      paragraphs.map((text) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        return paragraph;
      }),
    );
  });
}

export const emptyPlan = (): PlanContent => ({ summary: '', actions: [], budget: [], indicators: [] });
