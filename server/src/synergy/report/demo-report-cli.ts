import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ProblemList } from '../../errors/domain-errors.js';
import { FlowStatus } from '../../vocabulary/flow.enums.js';
import { checkFlowFields } from '../../flow/flow.validation.js';
import type { ImportDocument } from '../../importer/import-format.js';
import { allocateQuantities, sumFigures, type AllocationSynergy, type ImpactTotal } from '../engine/allocation.js';
import { detectSynergies } from '../engine/detector.js';
import type { DetectedSynergy, EngineFlow } from '../engine/engine.types.js';
import { renderExplanation } from '../engine/explanation.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';

/**
 * `npm run synergy:report -w server`: runs the pure engine on the demo territory file and writes
 * docs/demo-synergies.md — what a facilitator reviews, by kind, best first, with the explanation rendered in French.
 */
const root = path.resolve(import.meta.dirname, '../../../..');
const doc = JSON.parse(readFileSync(path.join(root, 'server/src/demo/demo-territory.json'), 'utf8')) as ImportDocument;
const kb = loadKnowledgeBase();
const needCodes = new Set(kb.needs.map((n) => n.code));
const orgs = new Map((doc.organizations ?? []).map((o) => [o.ref, o]));
const sites = new Map((doc.sites ?? []).map((s) => [s.ref, s]));
// Each flow is checked and completed (hazard, yearly quantity, unit) by the importer's own validation, so the report
// sees the demo flows exactly as an import stores them.
const flows: EngineFlow[] = (doc.flows ?? []).flatMap((f, row) => {
  const problems = new ProblemList();
  const clean = checkFlowFields(problems, f, needCodes, row + 1);
  problems.throwIfAny(`demo-territory.json: flow ${f.ref} is invalid.`);
  if (clean.status !== FlowStatus.ACTIVE) return [];
  const site = sites.get(f.siteRef)!;
  const org = orgs.get(site.organizationRef)!;
  return [
    {
      ...clean,
      id: f.ref,
      organizationId: org.ref,
      siteId: site.ref,
      territoryId: org.territoryRef,
      latitude: site.latitude,
      longitude: site.longitude,
      organizationKind: org.kind,
      insertion: Boolean(org.insertion),
      naceCode: org.naceCode ?? null,
    },
  ];
});

const synergies = detectSynergies(flows, kb);
const label = (id: string) => {
  const f = flows.find((x) => x.id === id)!;
  return `${orgs.get(f.organizationId)!.name} — ${f.label}`;
};
const central = (s: DetectedSynergy, indicator: string) => s.impacts.filter((i) => i.indicator === indicator).reduce((n, i) => n + i.central, 0);
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
    impacts: s.impacts,
  }));
  const once = sumFigures(allocateQuantities(shown).flatMap((s) => s.impacts));
  const gross = sumFigures(shown.flatMap((s) => s.impacts));
  const find = (list: ImpactTotal[], t: ImpactTotal) => list.find((x) => x.indicator === t.indicator && x.unit === t.unit);
  const n = (x: number | undefined) => Math.round(x ?? 0).toLocaleString('en-GB');
  const rows = gross.map((g) => {
    const o = find(once, g);
    const change = g.central > 0 ? ` (${Math.round(((o?.central ?? 0) / g.central - 1) * 100)} %)` : '';
    return `| ${g.indicator} | ${g.unit} | ${n(o?.central)} (${n(o?.low)}–${n(o?.high)})${change} | ${n(g.central)} (${n(g.low)}–${n(g.high)}) |`;
  });
  return [
    '## Totals',
    '',
    'Once counted: each output and input contributes at most its declared quantity across all the synergies below, allocated greedily (substitutions before pools, highest score first; docs/impact-method.md §7). Gross potential: the plain sum, which counts competing suggestions as many times as they are made — an upper bound, not a figure to report.',
    '',
    '| indicator | unit | once counted, central (low–high) | gross potential, central (low–high) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
};

const out = [
  '# Synergies the engine finds on the demo territory',
  '',
  `Generated by \`npm run synergy:report -w server\` from \`server/src/demo/demo-territory.json\` with knowledge base ${kb.version}: ${flows.length} active flows, ${synergies.length} synergies. All companies are fictional. A facilitator's review of these suggestions is in \`docs/demo-synergies-review.md\`.`,
  '',
  totalsSection(),
  section('SUBSTITUTION', 30),
  section('MUTUALISATION', 15),
].join('\n');
writeFileSync(path.join(root, 'docs/demo-synergies.md'), out + '\n');
console.log(`Wrote docs/demo-synergies.md: ${synergies.length} synergies (${synergies.filter((s) => s.kind === 'SUBSTITUTION').length} substitutions).`);
