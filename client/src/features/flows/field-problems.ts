import type { CombinedError } from 'urql';
import type { FlowField } from './flow-form';

/** A field's problem as the server words it (`extensions.problems` of a BAD_USER_INPUT error). */
export interface ServerProblems {
  /** Messages by form field, shown beside the field they concern. */
  fields: Partial<Record<FlowField, string[]>>;
  /** Messages about no field of the form (or about the request as a whole), shown at the top. */
  general: string[];
}

const FORM_FIELDS: ReadonlySet<string> = new Set<FlowField>([
  'direction', 'category', 'siteId', 'label', 'description', 'ewcCode', 'needCode', 'quantity', 'unit', 'period',
  'physicalForm', 'temperatureC', 'availableMonths', 'currentDestination', 'yearlyCostEur', 'visibility',
]);

/**
 * Sorts a failed mutation's problems by the field they concern. The server names fields by their input path
 * ("quantity", "input.quantity" or "availableMonths[2]"); a problem about something the form does not show, or an
 * error without problems, is general. A network failure has no problems at all: the view words it.
 */
export function serverProblems(error: CombinedError | undefined): ServerProblems {
  const result: ServerProblems = { fields: {}, general: [] };
  if (!error) return result;
  for (const graphQLError of error.graphQLErrors) {
    const problems = graphQLError.extensions?.problems;
    if (!Array.isArray(problems) || problems.length === 0) {
      result.general.push(graphQLError.message);
      continue;
    }
    for (const problem of problems) {
      if (!isProblem(problem)) continue;
      const field = formField(problem.field);
      if (field) (result.fields[field] ??= []).push(problem.message);
      else result.general.push(`${problem.field}: ${problem.message}`);
    }
  }
  return result;
}

function formField(path: string): FlowField | null {
  const last = path.replace(/\[\d+\]/g, '').split('.').pop() ?? '';
  return FORM_FIELDS.has(last) ? (last as FlowField) : null;
}

function isProblem(value: unknown): value is { field: string; message: string } {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as { field?: unknown }).field === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
