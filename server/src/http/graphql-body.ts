import type { IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { Kind, parse, type DocumentNode } from 'graphql';
import { OPERATION_LIMITS } from '../graphql/limits.js';

/** Reads the JSON body (up to the import's size) into `req.body`, noting its size in bytes. */
export const readJsonBody: RequestHandler = express.json({
  limit: OPERATION_LIMITS.maxImportBodyBytes,
  verify: (req, _res, buffer) => {
    (req as Request & { bodyBytes?: number }).bodyBytes = buffer.length;
  },
});

/**
 * Why a read body is refused before GraphQL, if it is: every operation fits in `maxBodyBytes` but `importData`, whose
 * file travels as a variable — a larger body (up to `maxImportBodyBytes`) is served only when it carries that
 * mutation alone (413 otherwise); a query longer than `maxQueryLength` is refused (400).
 */
export function bodyRefusal(req: IncomingMessage): { status: number; body: object } | null {
  const { body, bodyBytes = 0 } = req as IncomingMessage & { body?: { query?: unknown }; bodyBytes?: number };
  const query = body?.query;
  if (bodyBytes > OPERATION_LIMITS.maxBodyBytes && !isImportOnly(query)) {
    return {
      status: 413,
      body: { errors: [{ message: `The request is larger than ${OPERATION_LIMITS.maxBodyBytes} bytes (only importData may be larger).`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    };
  }
  if (typeof query === 'string' && query.length > OPERATION_LIMITS.maxQueryLength) {
    return {
      status: 400,
      body: { errors: [{ message: `The query is longer than ${OPERATION_LIMITS.maxQueryLength} characters.`, extensions: { code: 'BAD_USER_INPUT' } }] },
    };
  }
  return null;
}

/** The same as express middleware, for the requests express serves (GET /graphql). */
export function graphqlBody(): RequestHandler[] {
  const refuse = (req: Request, res: Response, next: NextFunction) => {
    const refused = bodyRefusal(req);
    if (!refused) return next();
    res.status(refused.status).json(refused.body);
  };
  return [readJsonBody, refuse];
}

/** One mutation whose fields are all `importData`: nothing else may ride along in a large body. */
function isImportOnly(query: unknown): boolean {
  if (typeof query !== 'string' || query.length > OPERATION_LIMITS.maxQueryLength) return false;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  const [operation, ...others] = document.definitions;
  return (
    others.length === 0 &&
    operation.kind === Kind.OPERATION_DEFINITION &&
    operation.operation === 'mutation' &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value === 'importData')
  );
}
