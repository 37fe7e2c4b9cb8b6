import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResourceFlow } from '../flow/resource-flow.entity.js';
import { Territory } from '../territory/territory.entity.js';
import { loadKnowledgeBase } from '../synergy/knowledge/knowledge-base.js';
import type { ImportDocument } from './import-format.js';
import { demoDocument, domainError, caught, recordingPubSub, tableCounts } from './import-test-helpers.js';
import { ImportService, parseImportFile } from './import.service.js';
import { openTestDatabase, type OpenTestDatabase } from '../../test/test-database.js';

const needCodes = new Set(loadKnowledgeBase().needs.map((need) => need.code));

let db: OpenTestDatabase;
let em: EntityManager;
const { pubSub, events } = recordingPubSub();
const service = () => new ImportService(em.fork(), pubSub, needCodes);

beforeAll(async () => {
  db = await openTestDatabase();
  em = db.orm.em.fork();
});
afterAll(async () => {
  await db?.close();
});

const created = (n: number) => ({ created: n, updated: 0, unchanged: 0 });
const unchanged = (n: number) => ({ created: 0, updated: 0, unchanged: n });

describe('importing the demo territory', () => {
  // Its duration is measured by `npm run bench -- import`, not asserted here: a busy machine is not a bug.
  it('creates every record of the file and announces every flow', async () => {
    events.length = 0;
    const report = await service().importDocument('SYSTEM', demoDocument());
    expect(report).toEqual({ territories: created(2), organizations: created(32), sites: created(39), flows: created(281) });
    expect(await tableCounts(em)).toEqual({ territories: 2, organizations: 32, sites: 39, flows: 281 });
    expect(events).toHaveLength(281);
    const valDeFensch = await em.fork().findOneOrFail(Territory, { externalRef: 'val-de-fensch' });
    const slag = events.find((e) => e.territoryId === valDeFensch.id)!;
    expect(slag.change).toBe('DECLARED');
    expect(slag.territoryChain).toEqual([valDeFensch.id, valDeFensch.parent!.id]);
  });

  it('changes nothing when the same file is imported again', async () => {
    events.length = 0;
    const report = await service().importDocument('SYSTEM', demoDocument());
    expect(report).toEqual({ territories: unchanged(2), organizations: unchanged(32), sites: unchanged(39), flows: unchanged(281) });
    expect(await tableCounts(em)).toEqual({ territories: 2, organizations: 32, sites: 39, flows: 281 });
    expect(events).toEqual([]);
  });

  it('copies the organisation and territory of the site onto each flow, with the derived fields', async () => {
    const flow = await em.fork().findOneOrFail(ResourceFlow, { externalRef: 'acier-fensch-palettes' }, { populate: ['site', 'organization', 'territory'] });
    expect(flow.organization.externalRef).toBe('acier-fensch');
    expect(flow.territory.externalRef).toBe(flow.organization.territory.externalRef);
    expect(flow.yearlyQuantity).toBe(250 * 12);
  });
});

describe('updating by re-import', () => {
  it('updates only the changed flow, recomputes its yearly quantity and announces it', async () => {
    events.length = 0;
    const doc = demoDocument();
    const palettes = doc.flows!.find((f) => f.ref === 'acier-fensch-palettes')!;
    palettes.quantity = 300;
    palettes.visibility = 'TERRITORY';
    const report = await service().importDocument('SYSTEM', doc);
    expect(report.flows).toEqual({ created: 0, updated: 1, unchanged: 280 });
    expect(report.sites).toEqual(unchanged(39));
    const flow = await em.fork().findOneOrFail(ResourceFlow, { externalRef: 'acier-fensch-palettes' });
    expect([flow.quantity, flow.yearlyQuantity]).toEqual([300, 3600]);
    expect(events).toEqual([expect.objectContaining({ change: 'UPDATED', flowId: flow.id, visibility: 'TERRITORY', previousVisibility: 'PUBLIC' })]);
  });

  it('announces an archived flow as ARCHIVED', async () => {
    events.length = 0;
    const doc = demoDocument();
    doc.flows!.find((f) => f.ref === 'acier-fensch-palettes')!.status = 'ARCHIVED';
    await service().importDocument('SYSTEM', doc);
    expect(events.map((e) => e.change)).toEqual(['ARCHIVED']);
    await service().importDocument('SYSTEM', demoDocument());
  });
});

