import { badInput } from '../errors/domain-errors.js';

/** One record of a CSV file, keyed by the (trimmed, lower-cased) header. */
export interface CsvRow {
  /** 1-based row as a spreadsheet numbers it: the header is row 1, the first record row 2. */
  row: number;
  /** 1-based line of the file where the record starts (differs from `row` after a field holding line breaks). */
  line: number;
  values: Record<string, string>;
  /** Filled fields beyond the header's columns or under an unnamed one: worth reporting rather than dropping. */
  extraFields: number;
}

export interface CsvTable {
  delimiter: ';' | ',';
  headers: string[];
  rows: CsvRow[];
}

/**
 * RFC 4180 with what spreadsheets actually write: a UTF-8 BOM, CRLF or LF line ends, and `;` as the delimiter in
 * French Excel. The delimiter is guessed from the header line, which holds plain column names.
 */
export function parseCsv(text: string): CsvTable {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(content);
  const records = splitRecords(content, delimiter);
  if (records.length === 0 || records[0].fields.every((f) => f.trim() === '')) {
    throw badInput('The CSV file is empty: its first line must name the columns.');
  }
  const headers = records[0].fields.map((h) => h.trim().toLowerCase());
  const rows: CsvRow[] = [];
  records.slice(1).forEach((record, i) => {
    // Blank rows (an empty line, or only delimiters) still count in the numbering, as in the spreadsheet.
    if (record.fields.every((f) => f.trim() === '')) return;
    const values: Record<string, string> = {};
    headers.forEach((h, c) => {
      if (h !== '') values[h] = record.fields[c] ?? '';
    });
    // Spreadsheets often leave trailing unnamed columns: harmless while empty, a shifted row when not.
    const extra = record.fields.filter((f, c) => (c >= headers.length || headers[c] === '') && f.trim() !== '').length;
    rows.push({ row: i + 2, line: record.line, values, extraFields: extra });
  });
  return { delimiter, headers, rows };
}

function detectDelimiter(content: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of content) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

interface RawRecord {
  line: number;
  fields: string[];
}

function splitRecords(content: string, delimiter: string): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < content.length) {
    const ch = content[i];
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped, as spreadsheets do).
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && content[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted) throw badInput(`The CSV file is malformed: the quoted field opened on line ${quoteLine} is never closed.`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
