import type { frImport } from './fr-import';

/** English messages of the import page. */
export const enImport: Record<keyof typeof frImport, string> = {
  'nav.import': 'Import',
  'import.title': 'Import data',
  'import.intro':
    'A JSON or CSV file of organisations, sites and flows (format in docs/import-format.md), into the territories you facilitate. All or nothing: if a row has a problem, nothing is changed and every problem is listed with its row. Importing the same file again creates no duplicate.',
  'import.file': 'File to import (.json or .csv)',
  'import.hint': 'CSV: one row per flow, ; or , delimiter detected, UTF-8 (Excel’s “CSV UTF-8”).',
  'import.wrongType': 'Only .json and .csv files are read.',
  'import.submit': 'Import',
  'import.running': 'Importing…',
  'import.done': 'Import of {file} done',
  'import.kind': 'Records',
  'import.kind.territories': 'Territories',
  'import.kind.organizations': 'Organisations',
  'import.kind.sites': 'Sites',
  'import.kind.flows': 'Flows',
  'import.created': 'Created',
  'import.updated': 'Updated',
  'import.unchanged': 'Unchanged',
  'import.rejected': 'File refused: {count} problem(s), nothing was changed',
  'import.failed': 'The import could not be made',
  'import.problems': 'Problems, by row',
  'import.row': 'Row',
  'import.field': 'Field',
  'import.problem': 'Problem',
};
