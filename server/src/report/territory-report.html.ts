import { formatNumber, reportWords } from './report-labels.js';
import type { ReportFigure, TerritoryReport } from './territory-report.model.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The report as a printable HTML page (self-contained: its style inline, no script, no external resource), which the
 * workspace shows in a sandboxed frame and the browser prints. Every text from the data is escaped.
 */
export function territoryReportHtml(report: TerritoryReport): string {
  const w = reportWords(report.language);
  const n = (value: number) => escape(formatNumber(value, report.language));
  const table = (figures: ReportFigure[]) =>
    figures.length === 0
      ? `<p class="none">${escape(w('none'))}</p>`
      : `<table><thead><tr><th>${escape(w('indicator'))}</th><th>${escape(w('unit'))}</th><th>${escape(w('low'))}</th><th>${escape(w('central'))}</th><th>${escape(w('high'))}</th></tr></thead><tbody>${figures
          .map((f) => `<tr><td>${escape(w(f.indicator))}</td><td>${escape(f.unit)}</td><td class="n">${n(f.low)}</td><td class="n"><strong>${n(f.central)}</strong></td><td class="n">${n(f.high)}</td></tr>`)
          .join('')}</tbody></table>`;
  const stages = report.stages
    .map(
      (s) =>
        `<h3>${escape(w(s.stage))} — ${s.synergyCount} ${escape(w('synergyCount'))} (${escape(w('once'))})</h3>${table(s.totals)}${
          s.expectedTotals.length ? `<p class="small">${escape(w(s.stage))} — ${escape(w('expected'))}</p>${table(s.expectedTotals)}` : ''
        }${
          s.grossTotals.length ? `<p class="small">${escape(w(s.stage))} — ${escape(w('gross'))}</p>${table(s.grossTotals)}` : ''
        }`,
    )
    .join('');
  const synergies = report.synergies.length
    ? report.synergies
        .map(
          (s) =>
            `<section class="synergy"><h3>${escape(w(s.kind))} — ${escape(s.title)}</h3><p class="small">${escape(w(s.status))} · ${escape(w('score'))} ${n(s.score)} · ${escape(w('parties'))} : ${escape(s.parties.join(' / '))}</p><ul class="small">${s.impacts
              .map((f) => `<li>${escape(w(f.indicator))} : ${n(f.central)} ${escape(f.unit)} (${n(f.low)} – ${n(f.high)})</li>`)
              .join('')}</ul></section>`,
        )
        .join('')
    : `<p class="none">${escape(w('none'))}</p>`;
  const projects = report.projects.length
    ? `<ul>${report.projects.map((p) => `<li>${escape(p.title)} — ${escape(w(p.stage))}</li>`).join('')}</ul>`
    : `<p class="none">${escape(w('none'))}</p>`;
  const sources = `<ol class="small">${report.sources.map((s) => `<li>${escape(s.citation)}${s.url ? ` — ${escape(s.url)}` : ''}</li>`).join('')}</ol>`;
  const title = `${w('title')} — ${report.territoryName}`;
  return `<!doctype html><html lang="${report.language === 'FR' ? 'fr' : 'en'}"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
body{font:14px/1.45 system-ui,sans-serif;color:#111;margin:24px;max-width:60rem}h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ccc}
h3{font-size:1rem;margin:1rem 0 .3rem}table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem}th,td{border-bottom:1px solid #ddd;padding:.25rem .4rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}.small{font-size:.85rem}.none{font-style:italic}.muted{color:#555}section.synergy{break-inside:avoid}
@media print{body{margin:0}h2{break-after:avoid}}</style></head><body>
<h1>${escape(title)}</h1><p class="muted">${escape(w('generatedOn'))} ${escape(report.generatedOn)}</p><p>${escape(w('intro'))}</p>
<h2>${escape(w('stages'))}</h2>${stages}
<h2>${escape(w('synergies'))} (${report.synergies.length} ${escape(w('synergiesShown'))} / ${report.synergyCount})</h2>${synergies}
<h2>${escape(w('projects'))} (${report.projectCount})</h2>${projects}
<h2>${escape(w('method'))}</h2><p>${escape(w('methodText'))}</p>${sources}
</body></html>`;
}
