import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocument, domainError, facilitatorOf, recordingPubSub } from '../importer/import-test-helpers.js';
import { ImportService } from '../importer/import.service.js';
import { Site } from '../organization/site.entity.js';
import type { Viewer } from '../policy/viewer.js';
import { loadKnowledgeBase } from '../synergy/knowledge/knowledge-base.js';
import { Territory } from '../territory/territory.entity.js';
import { openTestDatabase, type OpenTestDatabase } from '../../test/test-database.js';
import { FlowService } from './flow.service.js';

const needCodes = new Set(loadKnowledgeBase().needs.map((need) => need.code));
const fields = { direction: 'OUTPUT', category: 'MATERIAL', label: 'Chutes de bois', quantity: 12, unit: 'TONNE', period: 'YEAR', visibility: 'TERRITORY' } as const;

let db: OpenTestDatabase;
let em: EntityManager;
const { pubSub, events } = recordingPubSub();

beforeAll(async () => {
  db = await openTestDatabase();
  em = db.orm.em.fork();
  await new ImportService(em.fork(), { publish: () => {} } as never, needCodes).importDocument('SYSTEM', demoDocument());
});
afterAll(async () => {
  await db?.close();
});

describe('declaring a flow', () => {
  it("announces it with its site's organisation and the territory chain, nested territory first", async () => {
    const valDeFensch = await em.fork().findOneOrFail(Territory, { externalRef: 'val-de-fensch' }, { populate: ['parent'] });
    const site = await em.fork().findOneOrFail(Site, { organization: { territory: valDeFensch.id } }, { populate: ['organization'] });
    const member: Viewer = { userId: 'u', memberships: new Map([[site.organization.id, 'MEMBER']]), memberTerritoryIds: new Set(), facilitatedTerritoryIds: new Set() };
    events.length = 0;
    const record = await new FlowService(em.fork(), pubSub, needCodes).declare(member, site.id, { ...fields });
    expect(record).toMatchObject({ siteId: site.id, organizationId: site.organization.id, territoryId: valDeFensch.id, label: 'Chutes de bois' });
    expect(events).toEqual([
      expect.objectContaining({ change: 'DECLARED', flowId: record.id, organizationId: site.organization.id, territoryId: valDeFensch.id, territoryChain: [valDeFensch.id, valDeFensch.parent!.id] }),
    ]);
  });

  it('answers NOT_FOUND for a site of another organisation, or none, and declares nothing', async () => {
    const site = await em.fork().findOneOrFail(Site, { name: { $ne: null } }, { populate: ['organization'] });
    const stranger: Viewer = { userId: 'u2', memberships: new Map([['00000000-0000-4000-8000-000000000000', 'ADMIN']]), memberTerritoryIds: new Set(), facilitatedTerritoryIds: new Set() };
    const service = new FlowService(em.fork(), pubSub, needCodes);
    events.length = 0;
    expect((await domainError(service.declare(stranger, site.id, { ...fields }))).code).toBe('NOT_FOUND');
    expect((await domainError(service.declare(facilitatorOf('00000000-0000-4000-8000-000000000001'), site.id, { ...fields }))).code).toBe('NOT_FOUND');
    expect((await domainError(service.declare(facilitatorOf(site.organization.territory.id), '00000000-0000-4000-8000-000000000002', { ...fields }))).code).toBe('NOT_FOUND');
    expect(events).toEqual([]);
  });
});
