import type { EntityManager } from '@mikro-orm/postgresql';
import { ResourceFlow } from '../flow/resource-flow.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { Site } from '../organization/site.entity.js';
import { Territory } from '../territory/territory.entity.js';

/** The records of the database an import may update or point at, loaded in a handful of queries. */
export interface ExistingRecords {
  territories: Territory[];
  territoryByRef: Map<string, Territory>;
  organizationByRef: Map<string, Organization>;
  /** With their organisation loaded: a flow of an existing site takes that organisation's territory. */
  siteByRef: Map<string, Site>;
  flowByRef: Map<string, ResourceFlow>;
  organizationBySiren: Map<string, Organization>;
  siteBySiret: Map<string, Site>;
}

export interface WantedRefs {
  organizations: string[];
  sites: string[];
  flows: string[];
  sirens: string[];
  sirets: string[];
}

export async function loadExisting(em: EntityManager, wanted: WantedRefs): Promise<ExistingRecords> {
  // Territories are few (tens) and every one is needed for parent cycles and enclosing chains: read them whole.
  const territories = await em.find(Territory, {});
  const organizations = await findIn(em, Organization, 'externalRef', wanted.organizations);
  const sites = await findIn(em, Site, 'externalRef', wanted.sites, ['organization']);
  const flows = await findIn(em, ResourceFlow, 'externalRef', wanted.flows);
  const sameSiren = await findIn(em, Organization, 'siren', wanted.sirens);
  const sameSiret = await findIn(em, Site, 'siret', wanted.sirets);
  return {
    territories,
    territoryByRef: byKey(territories, (t) => t.externalRef),
    organizationByRef: byKey(organizations, (o) => o.externalRef),
    siteByRef: byKey(sites, (s) => s.externalRef),
    flowByRef: byKey(flows, (f) => f.externalRef),
    organizationBySiren: byKey(sameSiren, (o) => o.siren),
    siteBySiret: byKey(sameSiret, (s) => s.siret),
  };
}

async function findIn<T extends object>(
  em: EntityManager,
  entity: new () => T,
  column: string,
  values: string[],
  populate: string[] = [],
): Promise<T[]> {
  const unique = [...new Set(values.filter((v) => typeof v === 'string' && v !== ''))];
  const found: T[] = [];
  // PostgreSQL takes at most 65,535 parameters per statement: a very large file is looked up in slices.
  for (let i = 0; i < unique.length; i += LOOKUP_SLICE) {
    const slice = unique.slice(i, i + LOOKUP_SLICE);
    found.push(...(await em.find(entity, { [column]: { $in: slice } } as never, { populate: populate as never })));
  }
  return found;
}

const LOOKUP_SLICE = 10_000;

function byKey<T>(items: T[], key: (item: T) => string | null | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k) map.set(k, item);
  }
  return map;
}
