import type { CombinedError } from 'urql';

/** One problem of a rejected file, as the server words it: the row (CSV line or JSON record), the field, why. */
export interface ImportProblem {
  row: number | null;
  field: string;
  message: string;
}

/** What an import attempt came to: the problems of a rejected file, or a failure that is not about the file. */
export interface ImportFailure {
  /** The server's summary ("The import was rejected: nothing was changed. …"), or why the request failed. */
  message: string;
  problems: ImportProblem[];
}

const isProblem = (value: unknown): value is { field: string; message: string; row?: number } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { field?: unknown }).field === 'string' &&
  typeof (value as { message?: unknown }).message === 'string';

/** Every problem of a rejected import, in row order (problems about the whole file first). */
export function importFailure(error: CombinedError): ImportFailure {
  const problems: ImportProblem[] = [];
  let message = error.networkError ? error.message : '';
  for (const graphQLError of error.graphQLErrors) {
    message ||= graphQLError.message;
    const listed = graphQLError.extensions?.problems;
    if (!Array.isArray(listed)) continue;
    for (const problem of listed) {
      if (!isProblem(problem)) continue;
      problems.push({ row: typeof problem.row === 'number' ? problem.row : null, field: problem.field, message: problem.message });
    }
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { message, problems };
}

/** The import formats the server reads, by the file's extension. */
export function isImportFile(name: string): boolean {
  return /\.(json|csv)$/i.test(name);
}
