import type { CombinedError } from 'urql';

/** A form's problems as the server words them (`extensions.problems` of a BAD_USER_INPUT error). */
export interface ServerProblems<F extends string> {
  /** Messages by form field, shown beside the field they concern. */
  fields: Partial<Record<F, string[]>>;
  /** Messages about no field of the form (or about the request as a whole), shown at the top. */
  general: string[];
}

/**
 * Sorts a failed mutation's problems by the field they concern. The server names fields by their input path
 * ("quantity", "input.quantity" or "availableMonths[2]"); a problem about something the form does not show, or an
 * error without problems, is general. A network failure has no problems at all: the view words it.
 */
export function serverProblems<F extends string>(error: CombinedError | undefined, formFields: readonly F[]): ServerProblems<F> {
  const result: ServerProblems<F> = { fields: {}, general: [] };
  if (!error) return result;
  for (const graphQLError of error.graphQLErrors) {
    const problems = graphQLError.extensions?.problems;
    if (!Array.isArray(problems) || problems.length === 0) {
      result.general.push(graphQLError.message);
      continue;
    }
    for (const problem of problems) {
      if (!isProblem(problem)) continue;
      const field = formField(problem.field, formFields);
      if (field) (result.fields[field] ??= []).push(problem.message);
      else result.general.push(`${problem.field}: ${problem.message}`);
    }
  }
  return result;
}

function formField<F extends string>(path: string, formFields: readonly F[]): F | null {
  const last = path.replace(/\[\d+\]/g, '').split('.').pop() ?? '';
  return formFields.find((field) => field === last) ?? null;
}

function isProblem(value: unknown): value is { field: string; message: string } {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as { field?: unknown }).field === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
