import type { ProblemList } from '../errors/domain-errors.js';
import { normalizeNaceCode } from '../nomenclature/activity-sectors.js';
import { OrganizationKind } from '../vocabulary/organization.enums.js';
import { checkEnum, checkNumber, checkText, checkWebsite } from '../validation/field-checks.js';
import { isValidSiren, isValidSiret, normalizeSiren, normalizeSiret } from './siren.js';

/** Checks of an organisation and its sites, shared by the API and the importer. */

export function checkNaceCode(problems: ProblemList, field: string, value: string | null | undefined, row?: number) {
  if (!value) return null;
  const code = normalizeNaceCode(value);
  if (!code) problems.add(field, `"${value}" is not a NACE class or NAF sub-class`, row);
  return code;
}

export function checkSiren(problems: ProblemList, field: string, value: string | null | undefined, row?: number) {
  if (!value) return null;
  const siren = normalizeSiren(value);
  if (!isValidSiren(siren)) problems.add(field, 'is not a valid SIREN (9 digits, checksum)', row);
  return siren;
}

export function checkSiret(problems: ProblemList, field: string, value: string | null | undefined, row?: number) {
  if (!value) return null;
  const siret = normalizeSiret(value);
  if (!isValidSiret(siret)) problems.add(field, 'is not a valid SIRET (14 digits, checksum)', row);
  return siret;
}

export interface OrganizationFields {
  name?: string | null;
  kind?: string | null;
  naceCode?: string | null;
  siren?: string | null;
  description?: string | null;
  website?: string | null;
  insertion?: boolean | null;
}

/** Cleans an organisation's own fields; `partial` for updates where absent means unchanged. */
export function checkOrganizationFields(problems: ProblemList, input: OrganizationFields, partial: boolean, row?: number) {
  const out: Record<string, unknown> = {};
  if (!partial || input.name !== undefined) out.name = checkText(problems, 'name', input.name, { required: true, max: 200 }, row);
  if (!partial || input.kind !== undefined) out.kind = checkEnum(problems, 'kind', OrganizationKind, input.kind, {}, row);
  if (input.naceCode !== undefined) out.naceCode = checkNaceCode(problems, 'naceCode', input.naceCode, row);
  if (input.siren !== undefined) out.siren = checkSiren(problems, 'siren', input.siren, row);
  if (input.description !== undefined) out.description = checkText(problems, 'description', input.description, { max: 5000 }, row);
  if (input.website !== undefined) out.website = checkWebsite(problems, 'website', input.website, row);
  if (input.insertion !== undefined && input.insertion !== null) out.insertion = Boolean(input.insertion);
  return out as {
    name?: string;
    kind?: OrganizationKind;
    naceCode?: string | null;
    siren?: string | null;
    description?: string | null;
    website?: string | null;
    insertion?: boolean;
  };
}

export interface SiteFields {
  name?: string | null;
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
  latitude?: number | string | null;
  longitude?: number | string | null;
  siret?: string | null;
}

export function checkSiteFields(problems: ProblemList, input: SiteFields, siren: string | null | undefined, row?: number) {
  const siret = checkSiret(problems, 'siret', input.siret, row);
  if (siret && siren && !siret.startsWith(siren)) problems.add('siret', "does not start with the organisation's SIREN", row);
  const postalCode = checkText(problems, 'postalCode', input.postalCode, { max: 10 }, row);
  return {
    name: checkText(problems, 'name', input.name, { required: true, max: 200 }, row)!,
    address: checkText(problems, 'address', input.address, { max: 300 }, row),
    postalCode,
    city: checkText(problems, 'city', input.city, { required: true, max: 120 }, row)!,
    latitude: checkNumber(problems, 'latitude', input.latitude, { min: -90, max: 90, required: true }, row)!,
    longitude: checkNumber(problems, 'longitude', input.longitude, { min: -180, max: 180, required: true }, row)!,
    siret,
  };
}
