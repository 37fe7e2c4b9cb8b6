/**
 * Checks the values of a plan change made through the API before it touches the document, every problem at once
 * (BAD_USER_INPUT). Browsers write the document directly; what they write is normalised when read (plan-reader).
 */
import { ProblemList } from '../../errors/domain-errors.js';
import type { PlanAction, PlanBudgetLine, PlanChange, PlanIndicator } from '../../project/plan-document.port.js';
import { isImpactIndicator } from '../../vocabulary/impact.enums.js';
import { ACTION_STATUSES, isIsoDate } from './plan-reader.js';

const MAX_TITLE = 300;
const MAX_ID = 100;
const MAX_NAME = 200;
const MAX_SUMMARY = 5000;
const MAX_BLOCKS = 100;
const MAX_BLOCK = 10_000;
/** A plan's budget line above a billion euros is a typo, not a project. */
const MAX_AMOUNT_EUR = 1e9;

function requireText(problems: ProblemList, field: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.trim() === '') problems.add(field, 'must not be empty');
  else if (value.length > max) problems.add(field, `must have at most ${max} characters`);
}

function optionalText(problems: ProblemList, field: string, value: unknown, max: number): void {
  if (value !== null) requireText(problems, field, value, max);
}

function checkActionFields(problems: ProblemList, fields: Partial<Omit<PlanAction, 'id'>>): void {
  if (fields.title !== undefined) requireText(problems, 'title', fields.title, MAX_TITLE);
  if (fields.ownerOrganizationId !== undefined) {
    optionalText(problems, 'ownerOrganizationId', fields.ownerOrganizationId, MAX_ID);
  }
  if (fields.dueDate !== undefined && fields.dueDate !== null && !isIsoDate(fields.dueDate)) {
    problems.add('dueDate', 'must be a date written YYYY-MM-DD');
  }
  if (fields.status !== undefined && !ACTION_STATUSES.includes(fields.status)) {
    problems.add('status', `must be one of ${ACTION_STATUSES.join(', ')}`);
  }
}

function checkBudgetLine(problems: ProblemList, line: PlanBudgetLine): void {
  requireText(problems, 'id', line.id, MAX_ID);
  requireText(problems, 'label', line.label, MAX_TITLE);
  const amount = line.amountEur;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT_EUR) {
    problems.add('amountEur', `must be a number of euros between 0 and ${MAX_AMOUNT_EUR}`);
  }
  optionalText(problems, 'funder', line.funder ?? null, MAX_NAME);
}

function checkIndicator(problems: ProblemList, indicator: PlanIndicator): void {
  requireText(problems, 'indicator', indicator.indicator, MAX_NAME);
  requireText(problems, 'unit', indicator.unit, MAX_NAME);
  if (typeof indicator.expected !== 'number' || !Number.isFinite(indicator.expected)) {
    problems.add('expected', 'must be a finite number');
  }
  if (indicator.figure != null && !isImpactIndicator(indicator.figure)) problems.add('figure', 'is not an impact indicator');
}

function checkNoteBlocks(problems: ProblemList, blocks: unknown): void {
  if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > MAX_BLOCKS) {
    problems.add('blocks', `must hold 1 to ${MAX_BLOCKS} blocks`);
    return;
  }
  blocks.forEach((block: { kind?: unknown; text?: unknown }, index) => {
    if (block?.kind !== 'HEADING' && block?.kind !== 'PARAGRAPH') problems.add(`blocks.${index}.kind`, 'must be HEADING or PARAGRAPH');
    if (typeof block?.text !== 'string') problems.add(`blocks.${index}.text`, 'must be text');
    else if (block.text.length > MAX_BLOCK) problems.add(`blocks.${index}.text`, `must have at most ${MAX_BLOCK} characters`);
  });
}

export function checkPlanChange(change: PlanChange): void {
  const problems = new ProblemList();
  switch (change.kind) {
    case 'ADD_ACTION':
      checkActionFields(problems, change.action);
      if (change.action.title === undefined) problems.add('title', 'must not be empty');
      break;
    case 'UPDATE_ACTION':
      requireText(problems, 'id', change.id, MAX_ID);
      checkActionFields(problems, change.fields);
      break;
    case 'REMOVE_ACTION':
    case 'REMOVE_BUDGET_LINE':
      requireText(problems, 'id', change.id, MAX_ID);
      break;
    case 'SET_BUDGET_LINE':
      checkBudgetLine(problems, change.line);
      break;
    case 'SET_INDICATOR':
      checkIndicator(problems, change.indicator);
      break;
    case 'REMOVE_INDICATOR':
      requireText(problems, 'indicator', change.indicator, MAX_NAME);
      requireText(problems, 'unit', change.unit, MAX_NAME);
      break;
    case 'SET_SUMMARY':
      // An empty summary clears it.
      if (typeof change.summary !== 'string') problems.add('summary', 'must be text');
      else if (change.summary.length > MAX_SUMMARY) problems.add('summary', `must have at most ${MAX_SUMMARY} characters`);
      break;
    case 'APPEND_NOTES':
      checkNoteBlocks(problems, change.blocks);
      break;
    default:
      problems.add('kind', 'is not a known plan change');
  }
  problems.throwIfAny('The plan change is invalid.');
}
