import type { OrganizationFilterInput, OrganizationKind } from '../../gql/graphql';

// What the directory's search form asks for, and where the reader is in the pages of the answer.

export interface DirectorySearch {
  /** Words of the name, of a commune or of a sector, as typed. */
  text: string;
  kind: OrganizationKind | '';
  /** A NACE section letter, or '' for every sector. */
  sector: string;
  /** A commune's whole name, as typed. */
  commune: string;
}

export const NO_SEARCH: DirectorySearch = { text: '', kind: '', sector: '', commune: '' };

const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');

/** The API's filter for a search: blank texts and "any kind" or "any sector" ask for nothing. */
export function toOrganizationFilter(search: DirectorySearch): OrganizationFilterInput {
  const text = tidy(search.text);
  const commune = tidy(search.commune);
  return {
    ...(text ? { search: text } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.sector ? { sector: search.sector } : {}),
    ...(commune ? { commune } : {}),
  };
}

/** Whether a filter narrows the directory (an empty answer then means "no match", not "no actor yet"). */
export function isNarrowed(filter: OrganizationFilterInput): boolean {
  return Boolean(filter.search || filter.kind || filter.sector || filter.commune);
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

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * The commune a directory row shows: the one searched for when the organisation has a site there (the server
 * matched it so, accents and case aside), else its first site's.
 */
export function shownCity(sites: readonly { city: string }[], commune: string | null | undefined): string | undefined {
  const wanted = commune ? fold(commune) : '';
  return (wanted ? sites.find((site) => fold(site.city) === wanted) : undefined)?.city ?? sites[0]?.city;
}
