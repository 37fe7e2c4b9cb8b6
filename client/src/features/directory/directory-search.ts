import type { OrganizationFilterInput, OrganizationKind } from '../../gql/graphql';

// What the directory's search form asks for, and where the reader is in the pages of the answer.

export interface DirectorySearch {
  /** Words of the name, as typed. */
  text: string;
  kind: OrganizationKind | '';
}

export const NO_SEARCH: DirectorySearch = { text: '', kind: '' };

/** The API's filter for a search: blank text and "any kind" ask for nothing. */
export function toOrganizationFilter(search: DirectorySearch): OrganizationFilterInput {
  const text = search.text.trim().replace(/\s+/g, ' ');
  return {
    ...(text ? { search: text } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
  };
}

/**
 * The cursors of the pages read so far: the last one is the page shown (null for the first page). Going back pops
 * it, so "previous" needs no backward paging from the server.
 */
export type PageTrail = readonly (string | null)[];

export const FIRST_PAGE: PageTrail = [null];

export function nextPage(trail: PageTrail, endCursor: string): PageTrail {
  return [...trail, endCursor];
}

export function previousPage(trail: PageTrail): PageTrail {
  return trail.length > 1 ? trail.slice(0, -1) : trail;
}

export function currentCursor(trail: PageTrail): string | null {
  return trail[trail.length - 1] ?? null;
}
