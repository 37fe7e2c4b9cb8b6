import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../errors/domain-errors.js';
import { MAX_PAGE, type Page, type PageRequest } from '../paging/page.js';

/** Relay connections over service pages: offset cursors, opaque to clients, stable for a given filter and order. */

@ObjectType({ description: 'Where a page sits in its list (Relay).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; pass it as `after`.' })
  endCursor!: string | null;
}

export function pageRequest(first: number | undefined, after: string | undefined | null, field = 'first'): PageRequest {
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) {
    throw badInput(`${field} must be between 0 and ${MAX_PAGE}.`, [{ field, message: `must be between 0 and ${MAX_PAGE}` }]);
  }
  return { offset: after ? decodeCursor(after) + 1 : 0, limit };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badInput('after is not a valid cursor.', [{ field: 'after', message: 'is not a cursor of this list' }]);
  return Number(m[1]);
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function toConnection<T>({ nodes, totalCount, offset }: Page<T>): ConnectionShape<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: offset + nodes.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Builds `<Name>Connection` and `<Name>Edge` types for a node type; `what` and `whatPlural` name its items in descriptions. */
export function connectionOf<T extends object>(nodeType: ClassType<T>, name: string, what: string, whatPlural = `${what}s`) {
  @ObjectType(`${name}Edge`, { description: `A ${what} and its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${whatPlural} (Relay connection).` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items of this page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${whatPlural} match, over all pages, among those you may see.` })
    totalCount!: number;
  }
  return Connection;
}
