#!/usr/bin/env node
// The demo territory's impact totals at a base commit against the working tree, indicator by indicator, and every
// knowledge-base factor whose value changed between them (docs/reviews/impacts-changes.md is its output plus notes).
//   node scripts/impact-changes.mjs [base-commit, default main]
// The base is exported with `git archive` into a temporary directory (no worktree, no checkout) that borrows this
// tree's node_modules, and its own `demo-report-cli.ts` runs there: the old totals are what the old code computed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const base = process.argv[2] ?? 'main';
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
const commit = git('rev-parse', '--short', base).trim();

function report(dir) {
  execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['server/src/synergy/report/demo-report-cli.ts'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return readFileSync(path.join(dir, 'docs/demo-synergies.md'), 'utf8');
}

function baseReport() {
  const dir = mkdtempSync(path.join(tmpdir(), 'fe2i-impacts-'));
  try {
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: root });
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    symlinkSync(path.join(root, 'server/node_modules'), path.join(dir, 'server/node_modules'));
    return report(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Totals table of a demo report: indicator → { once, gross } as "central (low–high)" strings and numbers. */
function totals(markdown) {
  const rows = new Map();
  for (const line of markdown.split('\n')) {
    const m = /^\| ([A-Z_0-9]+) \| ([^|]+) \| ([\d,.]+) \(([-\d,.]+)–([-\d,.]+)\)[^|]* \| ([\d,.]+) \(([-\d,.]+)–([-\d,.]+)\) \|(?: ([\d,.]+) \(([-\d,.]+)–([-\d,.]+)\) \|)?$/.exec(line);
    if (!m) continue;
    const n = (s) => Number(s.replace(/,/g, ''));
    // The expected column (× the probability that a suggestion happens) exists from issue 14's realisation on.
    const expected = m[9] === undefined ? null : [n(m[9]), n(m[10]), n(m[11])];
    rows.set(m[1], { unit: m[2].trim(), once: [n(m[3]), n(m[4]), n(m[5])], gross: [n(m[6]), n(m[7]), n(m[8])], expected });
  }
  return rows;
}

const fmt = (x) => x.toLocaleString('en-GB', { maximumFractionDigits: 1 });
const range = ([c, l, h]) => `${fmt(c)} (${fmt(l)}–${fmt(h)})`;
const change = (a, b) => (a === 0 ? '—' : `${b >= a ? '+' : ''}${Math.round((b / a - 1) * 100)} %`);

const before = totals(baseReport());
const after = totals(report(root));
const LABELS = {
  CO2E_AVOIDED_T: 't CO2e avoided',
  EUROS_SAVED: 'euros saved',
  TONNES_DIVERTED: 'tonnes diverted',
  MWH_RECOVERED: 'MWh recovered',
  WATER_M3_SAVED: 'm³ of water saved',
  JOBS: 'jobs (FTE)',
  INSERTION_JOBS: "of which insertion jobs (FTE, « dont emplois d'insertion »)",
};
const out = [];
out.push(`Demo territory, \`node scripts/impact-changes.mjs ${base}\`: base ${commit} against the working tree.`, '');
out.push(
  `| indicator | once counted at ${commit} | once counted now | change (central) | gross at ${commit} | gross now | expected at ${commit} | expected now |`,
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
);
for (const [id, label] of Object.entries(LABELS)) {
  const a = before.get(id);
  const b = after.get(id);
  if (!a || !b) continue;
  const expected = (r) => (r.expected ? range(r.expected) : '— (not computed)');
  out.push(`| ${label} | ${range(a.once)} | ${range(b.once)} | ${change(a.once[0], b.once[0])} | ${range(a.gross)} | ${range(b.gross)} | ${expected(a)} | ${expected(b)} |`);
}

// Knowledge-base factors: emission factors, and the numbers of each pathway's impact (typical costs, jobs ratios).
const oldKb = JSON.parse(git('show', `${commit}:server/data/synergy/knowledge-base.json`));
const newKb = JSON.parse(readFileSync(path.join(root, 'server/data/synergy/knowledge-base.json'), 'utf8'));
const rows = [];
const value = (f) => (f ? `${f.value} (${f.low ?? '—'}–${f.high ?? '—'}) ${f.unit}` : '—');
const oldFactors = new Map(oldKb.emissionFactors.map((f) => [f.id, f]));
for (const f of newKb.emissionFactors) {
  const o = oldFactors.get(f.id);
  if (!o || o.value !== f.value || o.low !== f.low || o.high !== f.high || o.sourceId !== f.sourceId) rows.push(`| \`${f.id}\` | ${value(o)} | ${value(f)} | \`${f.sourceId}\` |`);
}
for (const o of oldKb.emissionFactors) if (!newKb.emissionFactors.some((f) => f.id === o.id)) rows.push(`| \`${o.id}\` | ${value(o)} | removed | — |`);
const NUMBERS = ['typicalDisposalEurPerUnit', 'typicalPurchaseEurPerUnit', 'jobsPer1000Units'];
const oldPathways = new Map(oldKb.pathways.map((p) => [p.id, p]));
for (const p of newKb.pathways) {
  const o = oldPathways.get(p.id);
  for (const key of NUMBERS) {
    const was = o?.impact?.[key];
    const now = p.impact?.[key];
    if (was !== now) rows.push(`| \`${p.id}\` ${key} | ${was ?? '—'} | ${now ?? '—'} | ${(key === 'jobsPer1000Units' ? p.impact.jobsSourceIds : p.impact.costSourceIds)?.join(', ') || 'assumption'} |`);
  }
}
const oldSources = new Set(oldKb.sources.map((s) => s.id));
const added = newKb.sources.filter((s) => !oldSources.has(s.id)).map((s) => `\`${s.id}\` (${s.kinds.join(', ')})`);
out.push('', `Knowledge base ${oldKb.version} at ${commit} → ${newKb.version} now. Sources added: ${added.join(', ') || 'none'}.`, '');
out.push('| knowledge-base factor | old value (low–high) | new value (low–high) | source |', '| --- | --- | --- | --- |');
out.push(...(rows.length ? rows : ['| (none: no emission factor, typical cost or jobs ratio of the knowledge base changed value) | | | |']));
console.log(out.join('\n'));
