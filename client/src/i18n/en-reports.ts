import type { frReports } from './fr-reports';

/** English messages of the territory report. */
export const enReports: Record<keyof typeof frReports, string> = {
  'nav.report': 'Report',
  'report.title': 'Territory report',
  'report.intro':
    'For funders: indicators by stage (counted once, with their range), the synergies, the projects, the method and the sources — as you may see them.',
  'report.territory': 'Territory',
  'report.print': 'Print',
  'report.pdf': 'Download the PDF',
  'report.csv': 'Download the CSV',
  'report.preparing': 'Preparing the file…',
  'report.frame': 'Printable preview of the report',
  'report.table': 'Table of indicators (scrolls sideways on a narrow screen)',
  'report.none': 'You belong to no territory: there is no report to show.',
  'report.error': 'The report could not be prepared: {message}',
};
