import type { ApprovalStatus, OrganizationKind } from '../vocabulary/organization.enums.js';

/**
 * Organisations and sites as read for display: plain rows, not entities. A directory page reads hundreds of them;
 * hydrating each into the unit of work (identity map, relation propagation) cost more than the SQL.
 */
export interface OrganizationRecord {
  id: string;
  territoryId: string;
  name: string;
  kind: OrganizationKind;
  naceCode: string | null;
  siren: string | null;
  description: string | null;
  website: string | null;
  insertion: boolean;
  approval: ApprovalStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface SiteRecord {
  id: string;
  organizationId: string;
  name: string;
  address: string | null;
  postalCode: string | null;
  city: string;
  latitude: number;
  longitude: number;
  siret: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toOrganizationRecord(row: any): OrganizationRecord {
  return {
    id: row.id,
    territoryId: row.territory_id,
    name: row.name,
    kind: row.kind,
    naceCode: row.nace_code ?? null,
    siren: row.siren ?? null,
    description: row.description ?? null,
    website: row.website ?? null,
    insertion: row.insertion,
    approval: row.approval,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export const SITE_COLUMNS = 's.id, s.organization_id, s.name, s.address, s.postal_code, s.city, s.latitude, s.longitude, s.siret';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toSiteRecord(row: any): SiteRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    address: row.address ?? null,
    postalCode: row.postal_code ?? null,
    city: row.city,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    siret: row.siret ?? null,
  };
}
