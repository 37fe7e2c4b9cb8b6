import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { bodyRefusal, readJsonBody } from './graphql-body.js';

/** A request's context from the plain request and response (see graphql-http.ts). */
export type PlainContext = (req: IncomingMessage, res: ServerResponse) => Promise<object>;

/**
 * POST /graphql — what the workspace and integrators send all day — served straight from Node's request, as Apollo's
 * own standalone server does: the JSON body, the size and length limits, then Apollo. Express's routing, its
 * request and response prototypes and its ETag of every answer cost more than the rest of a small query; every other
 * request (the client, GET /graphql, probes) still goes through express.
 */
export function plainGraphQLPost(apollo: ApolloServer<object>, context: PlainContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    readJsonBody(req as Request, res as unknown as Response, ((error?: unknown) => {
      if (error) return sendJson(res, ...bodyErrorAnswer(error as { status?: number; type?: string }));
      const refused = bodyRefusal(req);
      if (refused) return sendJson(res, refused.status, refused.body);
      answer(apollo, context, req, res).catch((failure: unknown) => {
        console.error('HTTP error:', failure);
        if (!res.headersSent) sendJson(res, 500, errorsOf('Internal server error.', 'INTERNAL_SERVER_ERROR'));
        else res.destroy();
      });
    }) as NextFunction);
  };
}

async function answer(apollo: ApolloServer<object>, context: PlainContext, req: IncomingMessage, res: ServerResponse) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : url.slice(query), body: (req as { body?: unknown }).body },
    context: () => context(req, res),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Body-parser's errors as GraphQL-shaped JSON without internals (the same answers as server.ts's jsonErrors). */
export function bodyErrorAnswer(error: { status?: number; type?: string }): [number, object] {
  const status = error.status ?? 500;
  const messages: Record<string, [string, string]> = {
    'entity.too.large': ['The request body is too large.', 'PAYLOAD_TOO_LARGE'],
    'entity.parse.failed': ['The request body is not valid JSON.', 'BAD_USER_INPUT'],
  };
  const [message, code] = messages[error.type ?? ''] ?? (status < 500 ? ['Bad request.', 'BAD_REQUEST'] : ['Internal server error.', 'INTERNAL_SERVER_ERROR']);
  if (status >= 500) console.error('HTTP error:', error);
  return [status, errorsOf(message, code)];
}

const errorsOf = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

function sendJson(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
