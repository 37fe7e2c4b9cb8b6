import { describe, expect, it } from 'vitest';
import { territoryReportCsv } from './territory-report.csv.js';
import type { TerritoryReport } from './territory-report.model.js';

const report = (title: string): TerritoryReport => ({
  language: 'FR',
  territoryName: 'Val de Fensch',
  generatedOn: '2026-12-05',
  stages: [{ stage: 'SUGGESTED', synergyCount: 2, totals: [{ indicator: 'TONNES_DIVERTED', unit: 't', low: 1.5, central: 2, high: 3 }], expectedTotals: [], grossTotals: [] }],
  synergies: [],
  synergyCount: 0,
  projects: [{ title, stage: 'STUDY' }],
  projectCount: 1,
  sources: [],
});

describe('the report as CSV', () => {
  it('has a byte-order mark, a header and full-precision numbers with a dot', () => {
    const lines = territoryReportCsv(report('Réseau de chaleur')).slice(1).split('\r\n');
    expect(lines[0]).toBe('Rubrique;Étape;Libellé;Indicateur;Unité;Bas;Central;Haut');
    expect(lines[1]).toBe('Indicateurs par étape — comptés une fois;Suggérées;2 synergies;Tonnes détournées;t;1.5;2;3');
    expect(lines[2]).toBe('Projets;Étude;Réseau de chaleur;;;;;');
  });

  it('quotes separators and quotes, and defuses what a spreadsheet would run as a formula', () => {
    const csv = territoryReportCsv(report('=HYPERLINK("http://x";"clic")'));
    expect(csv).toContain(`Projets;Étude;"'=HYPERLINK(""http://x"";""clic"")";`);
    expect(territoryReportCsv(report('-2+3'))).toContain("Projets;Étude;'-2+3;");
    expect(territoryReportCsv(report('a\nb'))).toContain('Projets;Étude;"a\nb";');
  });
});

describe('the report as a page', () => {
  it('escapes every text from the data', async () => {
    const { territoryReportHtml } = await import('./territory-report.html.js');
    const html = territoryReportHtml(report('<img src=x onerror=alert(1)> & "co"'));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;');
    expect(html).not.toContain('<img');
  });
});
