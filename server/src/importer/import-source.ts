import type { FieldProblem } from '../errors/domain-errors.js';

export type RecordKind = 'territories' | 'organizations' | 'sites' | 'flows';

/**
 * Where the records of a document came from, so that a problem points at what the user edits: a JSON path
 * (`flows[12].ewcCode`) for a JSON file, a column and a row (`ewc_code`, row 14) for a CSV file.
 */
export interface ImportSource {
  /** Locates a problem about `field` of record `index` of `kind`; an empty `field` means the record itself. */
  locate(kind: RecordKind, index: number, field: string): { field: string; row?: number };
  /** Problems found while reading the file (e.g. repeated CSV cells that disagree), reported with the others. */
  problems: FieldProblem[];
}

export const jsonSource: ImportSource = {
  locate: (kind, index, field) => ({ field: field ? `${kind}[${index}].${field}` : `${kind}[${index}]` }),
  problems: [],
};

// parseImportFile returns a plain ImportDocument (the contract); the rows it came from ride beside it here, so that
// `importDocument(viewer, parseImportFile(name, text))` reports CSV rows without the caller threading them through.
const SOURCES = new WeakMap<object, ImportSource>();

export function attachSource<T extends object>(document: T, source: ImportSource): T {
  SOURCES.set(document, source);
  return document;
}

export function sourceOf(document: unknown): ImportSource | undefined {
  return typeof document === 'object' && document !== null ? SOURCES.get(document) : undefined;
}