describe('an invalid document', () => {
  /** The demo under other refs, without SIREN/SIRET (they are taken): a large file that would create everything. */
  function renamedDemo(): ImportDocument {
    const doc = demoDocument();
    const r = (ref: string | undefined) => (ref ? `copy-${ref}` : ref);
    doc.territories!.forEach((t) => Object.assign(t, { ref: r(t.ref), parentRef: r(t.parentRef) }));
    doc.organizations!.forEach((o) => Object.assign(o, { ref: r(o.ref), territoryRef: r(o.territoryRef), siren: undefined }));
    doc.sites!.forEach((s) => Object.assign(s, { ref: r(s.ref), organizationRef: r(s.organizationRef), siret: undefined }));
    doc.flows!.forEach((f) => Object.assign(f, { ref: r(f.ref), siteRef: r(f.siteRef) }));
    return doc;
  }

  it('reports every problem with its path and writes nothing', async () => {
    const before = await tableCounts(em);
    const doc = renamedDemo();
    doc.flows![12].ewcCode = '99 99 99';
    doc.flows![40].quantity = -5;
    doc.sites![3].latitude = 200;
    doc.sites![5].siret = '12345678901234';
    doc.flows![100].siteRef = 'nowhere';
    const error = await domainError(service().importDocument('SYSTEM', doc));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^The import was rejected: nothing was changed\./);
    expect(error.problems).toEqual([
      { field: 'sites[3].latitude', message: 'must be at most 90' },
      { field: 'sites[5].siret', message: 'is not a valid SIRET (14 digits, checksum)' },
      { field: 'flows[12].ewcCode', message: '"99 99 99" is not a code of the European List of Waste' },
      { field: 'flows[40].quantity', message: 'must be at least 0' },
      { field: 'flows[100].siteRef', message: '"nowhere" is neither one of the sites of this file nor an existing one' },
    ]);
    expect(await tableCounts(em)).toEqual(before);
  });

  it('refuses a SIREN registered for another organisation, repeated refs and unknown fields', async () => {
    const doc: ImportDocument = {
      format: 'fe2i-import',
      version: 1,
      organizations: [
        { ref: 'dup-1', name: 'Copie', kind: 'COMPANY', territoryRef: 'val-de-fensch', siren: '417401239' },
        { ref: 'dup-1', name: 'Copie bis', kind: 'COMPANY', territoryRef: 'val-de-fensch', sirne: 'x' } as never,
      ],
    };
    const error = await domainError(service().importDocument('SYSTEM', doc));
    expect(error.problems).toEqual([
      { field: 'organizations[1].sirne', message: 'is not a field of organizations records' },
      { field: 'organizations[1].ref', message: '"dup-1" is already the ref of organizations[0]: refs must be unique' },
      { field: 'organizations[0].siren', message: '417401239 is already registered for another organisation ("Aciéries de la Fensch")' },
    ]);
  });

  it('refuses a territory that would enclose itself', async () => {
    const doc: ImportDocument = { format: 'fe2i-import', version: 1, territories: [{ ref: 'lorraine-nord', name: 'Lorraine Nord', parentRef: 'val-de-fensch' }] };
    const error = await domainError(service().importDocument('SYSTEM', doc));
    expect(error.problems).toEqual([{ field: 'territories[0].parentRef', message: 'makes the territory enclose itself' }]);
  });

  it('refuses a file that is not an import document', async () => {
    const error = await domainError(service().importDocument('SYSTEM', { format: 'other', version: 2 }));
    expect(error.problems.map((p) => p.field)).toEqual(['format', 'version']);
  });
});

describe('reading a file', () => {
  it('reports malformed JSON with its position, without a stack', () => {
    const error = caught(() => parseImportFile('data.json', '{\n  "format": "fe2i-import",\n  "version": 1,,\n}'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^The file is not valid JSON: .*position 44 \(line 3, column 16\)$/);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it('tells JSON from CSV by the extension and refuses others', () => {
    expect(parseImportFile('x.JSON', '{"format":"fe2i-import","version":1}')).toEqual({ format: 'fe2i-import', version: 1 });
    expect(parseImportFile('x.csv', 'flow_ref;site_ref\n').flows).toEqual([]);
    expect(caught(() => parseImportFile('x.xlsx', '')).code).toBe('BAD_USER_INPUT');
  });
});
