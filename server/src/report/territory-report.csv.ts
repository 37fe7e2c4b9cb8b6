import { reportWords } from './report-labels.js';
import type { ReportFigure, TerritoryReport } from './territory-report.model.js';

/** A CSV field: quoted when it holds the separator, a quote or a line break; a leading =,+,-,@ is defused. */
function field(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A spreadsheet would run a cell starting with = + - @ as a formula (CSV injection): an apostrophe keeps it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as one CSV table, a row per figure: section, stage, label, indicator, unit, low, central, high.
 * Semicolon-separated with a UTF-8 byte-order mark and full-precision numbers with a dot, which spreadsheets in
 * French and English both open as numbers.
 */
export function territoryReportCsv(report: TerritoryReport): string {
  const w = reportWords(report.language);
  const rows: (string | number)[][] = [[w('section'), w('stage'), w('label'), w('indicator'), w('unit'), w('low'), w('central'), w('high')]];
  const figures = (section: string, stage: string, label: string, list: ReportFigure[]) => {
    for (const f of list) rows.push([section, stage, label, w(f.indicator), f.unit, f.low, f.central, f.high]);
  };
  for (const stage of report.stages) {
    figures(`${w('stages')} — ${w('once')}`, w(stage.stage), `${stage.synergyCount} ${w('synergyCount')}`, stage.totals);
  }
  for (const stage of report.stages) {
    figures(`${w('stages')} — ${w('expected')}`, w(stage.stage), `${stage.synergyCount} ${w('synergyCount')}`, stage.expectedTotals);
  }
  for (const stage of report.stages) {
    figures(`${w('stages')} — ${w('gross')}`, w(stage.stage), `${stage.synergyCount} ${w('synergyCount')}`, stage.grossTotals);
  }
  for (const s of report.synergies) {
    figures(w('synergies'), w(s.status), `${w(s.kind)} — ${s.title} — ${s.parties.join(' / ')}`, s.impacts);
  }
  for (const p of report.projects) rows.push([w('projects'), w(p.stage), p.title, '', '', '', '', '']);
  return `\uFEFF${rows.map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}
