import type { FieldProblem } from '../errors/domain-errors.js';
import { FlowUnit } from '../vocabulary/flow.enums.js';
import { parseCsv, type CsvRow } from './csv.js';
import type { ImportDocument } from './import-format.js';
import { attachSource, type ImportSource, type RecordKind } from './import-source.js';

/**
 * The CSV import format (docs/import-format.md): one row per flow, with its organisation's and site's columns
 * repeated on every row so that a spreadsheet can be filled without lookups. Read into an ImportDocument, so
 * that CSV and JSON go through the same validation.
 */

type Converter = (cell: string) => unknown;
interface Column {
  field: string;
  convert?: Converter;
}

const ORGANIZATION_COLUMNS: Record<string, Column> = {
  territory_ref: { field: 'territoryRef' },
  organization_name: { field: 'name' },
  organization_kind: { field: 'kind', convert: upper },
  naf: { field: 'naceCode' },
  siren: { field: 'siren', convert: compact },
  insertion: { field: 'insertion', convert: toBoolean },
};

const SITE_COLUMNS: Record<string, Column> = {
  // A site belongs to one organisation: the organisation's ref must agree across the site's rows too.
  organization_ref: { field: 'organizationRef' },
  site_name: { field: 'name' },
  address: { field: 'address' },
  postal_code: { field: 'postalCode' },
  city: { field: 'city' },
  latitude: { field: 'latitude', convert: toNumber },
  longitude: { field: 'longitude', convert: toNumber },
  siret: { field: 'siret', convert: compact },
};

const FLOW_COLUMNS: Record<string, Column> = {
  direction: { field: 'direction', convert: upper },
  category: { field: 'category', convert: upper },
  label: { field: 'label' },
  description: { field: 'description' },
  ewc_code: { field: 'ewcCode' },
  need_code: { field: 'needCode' },
  quantity: { field: 'quantity', convert: toNumber },
  unit: { field: 'unit', convert: toUnit },
  period: { field: 'period', convert: upper },
  physical_form: { field: 'physicalForm', convert: upper },
  temperature_c: { field: 'temperatureC', convert: toNumber },
  available_months: { field: 'availableMonths', convert: toMonths },
  visibility: { field: 'visibility', convert: upper },
  status: { field: 'status', convert: upper },
  current_destination: { field: 'currentDestination', convert: upper },
  yearly_cost_eur: { field: 'yearlyCostEur', convert: toNumber },
  heat_supply: { field: 'heatSupply', convert: upper },
  heat_supply_efficiency: { field: 'heatSupplyEfficiency', convert: toNumber },
  heat_network_name: { field: 'heatNetworkName' },
  heat_network_co2_g_per_kwh: { field: 'heatNetworkCo2GPerKwh', convert: toNumber },
  used_share_today: { field: 'usedShareToday', convert: toNumber },
};

const REF_COLUMNS = { organizations: 'organization_ref', sites: 'site_ref', flows: 'flow_ref' } as const;

/** Every column of the format, in the order of the documentation and of an export. */
export const CSV_COLUMNS = [
  'territory_ref', 'organization_ref', 'organization_name', 'organization_kind', 'naf', 'siren', 'insertion',
  'site_ref', 'site_name', 'address', 'postal_code', 'city', 'latitude', 'longitude', 'siret',
  'flow_ref', ...Object.keys(FLOW_COLUMNS),
];

type CsvKind = keyof typeof REF_COLUMNS;

/** A record being assembled from the rows that mention it. */
interface Draft {
  ref: string;
  firstRow: number;
  fields: Record<string, unknown>;
  /** Row where each field was first stated: problems about it point there. */
  statedAt: Record<string, number>;
}

/** Reads a CSV file into an import document whose problems name CSV columns and rows. */
export function csvToImportDocument(content: string): ImportDocument {
  const table = parseCsv(content);
  const problems: FieldProblem[] = [];
  const known = new Set(CSV_COLUMNS);
  table.headers.forEach((h, i) => {
    if (h === '') return;
    if (!known.has(h)) problems.push({ field: h, message: 'is not a column of the FE2I CSV format', row: 1 });
    else if (table.headers.indexOf(h) !== i) problems.push({ field: h, message: 'appears twice in the header', row: 1 });
  });

  const drafts: Record<CsvKind, Map<string, Draft>> = { organizations: new Map(), sites: new Map(), flows: new Map() };
  for (const row of table.rows) {
    if (row.extraFields > 0) {
      problems.push({ field: '', message: `has ${row.extraFields} value(s) outside the columns named in the header`, row: row.row });
    }
    readRow(row, drafts, problems);
  }

  // An organisation or site named only by its ref refers to an existing record: it is not redeclared.
  const orgs = [...drafts.organizations.values()].filter((d) => Object.keys(d.fields).some((f) => f !== 'ref'));
  const sites = [...drafts.sites.values()].filter((d) => Object.keys(d.fields).some((f) => f !== 'ref' && f !== 'organizationRef'));
  const flows = [...drafts.flows.values()];
  const document: ImportDocument = {
    format: 'fe2i-import',
    version: 1,
    organizations: orgs.map((d) => ({ ...d.fields, ref: d.ref }) as never),
    sites: sites.map((d) => ({ ...d.fields, ref: d.ref }) as never),
    flows: flows.map((d) => ({ ...d.fields, ref: d.ref }) as never),
  };
  const byKind: Record<RecordKind, Draft[]> = { territories: [], organizations: orgs, sites, flows };
  const source: ImportSource = {
    problems,
    locate(kind, index, field) {
      const draft = byKind[kind][index];
      return { field: columnOf(kind, field), row: draft?.statedAt[field] ?? draft?.firstRow };
    },
  };
  return attachSource(document, source);
}

