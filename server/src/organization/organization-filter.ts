import { ProblemList } from '../errors/domain-errors.js';
import { ANY_TEXT, ANY_UUID, containsPattern, sqlList } from '../db/sql.js';
import { codesLabelled, codesOfSector } from '../nomenclature/activity-sectors.js';
import type { OrganizationKind } from '../vocabulary/organization.enums.js';

/** The directory's filter as the service applies it: every part narrows (AND). */
export interface OrganizationFilter {
  territoryIds?: string[];
  kind?: OrganizationKind;
  /** Words of the name, of one of its sites' communes, or of its sector's label. */
  search?: string;
  /** The activity codes (classes and NAF sub-classes) of the sector asked for. */
  sectorCodes?: string[];
  /** The commune of one of its sites, whole, accent- and case-insensitive. */
  commune?: string;
}

/** The filter as the API receives it, before it is checked. */
export interface OrganizationFilterFields {
  kind?: OrganizationKind;
  search?: string | null;
  sector?: string | null;
  commune?: string | null;
}

const MAX_TEXT = 200;

/** Checks the free-text parts and resolves the sector to its codes; BAD_USER_INPUT names the field at fault. */
export function checkOrganizationFilter(input: OrganizationFilterFields | undefined): Omit<OrganizationFilter, 'territoryIds'> {
  const problems = new ProblemList();
  const search = input?.search?.trim().replace(/\s+/g, ' ') || undefined;
  const commune = input?.commune?.trim().replace(/\s+/g, ' ') || undefined;
  if (search && search.length > MAX_TEXT) problems.add('filter.search', `must be at most ${MAX_TEXT} characters`);
  if (commune && commune.length > MAX_TEXT) problems.add('filter.commune', `must be at most ${MAX_TEXT} characters`);
  let sectorCodes: string[] | undefined;
  const sector = input?.sector?.trim();
  if (sector) {
    sectorCodes = codesOfSector(sector) ?? undefined;
    if (!sectorCodes) problems.add('filter.sector', 'must be a NACE section letter ("C"), division ("24"), class ("24.10") or NAF sub-class ("24.10Z")');
  }
  problems.throwIfAny('Invalid organisation filter.');
  return { kind: input?.kind, search, commune, sectorCodes };
}

/** One SQL condition and the values of its placeholders, in order. */
interface Clause {
  sql: string;
  params: unknown[];
}

const clause = (sql: string, ...params: unknown[]): Clause => ({ sql, params });
/** Any of the clauses. */
const anyOf = (clauses: Clause[]): Clause => clause(`(${clauses.map((c) => c.sql).join(' or ')})`, ...clauses.flatMap((c) => c.params));
/** The sector is one of these activity codes. */
const naceCodeIn = (codes: string[]): Clause => clause(`o.nace_code = ${ANY_TEXT}`, sqlList(codes));
/** One of the organisation's own sites has its commune `=` (or `like`) the value, accents and case set aside. */
const siteCity = (test: '=' | 'like', value: string): Clause =>
  clause(`exists (select 1 from site s where s.organization_id = o.id and fe2i_fold(s.city) ${test} fe2i_fold(?))`, value);

/**
 * The SQL conditions of a filter over `organization o`, to AND with the viewer's scope. A site is matched only
 * through its own organisation, so a commune names nothing the organisation's row would not show.
 */
export function organizationFilterSql(filter: OrganizationFilter): { clauses: string[]; params: unknown[] } {
  const all: Clause[] = [];
  if (filter.territoryIds) all.push(clause(`o.territory_id = ${ANY_UUID}`, sqlList(filter.territoryIds)));
  if (filter.kind) all.push(clause('o.kind = ?', filter.kind));
  if (filter.sectorCodes) all.push(naceCodeIn(filter.sectorCodes));
  if (filter.commune) all.push(siteCity('=', filter.commune));
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    const labelled = codesLabelled(filter.search);
    const ways = [clause('fe2i_fold(o.name) like fe2i_fold(?)', pattern), siteCity('like', pattern)];
    if (labelled.length) ways.push(naceCodeIn(labelled));
    all.push(anyOf(ways));
  }
  return { clauses: all.map((c) => c.sql), params: all.flatMap((c) => c.params) };
}
