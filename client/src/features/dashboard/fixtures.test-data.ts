import type { DashboardFlow, DashboardOrganization, DashboardSynergy } from './dashboard-data';

/** Small, plain stand-ins for what the API answers, built per test. */
export function organization(id: string, sites: [string, string, number, number][]): DashboardOrganization {
  return {
    id,
    name: `Org ${id}`,
    kind: 'COMPANY',
    sites: sites.map(([siteId, city, latitude, longitude]) => ({ id: siteId, name: `Site ${siteId}`, city, latitude, longitude })),
  };
}

export function output(id: string, quantity: number, overrides: Partial<DashboardFlow> = {}): DashboardFlow {
  return { id, category: 'WASTE', unit: 'TONNE', yearlyQuantity: quantity, currentDestination: 'LANDFILL', wasteCode: null, ...overrides };
}

type Side = DashboardSynergy['participants'][number];

export function side(role: Side['role'], organization: DashboardOrganization | null, flow: Side['flow'] = null): Side {
  return {
    role,
    isYours: false,
    organization,
    anonymous: organization ? null : { organizationKind: 'COMPANY' },
    flow,
  };
}

export function synergy(id: string, participants: Side[], overrides: Partial<DashboardSynergy> = {}): DashboardSynergy {
  return { id, kind: 'SUBSTITUTION', status: 'SUGGESTED', score: 0.5, explanation: null, participants, ...overrides };
}
