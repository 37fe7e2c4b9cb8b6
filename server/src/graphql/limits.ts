import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { MAX_PAGE } from '../paging/page.js';
import { maxNodesRule } from './node-limit.js';

/**
 * Limits applied to every operation, over HTTP and over WebSocket alike, so that no single request can make the
 * server walk the whole graph. Tuned so that the workspace's largest query passes with room to spare.
 */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  /** Objects an operation may return, counting each page at its size (see node-limit.ts). */
  maxNodes: 50_000,
  /** Characters in a query document. */
  maxQueryLength: 50_000,
  /** Bytes in an HTTP request body, but for `importData`. WebSocket messages have their own limit (WS_MAX_MESSAGE_BYTES). */
  maxBodyBytes: 1_000_000,
  /** Bytes in an imported file (docs/import-format.md): a region's diagnostic stays far below. */
  maxImportFileBytes: 20 * 1024 * 1024,
  /**
   * Bytes in the HTTP body of an `importData` request: the file travels as a JSON string, where escaping (quotes,
   * line breaks) can double its size.
   */
  maxImportBodyBytes: 2 * 20 * 1024 * 1024 + 65_536,
} as const;

export function operationLimitRules(): ValidationRule[] {
  // Report through the validation context (a 400 with GRAPHQL_VALIDATION_FAILED); the rules' default is to throw,
  // which Apollo would answer as an internal error, and without a handler they would not report at all.
  const propagate = {
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ n: OPERATION_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...propagate }),
    maxAliasesRule({ n: OPERATION_LIMITS.maxAliases, ...propagate }),
    maxNodesRule(OPERATION_LIMITS.maxNodes, MAX_PAGE),
  ];
}
