import type { ValidationRule } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';

/**
 * Limits applied to every operation, over HTTP and over WebSocket alike, so that no single request can make the
 * server walk the whole graph. Tuned so that the workspace's largest query passes with room to spare.
 */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20_000,
  /** Characters in a query document. */
  maxQueryLength: 50_000,
  /** Bytes in an HTTP request body. */
  maxBodyBytes: 1_000_000,
  /** Bytes in a WebSocket message. */
  maxMessageBytes: 1_000_000,
} as const;

export function operationLimitRules(): ValidationRule[] {
  const propagate = { propagateOnRejection: true, exposeLimits: true };
  return [
    maxDepthRule({ n: OPERATION_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...propagate }),
    maxAliasesRule({ n: OPERATION_LIMITS.maxAliases, ...propagate }),
    costLimitRule({ maxCost: OPERATION_LIMITS.maxCost, ignoreIntrospection: true, ...propagate }),
  ];
}