function readRow(row: CsvRow, drafts: Record<CsvKind, Map<string, Draft>>, problems: FieldProblem[]) {
  const cell = (column: string) => (row.values[column] ?? '').trim();
  const orgRef = cell('organization_ref');
  const siteRef = cell('site_ref');
  const flowRef = cell('flow_ref');
  const filled = (columns: Record<string, Column>) => Object.keys(columns).some((c) => c !== 'organization_ref' && cell(c) !== '');

  if (orgRef) merge(drafts.organizations, orgRef, ORGANIZATION_COLUMNS, row, 'organisation', problems);
  else if (filled(ORGANIZATION_COLUMNS)) problems.push({ field: 'organization_ref', message: 'is required when organisation columns are filled', row: row.row });

  if (siteRef) merge(drafts.sites, siteRef, SITE_COLUMNS, row, 'site', problems);
  else if (filled(SITE_COLUMNS)) problems.push({ field: 'site_ref', message: 'is required when site columns are filled', row: row.row });

  if (flowRef) {
    const earlier = drafts.flows.get(flowRef);
    if (earlier) {
      problems.push({ field: 'flow_ref', message: `"${flowRef}" is already used on row ${earlier.firstRow}: one row per flow`, row: row.row });
    } else {
      const draft = merge(drafts.flows, flowRef, FLOW_COLUMNS, row, 'flow', problems);
      draft.fields.siteRef = siteRef;
      draft.statedAt.siteRef = row.row;
    }
  } else if (filled(FLOW_COLUMNS)) {
    problems.push({ field: 'flow_ref', message: 'is required when flow columns are filled (leave them empty on a row that only declares an organisation or a site)', row: row.row });
  } else if (!orgRef && !siteRef) {
    problems.push({ field: '', message: 'declares nothing: organization_ref, site_ref and flow_ref are all empty', row: row.row });
  }
}

/** Adds a row's cells to a record; a cell that repeats an earlier one must agree with it (empty = not stated). */
function merge(
  drafts: Map<string, Draft>,
  ref: string,
  columns: Record<string, Column>,
  row: CsvRow,
  what: string,
  problems: FieldProblem[],
): Draft {
  let draft = drafts.get(ref);
  if (!draft) {
    draft = { ref, firstRow: row.row, fields: {}, statedAt: {} };
    drafts.set(ref, draft);
  }
  for (const [column, { field, convert }] of Object.entries(columns)) {
    const raw = (row.values[column] ?? '').trim();
    if (raw === '') continue;
    const value = convert ? convert(raw) : raw;
    if (!(field in draft.fields)) {
      draft.fields[field] = value;
      draft.statedAt[field] = row.row;
    } else if (JSON.stringify(draft.fields[field]) !== JSON.stringify(value)) {
      const first = draft.statedAt[field];
      problems.push({
        field: column,
        message: `"${raw}" disagrees with row ${first} ("${show(draft.fields[field])}") for the same ${what} "${ref}"`,
        row: row.row,
      });
    }
  }
  return draft;
}

function columnOf(kind: RecordKind, field: string): string {
  if (field === 'ref' && kind !== 'territories') return REF_COLUMNS[kind];
  if (kind === 'flows' && field === 'siteRef') return 'site_ref';
  const columns = kind === 'organizations' ? ORGANIZATION_COLUMNS : kind === 'sites' ? SITE_COLUMNS : FLOW_COLUMNS;
  return Object.entries(columns).find(([, c]) => c.field === field)?.[0] ?? field;
}

function show(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

// Converters keep a cell they cannot read as it is, so that validation reports it on its row and column.

/** SIREN and SIRET are often written in digit groups: "417 401 239" repeats "417401239". */
function compact(cell: string): string {
  return cell.replace(/[\s\u00a0\u202f]/g, '');
}

function upper(cell: string): string {
  return cell.toUpperCase().replace(/[\s-]+/g, '_');
}

/** Unit names in any case ("tonne"); symbols (t, MWh…) are matched by the validation. */
function toUnit(cell: string): string {
  const name = cell.toUpperCase();
  return (Object.values(FlowUnit) as string[]).includes(name) ? name : cell;
}

/** Accepts the decimal comma of French spreadsheets and the (non-breaking) spaces they group digits with. */
export function toNumber(cell: string): number | string {
  const compact = cell.replace(/[\s\u00a0\u202f]/g, '');
  const normalized = /^[-+]?\d*,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalized)) return cell;
  return Number(normalized);
}

function toBoolean(cell: string): boolean | string {
  if (/^(oui|yes|true|vrai|1|x)$/i.test(cell)) return true;
  if (/^(non|no|false|faux|0)$/i.test(cell)) return false;
  return cell;
}

/** "1-4,10-12", "1,2,3" or "11-2" (November to February, across the new year). */
export function toMonths(cell: string): number[] | string {
  const months: number[] = [];
  for (const part of cell.split(/[,;\s]+/).filter(Boolean)) {
    const range = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(part);
    if (!range) return cell;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from < 1 || from > 12 || to < 1 || to > 12) return cell;
    for (let m = from; ; m = (m % 12) + 1) {
      months.push(m);
      if (m === to) break;
    }
  }
  return months.length > 0 ? months : cell;
}
