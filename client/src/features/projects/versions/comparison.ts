import type { Language, MessageKey, Translate } from '../../../i18n/messages';
import { formatAmount } from '../../../ui/format';

/** A comparison as the API returns it (compareProjectPlanVersions), reduced to what is worded here. */
export interface Comparison {
  summaryChanged: boolean;
  notesChanged: boolean;
  actions: Changes<{ title: string }>;
  budget: Changes<{ label: string; amountEur: number }>;
  indicators: Changes<{ indicator: string; unit: string; expected: number }>;
}

interface Changes<T> {
  added: T[];
  removed: T[];
  changed: { before: T; after: T; fields: string[] }[];
}

const FIELD_MESSAGES: Record<string, MessageKey> = {
  title: 'versions.field.title',
  status: 'versions.field.status',
  dueDate: 'versions.field.dueDate',
  ownerOrganizationId: 'versions.field.owner',
  label: 'versions.field.label',
  amountEur: 'versions.field.amount',
  funder: 'versions.field.funder',
  expected: 'versions.field.expected',
};

const fieldsOf = (fields: string[], t: Translate) => fields.map((f) => (FIELD_MESSAGES[f] ? t(FIELD_MESSAGES[f]) : f)).join(', ');

/** The differences from one state of the plan to the other, one sentence each, in the reader's language. */
export function comparisonLines(c: Comparison, t: Translate, language: Language): string[] {
  const euros = (value: number) => formatAmount(value, language);
  const lines = [
    ...c.actions.added.map((a) => t('versions.change.actionAdded', { title: a.title })),
    ...c.actions.removed.map((a) => t('versions.change.actionRemoved', { title: a.title })),
    ...c.actions.changed.map((x) => t('versions.change.actionChanged', { title: x.after.title, fields: fieldsOf(x.fields, t) })),
    ...c.budget.added.map((b) => t('versions.change.budgetAdded', { label: b.label, amount: euros(b.amountEur) })),
    ...c.budget.removed.map((b) => t('versions.change.budgetRemoved', { label: b.label, amount: euros(b.amountEur) })),
    ...c.budget.changed.map((x) => t('versions.change.budgetChanged', { label: x.after.label, fields: fieldsOf(x.fields, t) })),
    ...c.indicators.added.map((i) => t('versions.change.indicatorAdded', { indicator: i.indicator, expected: i.expected, unit: i.unit })),
    ...c.indicators.removed.map((i) => t('versions.change.indicatorRemoved', { indicator: i.indicator, expected: i.expected, unit: i.unit })),
    ...c.indicators.changed.map((x) =>
      // Only its link to the synergy's figure changed: the value is the same on both sides.
      x.fields.includes('expected')
        ? t('versions.change.indicatorChanged', { indicator: x.after.indicator, before: x.before.expected, after: x.after.expected, unit: x.after.unit })
        : t('versions.change.indicatorLinked', { indicator: x.after.indicator }),
    ),
  ];
  if (c.summaryChanged) lines.push(t('versions.change.summary'));
  if (c.notesChanged) lines.push(t('versions.change.notes'));
  return lines;
}

export const MAX_VERSION_NAME = 200;

/** What is wrong with a version's name before it is sent (the server checks the same). */
export function versionNameProblem(name: string): MessageKey | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'versions.name.required';
  if (trimmed.length > MAX_VERSION_NAME) return 'versions.name.tooLong';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001F\u007F]/.test(trimmed)) return 'versions.name.control';
  return null;
}
