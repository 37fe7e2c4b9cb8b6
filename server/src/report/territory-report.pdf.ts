import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatNumber, reportWords } from './report-labels.js';
import type { ReportFigure, TerritoryReport } from './territory-report.model.js';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (file: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let loaded: PdfMake | undefined;

/**
 * pdfmake, loaded with the first PDF asked for rather than with the server: it and its fonts' code are a large share
 * of start-up and idle memory, for a report made now and then. pdfmake 0.3 on the server: fonts read from its own
 * package, never a URL (no download at run time).
 */
function pdfMake(): PdfMake {
  if (loaded) return loaded;
  const pdfmake = require('pdfmake') as PdfMake;
  const fontsDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(fontsDir, 'Roboto-Regular.ttf'),
      bold: path.join(fontsDir, 'Roboto-Medium.ttf'),
      italics: path.join(fontsDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fontsDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontsDir));
  return (loaded = pdfmake);
}

function figureTable(report: TerritoryReport, figures: ReportFigure[]): Content {
  const w = reportWords(report.language);
  const n = (value: number) => formatNumber(value, report.language);
  if (figures.length === 0) return { text: w('none'), italics: true, margin: [0, 0, 0, 6] };
  const header: TableCell[] = [w('indicator'), w('unit'), w('low'), w('central'), w('high')].map((text) => ({ text, bold: true }));
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto', 'auto', 'auto'],
      body: [header, ...figures.map((f) => [w(f.indicator), f.unit, { text: n(f.low), alignment: 'right' }, { text: n(f.central), alignment: 'right', bold: true }, { text: n(f.high), alignment: 'right' }] as TableCell[])],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

/** The report as a PDF, made on the server by pdfmake (no browser). */
export async function territoryReportPdf(report: TerritoryReport): Promise<Buffer> {
  const w = reportWords(report.language);
  const content: Content[] = [
    { text: `${w('title')} — ${report.territoryName}`, style: 'title' },
    { text: `${w('generatedOn')} ${report.generatedOn}`, color: '#555', margin: [0, 0, 0, 8] },
    { text: w('intro'), margin: [0, 0, 0, 10] },
    { text: w('stages'), style: 'heading' },
  ];
  for (const stage of report.stages) {
    content.push({ text: `${w(stage.stage)} — ${stage.synergyCount} ${w('synergyCount')} (${w('once')})`, style: 'subheading' });
    content.push(figureTable(report, stage.totals));
    if (stage.expectedTotals.length) {
      content.push({ text: `${w(stage.stage)} — ${w('expected')}`, style: 'small' });
      content.push(figureTable(report, stage.expectedTotals));
    }
    if (stage.grossTotals.length) {
      content.push({ text: `${w(stage.stage)} — ${w('gross')}`, style: 'small' });
      content.push(figureTable(report, stage.grossTotals));
    }
  }
  content.push({ text: `${w('synergies')} (${report.synergies.length} ${w('synergiesShown')} / ${report.synergyCount})`, style: 'heading', pageBreak: 'before' });
  if (report.synergies.length === 0) content.push({ text: w('none'), italics: true });
  for (const s of report.synergies) {
    content.push({ text: `${w(s.kind)} — ${s.title} · ${w(s.status)} · ${w('score')} ${formatNumber(s.score, report.language)}`, style: 'subheading' });
    content.push({ text: `${w('parties')} : ${s.parties.join(' / ')}`, style: 'small' });
    content.push({
      ul: s.impacts.map((f) => `${w(f.indicator)} : ${formatNumber(f.central, report.language)} ${f.unit} (${formatNumber(f.low, report.language)} – ${formatNumber(f.high, report.language)})`),
      style: 'small',
      margin: [0, 0, 0, 6],
    });
  }
  content.push({ text: `${w('projects')} (${report.projectCount})`, style: 'heading' });
  content.push(report.projects.length ? { ul: report.projects.map((p) => `${p.title} — ${w(p.stage)}`) } : { text: w('none'), italics: true });
  content.push({ text: w('method'), style: 'heading' });
  content.push({ text: w('methodText'), margin: [0, 0, 0, 6] });
  content.push({ ol: report.sources.map((s) => (s.url ? `${s.citation} — ${s.url}` : s.citation)), style: 'small' });

  return pdfMake()
    .createPdf({
      info: { title: `${w('title')} — ${report.territoryName}`, creator: 'FE2I' },
      pageSize: 'A4',
      pageMargins: [40, 48, 40, 48],
      footer: (page: number, pages: number) => ({ text: `FE2I — ${report.territoryName} — ${page}/${pages}`, alignment: 'center', fontSize: 8, color: '#777' }),
      content,
      defaultStyle: { font: 'Roboto', fontSize: 10 },
      styles: {
        title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
        heading: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
        subheading: { fontSize: 11, bold: true, margin: [0, 6, 0, 3] },
        small: { fontSize: 9 },
      },
    })
    .getBuffer();
}
