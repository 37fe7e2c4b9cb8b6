/**
 * Domain errors, thrown by services and mapped to GraphQL codes (graphql/format-error.ts) and WebSocket close
 * codes in one place. Messages are written for the person who sent the request: never SQL, never a stack.
 */
export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED';

export interface FieldProblem {
  /** Path of the offending input, e.g. "latitude" or "flows[12].ewcCode". */
  field: string;
  message: string;
  /** 1-based row of an import file, when it comes from one. */
  row?: number;
}

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly problems: FieldProblem[] = [],
    /** For RATE_LIMITED: when trying again may succeed. */
    public readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, problems: FieldProblem[] = []) =>
  new DomainError('BAD_USER_INPUT', message, problems);
export const unauthenticated = (message = 'You must be signed in.') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') => new DomainError('FORBIDDEN', message);
/** Also used when something exists but the viewer may not know it does: the two must look the same. */
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found.`);
export const conflict = (message: string) => new DomainError('CONFLICT', message);

/** WebSocket close codes (4000-4999 are the application's) matching the GraphQL codes. */
export const CLOSE_CODES: Record<DomainErrorCode, number> = {
  BAD_USER_INPUT: 4400,
  UNAUTHENTICATED: 4401,
  FORBIDDEN: 4403,
  NOT_FOUND: 4404,
  CONFLICT: 4409,
  RATE_LIMITED: 4429,
};

/**
 * Why the server closes a live connection (graphql-ws on /graphql, /collab) on its own initiative: one list for
 * every socket and for the client. graphql-ws clients give up on 4401 and 4429 and reconnect after 4403, which is
 * what each case wants. Reasons stay under the 123 bytes a close frame allows.
 */
export const SOCKET_CLOSE = {
  /** The session ended (log-out) or the token was revoked, or the password changed: sign in again. */
  CREDENTIAL_REVOKED: { code: CLOSE_CODES.UNAUTHENTICATED, reason: 'Credential revoked: sign in again.' },
  /** The password changed: every other session of the user ended with it. */
  PASSWORD_CHANGED: { code: CLOSE_CODES.UNAUTHENTICATED, reason: 'Password changed: sign in again.' },
  /** What the user may see changed (a membership removed or approved): a new connection reads the new access. */
  ACCESS_CHANGED: { code: CLOSE_CODES.FORBIDDEN, reason: 'Access changed: reconnect.' },
  /** Far more operations than the per-connection budget. */
  RATE_LIMITED: { code: CLOSE_CODES.RATE_LIMITED, reason: 'Too many operations.' },
} as const;

/** Collects every problem of an input before failing, so a user fixes all of them in one go. */
export class ProblemList {
  readonly problems: FieldProblem[] = [];
  add(field: string, message: string, row?: number): void {
    this.problems.push(row === undefined ? { field, message } : { field, message, row });
  }
  get empty(): boolean {
    return this.problems.length === 0;
  }
  throwIfAny(summary = 'The input is invalid.'): void {
    if (!this.empty) {
      const detail = this.problems.slice(0, 5).map((p) => `${p.row ? `row ${p.row}: ` : ''}${p.field}: ${p.message}`);
      throw badInput(`${summary} ${detail.join('; ')}${this.problems.length > 5 ? '; …' : ''}`, this.problems);
    }
  }
}
