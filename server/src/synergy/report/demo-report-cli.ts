import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectSynergies } from '../engine/detector.js';
import type { DetectedSynergy } from '../engine/engine.types.js';
import { renderExplanation } from '../engine/explanation.js';
import { allocateQuantities, sumFigures, type AllocationSynergy, type ImpactTotal } from '../engine/allocation.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { figuresFor } from '../engine/declared-baseline.js';
import { expectedTotals, REALISATION } from '../engine/realisation.js';
import { loadDemoTerritory } from './demo-territory-flows.js';

/**
 * `npm run synergy:report -w server`: runs the pure engine on the demo territory file and writes
 * docs/demo-synergies.md — what a facilitator reviews, by kind, best first, with the explanation rendered in French.
 */
const root = path.resolve(import.meta.dirname, '../../../..');
const kb = loadKnowledgeBase();
const { flows, organizationName } = loadDemoTerritory(kb);

const synergies = detectSynergies(flows, kb);
const label = (id: string) => {
  const f = flows.find((x) => x.id === id)!;
  return `${organizationName(f.organizationId)} — ${f.label}`;
};
// The report is a facilitator's view: figures built on declared counterfactuals.
const facilitatorFigures = (s: DetectedSynergy) => figuresFor(s.impacts, () => true);
const central = (s: DetectedSynergy, indicator: string) => facilitatorFigures(s).filter((i) => i.indicator === indicator).reduce((n, i) => n + i.central, 0);
const section = (kind: string, top: number) => {
  const list = synergies.filter((s) => s.kind === kind);
  const lines = [`## ${kind === 'SUBSTITUTION' ? 'Substitutions' : 'Mutualisations'} (${list.length} found, ${Math.min(top, list.length)} best shown)`, ''];
  for (const s of list.slice(0, top)) {
    const p = kb.pathways.find((x) => x.id === s.pathwayId)!;
    lines.push(`### ${p.labelFr} — score ${s.score.toFixed(2)}`, '');
    for (const id of s.flowIds) lines.push(`- ${label(id)}`);
    lines.push('', ...renderExplanation(s.explanation, kb, 'fr').map((x) => `> ${x}`), '');
    lines.push(`Impacts (central): ${['TONNES_DIVERTED', 'MWH_RECOVERED', 'CO2E_AVOIDED_T', 'JOBS', 'INSERTION_JOBS'].map((i) => `${i} ${central(s, i).toFixed(1)}`).join(' · ')}`, '');
  }
  return lines.join('\n');
};

/**
 * Totals over every synergy found, each flow counted once (engine/allocation.ts, as `territoryImpact` does), with
 * the gross potential beside: the plain sum, which counts competing suggestions as many times as they are made.
 */
const totalsSection = () => {
  const byId = new Map(flows.map((f) => [f.id, f]));
  const shown: AllocationSynergy[] = synergies.map((s) => ({
    key: s.key,
    kind: s.kind,
    stage: 'SUGGESTED',
    score: s.score,
    unit: s.explanation.unit,
    matchedQuantity: s.explanation.matchedQuantity,
    flows: s.flowIds.map((id) => byId.get(id)!),
    impacts: facilitatorFigures(s),
    viabilityThreshold: kb.pathways.find((p) => p.id === s.pathwayId)?.viabilityThreshold,
  }));
  const once = sumFigures(allocateQuantities(shown).flatMap((s) => s.impacts));
  const expected = expectedTotals(once, 'SUGGESTED');
  const gross = sumFigures(shown.flatMap((s) => s.impacts));
  const find = (list: ImpactTotal[], t: ImpactTotal) => list.find((x) => x.indicator === t.indicator && x.unit === t.unit);
  const rows = gross.map((g) => {
    // Jobs to a tenth of a job, the rest to the unit.
    const n = (x: number | undefined) => (x ?? 0).toLocaleString('en-GB', { maximumFractionDigits: g.unit === 'FTE' ? 1 : 0 });
    const o = find(once, g);
    const change = g.central > 0 ? ` (${Math.round(((o?.central ?? 0) / g.central - 1) * 100)} %)` : '';
    const e = find(expected, g);
    return `| ${g.indicator} | ${g.unit} | ${n(o?.central)} (${n(o?.low)}–${n(o?.high)})${change} | ${n(g.central)} (${n(g.low)}–${n(g.high)}) | ${n(e?.central)} (${n(e?.low)}–${n(e?.high)}) |`;
  });
  return [
    '## Totals',
    '',
    'Once counted: each output and input contributes at most its declared quantity across all the synergies below, allocated greedily (substitutions before pools, highest score first; docs/impact-method.md §7) — what they give if they happen. Gross potential: the plain sum, which counts competing suggestions as many times as they are made — an upper bound, not a figure to report. Expected: the once-counted totals × the probability that a suggested synergy happens (below; docs/impact-method.md § 1) — the central to quote for what the territory can expect of these suggestions.',
    '',
    '| indicator | unit | once counted, central (low–high) | gross potential, central (low–high) | expected, central (low–high) |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    realisationNote(),
    '',
  ].join('\n');
};

/**
 * How likely a suggestion is to happen, and where that comes from: the knowledge base's cited count (PNSI), the
 * probability of engine/realisation.ts, printed with its source text so that a reader checks the numbers against it.
 */
const realisationNote = (): string => {
  const r = REALISATION.SUGGESTED;
  const source = kb.sources.find((s) => s.id === r.sourceId);
  if (!source) throw new Error(`knowledge base lacks source ${r.sourceId} (how many detected synergies happen)`);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return `The once-counted totals are what the suggestions give **if they happen**, on the expected share of each match taken up (85 %, 70–100 %: an assumption, docs/impact-method.md § 1). The expected column multiplies them by the probability that a suggested synergy happens: ${pct(r.probability.central)} (low ${pct(r.probability.low)}, high ${pct(r.probability.high)}; ${r.basis}) — \`${source.id}\`: ${source.citation}`;
};

const out = [
  '# Synergies the engine finds on the demo territory',
  '',
  `Generated by \`npm run synergy:report -w server\` from \`server/src/demo/demo-territory.json\` with knowledge base ${kb.version}: ${flows.length} active flows, ${synergies.length} synergies. All companies are fictional. The project developers' review of these suggestions, read from a facilitator's point of view, is in \`docs/demo-synergies-review.md\`.`,
  '',
  totalsSection(),
  section('SUBSTITUTION', 30),
  section('MUTUALISATION', 15),
].join('\n');
writeFileSync(path.join(root, 'docs/demo-synergies.md'), out + '\n');
console.log(`Wrote docs/demo-synergies.md: ${synergies.length} synergies (${synergies.filter((s) => s.kind === 'SUBSTITUTION').length} substitutions).`);
