/** Paging as services see it: which slice of an ordered list to read, and what was read. No GraphQL here. */

export interface PageRequest {
  offset: number;
  limit: number;
}

/** The most items one page may hold. */
export const MAX_PAGE = 100;

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  offset: number;
}
