import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '../organization/organization.entity.js';
import type { Viewer } from '../policy/viewer.js';
import { Territory } from '../territory/territory.entity.js';
import { loadKnowledgeBase } from '../synergy/knowledge/knowledge-base.js';
import type { ImportDocument } from './import-format.js';
import { domainError, facilitatorOf, recordingPubSub, tableCounts } from './import-test-helpers.js';
import { ImportService } from './import.service.js';
import { openTestDatabase, type OpenTestDatabase } from '../../test/test-database.js';

const needCodes = new Set(loadKnowledgeBase().needs.map((need) => need.code));

let db: OpenTestDatabase;
let em: EntityManager;
const service = () => new ImportService(em.fork(), recordingPubSub().pubSub, needCodes);
let ids: Record<string, string>;

const doc = (parts: Omit<ImportDocument, 'format' | 'version'>): ImportDocument => ({ format: 'fe2i-import', version: 1, ...parts });
const org = (ref: string, territoryRef: string) => ({ ref, name: `Org ${ref}`, kind: 'COMPANY' as const, territoryRef });
const site = (ref: string, organizationRef: string) => ({ ref, organizationRef, name: 'Site', city: 'Hayange', latitude: 49.33, longitude: 6.06 });
const flow = (ref: string, siteRef: string) => ({
  ref, siteRef, direction: 'INPUT' as const, category: 'WATER' as const, label: 'Eau', quantity: 3, unit: 'm3', period: 'DAY' as const, visibility: 'PUBLIC' as const,
});

/** Lorraine ⊃ {Fensch, Orne}; the viewer facilitates Fensch only (the set holds it and its descendants). */
beforeAll(async () => {
  db = await openTestDatabase();
  em = db.orm.em.fork();
  await service().importDocument('SYSTEM', doc({
    territories: [{ ref: 'lorraine', name: 'Lorraine' }, { ref: 'fensch', name: 'Fensch', parentRef: 'lorraine' }, { ref: 'orne', name: 'Orne', parentRef: 'lorraine' }],
    organizations: [org('in-fensch', 'fensch'), org('in-orne', 'orne')],
    sites: [site('site-orne', 'in-orne')],
    flows: [flow('flow-orne', 'site-orne')],
  }));
  const territories = await em.fork().find(Territory, {});
  ids = Object.fromEntries(territories.map((t) => [t.externalRef!, t.id]));
});
afterAll(async () => {
  await db?.close();
});

const fenschFacilitator = () => facilitatorOf(ids.fensch);

async function refused(viewer: Viewer | null, document: ImportDocument) {
  const before = await tableCounts(em);
  const error = await domainError(service().importDocument(viewer, document));
  expect(await tableCounts(em)).toEqual(before);
  return error;
}

describe('who may import', () => {
  it('lets a facilitator import organisations, sites and flows into their territory', async () => {
    const report = await service().importDocument(fenschFacilitator(), doc({
      organizations: [org('new-in-fensch', 'fensch')],
      sites: [site('site-fensch', 'new-in-fensch')],
      flows: [flow('flow-fensch', 'site-fensch')],
    }));
    expect(report.flows.created).toBe(1);
  });

  it('lets a facilitator create and rename territories nested in theirs', async () => {
    const report = await service().importDocument(fenschFacilitator(), doc({
      territories: [{ ref: 'fensch', name: 'Val de Fensch', parentRef: 'lorraine' }, { ref: 'zone-a', name: 'Zone A', parentRef: 'fensch' }, { ref: 'zone-a1', name: 'Zone A1', parentRef: 'zone-a' }],
      organizations: [org('in-zone-a1', 'zone-a1')],
    }));
    expect(report.territories).toEqual({ created: 2, updated: 1, unchanged: 0 });
  });

  it('refuses organisations of a territory the facilitator does not facilitate, listing them', async () => {
    const error = await refused(fenschFacilitator(), doc({ organizations: [org('in-fensch', 'fensch'), org('new-in-orne', 'orne')] }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.problems).toEqual([{ field: 'organizations[1].ref', message: 'organisation "new-in-orne": you do not facilitate its territory' }]);
  });

  it('refuses to move an organisation, a site or a flow out of another territory', async () => {
    const error = await refused(fenschFacilitator(), doc({
      organizations: [org('in-orne', 'fensch')],
      sites: [site('site-orne', 'in-fensch')],
      flows: [flow('flow-orne', 'site-fensch')],
    }));
    expect(error.problems.map((p) => p.field)).toEqual(['organizations[0].ref', 'sites[0].ref', 'flows[0].ref']);
    expect((await em.fork().findOneOrFail(Organization, { externalRef: 'in-orne' })).territory.id).toBe(ids.orne);
  });

  it('refuses to create a territory outside, or change one enclosing, the facilitated ones', async () => {
    const error = await refused(fenschFacilitator(), doc({
      territories: [{ ref: 'lorraine', name: 'Grand Est' }, { ref: 'zone-b', name: 'Zone B', parentRef: 'orne' }, { ref: 'root-2', name: 'Ailleurs' }],
    }));
    expect(error.problems.map((p) => p.field)).toEqual(['territories[0].ref', 'territories[1].ref', 'territories[2].ref']);
  });

  it('refuses to move a facilitated territory under another one', async () => {
    const error = await refused(fenschFacilitator(), doc({ territories: [{ ref: 'fensch', name: 'Fensch', parentRef: 'orne' }] }));
    expect(error.code).toBe('FORBIDDEN');
  });

  it('refuses everyone else before reading the file', async () => {
    const member: Viewer = { userId: 'u-member', memberships: new Map([['o1', 'ADMIN']]), memberTerritoryIds: new Set([ids.fensch]), facilitatedTerritoryIds: new Set() };
    expect((await refused(member, { garbage: true } as never)).code).toBe('FORBIDDEN');
    expect((await refused(null, doc({}))).code).toBe('UNAUTHENTICATED');
  });
});

describe('moving records as the system', () => {
  it('realigns the flows of an organisation that changes territory, and announces them', async () => {
    const { pubSub, events } = recordingPubSub();
    await new ImportService(em.fork(), pubSub, needCodes).importDocument('SYSTEM', doc({ organizations: [org('in-orne', 'fensch')] }));
    const [row] = await em.fork().execute(`select territory_id from resource_flow where external_ref = 'flow-orne'`);
    expect(row.territory_id).toBe(ids.fensch);
    expect(events).toEqual([expect.objectContaining({ change: 'UPDATED', territoryId: ids.fensch, territoryChain: [ids.fensch, ids.lorraine] })]);
  });
});
