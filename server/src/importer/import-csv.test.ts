import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResourceFlow } from '../flow/resource-flow.entity.js';
import { Organization } from '../organization/organization.entity.js';
import { Site } from '../organization/site.entity.js';
import { loadKnowledgeBase } from '../synergy/knowledge/knowledge-base.js';
import { domainError, recordingPubSub, tableCounts } from './import-test-helpers.js';
import { ImportService, parseImportFile } from './import.service.js';
import { openTestDatabase, type OpenTestDatabase } from '../../test/test-database.js';

const needCodes = new Set(loadKnowledgeBase().needs.map((need) => need.code));

let db: OpenTestDatabase;
let em: EntityManager;
const service = () => new ImportService(em.fork(), recordingPubSub().pubSub, needCodes);
const importCsv = (csv: string) => service().importDocument('SYSTEM', parseImportFile('diagnostic.csv', csv));

beforeAll(async () => {
  db = await openTestDatabase();
  em = db.orm.em.fork();
  await service().importDocument('SYSTEM', { format: 'fe2i-import', version: 1, territories: [{ ref: 'csv-vallee', name: 'Vallée' }] });
});
afterAll(async () => {
  await db?.close();
});

const HEADER =
  'territory_ref;organization_ref;organization_name;organization_kind;naf;siren;insertion;site_ref;site_name;address;postal_code;city;' +
  'latitude;longitude;siret;flow_ref;direction;category;label;description;ewc_code;quantity;unit;period;physical_form;' +
  'available_months;visibility;current_destination;yearly_cost_eur';

/** Rows 2-3 hold one record whose description spans two lines: row numbers must still be a spreadsheet's. */
const CSV = [
  HEADER,
  'csv-vallee;acier;"Aciérie ""du Val""; SARL";company;24.10Z;417 401 239;non;acier-f;Laminoir;"23 rue du Laminoir";57190;Florange;' +
    '49,3252;6,1264;41740123900179;acier-laitier;OUTPUT;MATERIAL;Laitier;"Concassé; caractérisé\r\npour la route";10 02 02;' +
    '40 000;t;YEAR;SOLID;;PUBLIC;LANDFILL;600 000',
  'csv-vallee;acier;"Aciérie ""du Val""; SARL";COMPANY;24.10Z;417401239;;acier-f;Laminoir;23 rue du Laminoir;57190;Florange;' +
    '49,3252;6,1264;41740123900179;acier-chaleur;output;energy;Chaleur fatale;;;12,5;MWh;month;not applicable;1-4,10-12;TERRITORY;;',
  'csv-vallee;acier;;;;;;acier-s;Aciérie;;57270;Serémange-Erzange;49,32;6,09;;;;;;;;;;;;;;;',
  'csv-vallee;ressourcerie;Ressourcerie;SSE;;;oui;ress-1;Dépôt;;57700;Hayange;49,33;6,06;;ress-bois;INPUT;MATERIAL;Bois de palettes;;;5;tonne;WEEK;SOLID;;PRIVATE;;',
].join('\r\n');

describe('importing a CSV file', () => {
  it('reads repeated organisations and sites, quoted fields and decimal commas', async () => {
    const report = await importCsv(CSV);
    expect(report).toEqual({
      territories: { created: 0, updated: 0, unchanged: 0 },
      organizations: { created: 2, updated: 0, unchanged: 0 },
      sites: { created: 3, updated: 0, unchanged: 0 },
      flows: { created: 3, updated: 0, unchanged: 0 },
    });
    const check = em.fork();
    const acier = await check.findOneOrFail(Organization, { externalRef: 'acier' });
    expect([acier.name, acier.kind, acier.siren, acier.insertion]).toEqual(['Aciérie "du Val"; SARL', 'COMPANY', '417401239', false]);
    expect((await check.findOneOrFail(Organization, { externalRef: 'ressourcerie' })).insertion).toBe(true);
    const site = await check.findOneOrFail(Site, { externalRef: 'acier-f' });
    expect([site.latitude, site.longitude, site.siret]).toEqual([49.3252, 6.1264, '41740123900179']);
    expect(await check.count(Site, { organization: acier })).toBe(2);
    const slag = await check.findOneOrFail(ResourceFlow, { externalRef: 'acier-laitier' });
    expect([slag.description, slag.quantity, slag.yearlyCostEur, slag.currentDestination]).toEqual([
      'Concassé; caractérisé\r\npour la route', 40000, 600000, 'LANDFILL',
    ]);
    const heat = await check.findOneOrFail(ResourceFlow, { externalRef: 'acier-chaleur' });
    expect([heat.quantity, heat.unit, heat.yearlyQuantity, heat.physicalForm]).toEqual([12.5, 'MEGAWATT_HOUR', 150, 'NOT_APPLICABLE']);
    expect(heat.availableMonths).toEqual([1, 2, 3, 4, 10, 11, 12]);
    expect((await check.findOneOrFail(ResourceFlow, { externalRef: 'ress-bois' })).unit).toBe('TONNE');
  });

  it('changes nothing when the same CSV is imported again', async () => {
    const before = await tableCounts(em);
    const report = await importCsv(CSV);
    expect(report.flows).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(report.organizations).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await tableCounts(em)).toEqual(before);
  });

  it('adds a flow to an existing site named by its ref alone', async () => {
    const report = await importCsv('site_ref;flow_ref;direction;category;label;quantity;unit;period;visibility\nacier-s;acier-eau;INPUT;WATER;Eau;3;m3;DAY;PUBLIC\n');
    expect(report.sites).toEqual({ created: 0, updated: 0, unchanged: 0 });
    const flow = await em.fork().findOneOrFail(ResourceFlow, { externalRef: 'acier-eau' }, { populate: ['organization'] });
    expect(flow.organization.externalRef).toBe('acier');
  });

  it('reports repeated cells that disagree, with their row, among the other problems', async () => {
    const before = await tableCounts(em);
    // Split on CRLF: the description's line break splits row 2 in two pieces, so row N is rows[N].
    const rows = CSV.split('\r\n');
    rows[3] = rows[3].replace('Aciérie ""du Val""; SARL', 'Aciérie du Val').replace(';12,5;', ';-2;');
    rows[4] = rows[4].replace('acier;;;', 'acier;;;01.11Z');
    rows[5] = rows[5].replace('49,33', '200').replace(';5;tonne;', ';5;barils;');
    const error = await domainError(importCsv(rows.join('\r\n')));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.problems).toEqual([
      { field: 'organization_name', row: 3, message: '"Aciérie du Val" disagrees with row 2 ("Aciérie "du Val"; SARL") for the same organisation "acier"' },
      { field: 'naf', row: 4, message: '"01.11Z" disagrees with row 2 ("24.10Z") for the same organisation "acier"' },
      { field: 'latitude', row: 5, message: 'must be at most 90' },
      { field: 'quantity', row: 3, message: 'must be at least 0' },
      { field: 'unit', row: 5, message: expect.stringMatching(/^must be one of TONNE/) },
    ]);
    expect(error.message).toMatch(/row 3: organization_name: /);
    expect(await tableCounts(em)).toEqual(before);
  });

  it('reports unknown columns and rows that declare nothing', async () => {
    const error = await domainError(importCsv('flow_ref;quantité\n;\n;12\n'));
    expect(error.problems).toEqual([
      { field: 'quantité', row: 1, message: 'is not a column of the FE2I CSV format' },
      { field: '', row: 3, message: 'declares nothing: organization_ref, site_ref and flow_ref are all empty' },
    ]);
  });
});
