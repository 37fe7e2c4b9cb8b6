import { badInput, ProblemList } from '../errors/domain-errors.js';
import type { ImportSource, RecordKind } from './import-source.js';

/** A record of the document as it arrived: nothing about its fields is known yet. */
export type RawRecord = Record<string, unknown>;

export type RawRecords = Record<RecordKind, RawRecord[]>;

export const RECORD_KINDS: RecordKind[] = ['territories', 'organizations', 'sites', 'flows'];

/** The fields of each record type (import-format.ts): anything else is most likely a typo worth reporting. */
const FIELDS: Record<RecordKind, string[]> = {
  territories: ['ref', 'name', 'parentRef', 'description'],
  organizations: ['ref', 'name', 'kind', 'territoryRef', 'naceCode', 'siren', 'description', 'website', 'insertion'],
  sites: ['ref', 'organizationRef', 'name', 'address', 'postalCode', 'city', 'latitude', 'longitude', 'siret'],
  flows: [
    'ref', 'siteRef', 'direction', 'category', 'label', 'description', 'ewcCode', 'needCode', 'quantity', 'unit', 'period',
    'physicalForm', 'temperatureC', 'availableMonths', 'visibility', 'status', 'currentDestination', 'yearlyCostEur',
    'heatSupply', 'heatSupplyEfficiency', 'heatNetworkName', 'heatNetworkCo2GPerKwh', 'usedShareToday',
  ],
};

const MAX_REF_LENGTH = 100;

/** Reports a record's problems where the user will look for them: a JSON path, or a CSV column and row. */
export class RecordProblems extends ProblemList {
  constructor(
    private readonly target: ProblemList,
    private readonly source: ImportSource,
    private readonly kind: RecordKind,
    private readonly index: number,
  ) {
    super();
  }

  override add(field: string, message: string, row?: number): void {
    const where = this.source.locate(this.kind, this.index, field);
    this.target.add(where.field, message, where.row ?? row);
  }
}

/**
 * Checks the envelope and the shape of every record. Stops at once only when the file is not an FE2I import
 * document at all (reporting its records' fields would be noise); otherwise returns the records to validate.
 */
export function readEnvelope(doc: unknown, problems: ProblemList): RawRecords {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw badInput('The import was rejected: the file is not an FE2I import document (expected a JSON object).', [
      { field: '', message: 'must be a JSON object with "format": "fe2i-import"' },
    ]);
  }
  const envelope = doc as Record<string, unknown>;
  const fatal = new ProblemList();
  if (envelope.format !== 'fe2i-import') fatal.add('format', 'must be "fe2i-import"');
  if (envelope.version !== 1) fatal.add('version', 'must be 1 (the only version this server reads)');
  fatal.throwIfAny('The import was rejected: nothing was changed.');

  for (const key of Object.keys(envelope)) {
    if (!['format', 'version', ...RECORD_KINDS].includes(key)) problems.add(key, 'is not a part of the import format');
  }
  const records = {} as RawRecords;
  for (const kind of RECORD_KINDS) {
    const list = envelope[kind];
    records[kind] = [];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      problems.add(kind, 'must be a list');
      continue;
    }
    list.forEach((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        problems.add(`${kind}[${index}]`, 'must be an object');
        records[kind].push({});
      } else {
        records[kind].push(item as RawRecord);
      }
    });
  }
  return records;
}

/**
 * Checks every record's ref and fields' names; returns, per type, the index of the record holding each valid ref
 * (the first, when a ref is repeated: the repeats are reported).
 */
export function checkRefs(records: RawRecords, problems: ProblemList, source: ImportSource) {
  const indexByRef = {} as Record<RecordKind, Map<string, number>>;
  for (const kind of RECORD_KINDS) {
    const seen = new Map<string, number>();
    records[kind].forEach((record, index) => {
      const at = new RecordProblems(problems, source, kind, index);
      for (const key of Object.keys(record)) {
        if (!FIELDS[kind].includes(key)) at.add(key, `is not a field of ${kind} records`);
      }
      const ref = refValue(at, record, 'ref', true);
      if (ref === undefined) return;
      const first = seen.get(ref);
      if (first === undefined) seen.set(ref, index);
      else {
        const where = source.locate(kind, first, 'ref');
        at.add('ref', `"${ref}" is already the ref of ${where.row ? `row ${where.row}` : `${kind}[${first}]`}: refs must be unique`);
      }
    });
    indexByRef[kind] = seen;
  }
  return indexByRef;
}

/** A reference field: text of 1 to 100 characters, or undefined (a problem is added when it is required). */
export function refValue(problems: ProblemList, record: RawRecord, field: string, required: boolean): string | undefined {
  const value = record[field];
  if (value === undefined || value === null || value === '') {
    if (required) problems.add(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.add(field, 'must be text');
    return undefined;
  }
  if (value.trim() === '') {
    problems.add(field, 'must not be blank');
    return undefined;
  }
  if (value.length > MAX_REF_LENGTH) {
    problems.add(field, `must be at most ${MAX_REF_LENGTH} characters`);
    return undefined;
  }
  return value;
}

/** An optional text field handed to checks that expect a string (a number there would make them throw). */
export function textValue(problems: ProblemList, record: RawRecord, field: string): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.add(field, 'must be text');
    return undefined;
  }
  return value;
}
