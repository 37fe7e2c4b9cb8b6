import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Prng } from '../../bench/prng.js';
import { TerritoryGenerator } from '../../bench/synergy/territory-generator.js';
import type { ImportDocument } from '../../src/importer/import-format.js';
import { demoDocument } from '../../src/importer/import-test-helpers.js';
import type { KnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.types.js';

/**
 * Adds a generated territory's worth of organisations, sites and flows (the benchmark's plausible mix) to an
 * existing territory, straight in SQL: through the API it would take minutes, and what is measured is detection.
 */
export async function addGeneratedFlows(em: EntityManager, kb: KnowledgeBase, territoryId: string, count: number): Promise<void> {
  const flows = new TerritoryGenerator(kb, new Prng(8)).territory(count);
  const organizations = new Map<string, { id: string; name: string; kind: string; nace_code: string; insertion: boolean }>();
  const sites = new Map<string, { id: string; organization_id: string; latitude: number; longitude: number }>();
  const rows = flows.map((f) => {
    if (!organizations.has(f.organizationId)) {
      organizations.set(f.organizationId, { id: randomUUID(), name: `Établissement ${organizations.size + 1}`, kind: f.organizationKind, nace_code: f.naceCode ?? '', insertion: f.insertion });
    }
    const organization = organizations.get(f.organizationId)!;
    if (!sites.has(f.siteId)) sites.set(f.siteId, { id: randomUUID(), organization_id: organization.id, latitude: f.latitude, longitude: f.longitude });
    return {
      id: randomUUID(), site_id: sites.get(f.siteId)!.id, organization_id: organization.id, direction: f.direction, category: f.category,
      label: f.label, ewc_code: f.ewcCode, hazardous: f.hazardous, need_code: f.needCode, quantity: f.yearlyQuantity, yearly_quantity: f.yearlyQuantity,
      unit: f.unit, physical_form: f.physicalForm, temperature_c: f.temperatureC, available_months: f.availableMonths,
      current_destination: f.currentDestination, yearly_cost_eur: f.yearlyCostEur,
    };
  });
  await em.execute(
    `insert into organization (id, created_at, updated_at, name, kind, territory_id, nace_code, insertion)
     select id, now(), now(), name, kind, ?, nullif(nace_code, ''), insertion
     from json_to_recordset(?::json) as x(id uuid, name text, kind text, nace_code text, insertion boolean)`,
    [territoryId, JSON.stringify([...organizations.values()])],
  );
  await em.execute(
    `insert into site (id, created_at, updated_at, organization_id, name, city, latitude, longitude)
     select id, now(), now(), organization_id, 'Site', 'Moselle', latitude, longitude
     from json_to_recordset(?::json) as x(id uuid, organization_id uuid, latitude float8, longitude float8)`,
    [JSON.stringify([...sites.values()])],
  );
  await em.execute(
    `insert into resource_flow (id, created_at, updated_at, site_id, organization_id, territory_id, direction, category, label, ewc_code,
       hazardous, need_code, quantity, unit, period, yearly_quantity, physical_form, temperature_c, available_months, visibility,
       current_destination, yearly_cost_eur)
     select id, now(), now(), site_id, organization_id, ?, direction, category, label, ewc_code, hazardous, need_code, quantity, unit,
       'YEAR', yearly_quantity, physical_form, temperature_c, available_months, 'TERRITORY', current_destination, yearly_cost_eur
     from json_to_recordset(?::json) as x(id uuid, site_id uuid, organization_id uuid, direction text, category text, label text,
       ewc_code text, hazardous boolean, need_code text, quantity float8, unit text, yearly_quantity float8, physical_form text,
       temperature_c float8, available_months jsonb, current_destination text, yearly_cost_eur float8)`,
    [territoryId, JSON.stringify(rows)],
  );
}

/** The demo territory's organisations, sites and flows of Val de Fensch, `copies` times under other refs. */
export function largerDemo(copies: number): ImportDocument {
  const demo = demoDocument();
  const organizations = (demo.organizations ?? []).filter((o) => o.territoryRef === 'val-de-fensch');
  const kept = new Set(organizations.map((o) => o.ref));
  const sites = (demo.sites ?? []).filter((s) => kept.has(s.organizationRef));
  const siteRefs = new Set(sites.map((s) => s.ref));
  const flows = (demo.flows ?? []).filter((f) => siteRefs.has(f.siteRef));
  const copy = <T extends { ref: string }>(items: T[], k: number, change: (item: T) => Partial<T>) => items.map((item) => ({ ...item, ...change(item), ref: `${item.ref}-${k}` }));
  const all = Array.from({ length: copies }, (_, k) => k + 1);
  return {
    format: demo.format,
    version: demo.version,
    organizations: all.flatMap((k) => copy(organizations, k, (o) => ({ siren: undefined, name: `${o.name} ${k}` }))),
    sites: all.flatMap((k) => copy(sites, k, (s) => ({ siret: undefined, organizationRef: `${s.organizationRef}-${k}` }))),
    flows: all.flatMap((k) => copy(flows, k, (f) => ({ siteRef: `${f.siteRef}-${k}` }))),
  };
}
