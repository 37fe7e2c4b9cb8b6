import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { Kind, parse, type DocumentNode } from 'graphql';
import { OPERATION_LIMITS } from '../graphql/limits.js';

/**
 * The JSON body of a GraphQL request. Every operation fits in `maxBodyBytes` but `importData`, whose file travels as
 * a variable: a larger body (up to `maxImportBodyBytes`) is read, then served only when it carries that mutation
 * alone; anything else that large is refused with 413 before it reaches GraphQL.
 */
export function graphqlBody(): RequestHandler[] {
  const read = express.json({
    limit: OPERATION_LIMITS.maxImportBodyBytes,
    verify: (req, _res, buffer) => {
      (req as Request & { bodyBytes?: number }).bodyBytes = buffer.length;
    },
  });
  const onlyImportsLarge = (req: Request, res: Response, next: NextFunction) => {
    const bytes = (req as Request & { bodyBytes?: number }).bodyBytes ?? 0;
    if (bytes <= OPERATION_LIMITS.maxBodyBytes || isImportOnly((req.body as { query?: unknown } | undefined)?.query)) return next();
    res.status(413).json({
      errors: [{ message: `The request is larger than ${OPERATION_LIMITS.maxBodyBytes} bytes (only importData may be larger).`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  };
  return [read, onlyImportsLarge];
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
