import type { DetectedSynergy } from '../../src/synergy/engine/engine.types.js';
import type { CaseTag, LoadedCase } from '../../src/synergy/report/case-corpus.js';

/** What the engine proposed on one case, scored against its documented exchanges and pools. */
export interface CaseScore {
  id: string;
  split: 'dev' | 'test';
  exchanges: { output: string; input: string; tags: CaseTag[]; found: boolean; rank: number | null }[];
  pools: { members: string[]; found: boolean }[];
  /** Each input's top 5 substitutions and every group: right, wrong (a distractor), or for review. */
  shown: { synergy: DetectedSynergy; verdict: 'RIGHT' | 'WRONG' | 'REVIEW' }[];
}

export const TOP = 5;

/** Substitutions grouped by input, best first (score, then the engine's own order). */
function topByInput(synergies: DetectedSynergy[]): Map<string, DetectedSynergy[]> {
  const byInput = new Map<string, DetectedSynergy[]>();
  for (const s of synergies) {
    if (s.kind !== 'SUBSTITUTION') continue;
    const list = byInput.get(s.flowIds[1]!) ?? [];
    list.push(s);
    byInput.set(s.flowIds[1]!, list);
  }
  for (const list of byInput.values()) list.sort((a, b) => b.score - a.score);
  return byInput;
}

export function scoreCase(c: LoadedCase, synergies: DetectedSynergy[]): CaseScore {
  const orgOf = new Map(c.flows.map((f) => [f.id, f.organizationId]));
  const byInput = topByInput(synergies);
  const exchanges = c.exchanges.map((e) => {
    const list = byInput.get(e.input) ?? [];
    const index = list.findIndex((s) => s.flowIds[0] === e.output);
    return { ...e, found: index >= 0 && index < TOP, rank: index >= 0 ? index + 1 : null };
  });
  const holdsPool = (group: DetectedSynergy, members: string[]) => {
    const inside = members.filter((m) => group.flowIds.includes(m));
    return inside.length >= 2 && new Set(inside.map((m) => orgOf.get(m))).size >= 2;
  };
  const groups = synergies.filter((s) => s.kind === 'MUTUALISATION');
  const pools = c.pools.map((p) => ({ members: p.members, found: groups.some((g) => holdsPool(g, p.members)) }));
  const documented = new Set(c.exchanges.map((e) => `${e.output}>${e.input}`));
  const shown: CaseScore['shown'] = [];
  for (const list of byInput.values()) {
    for (const s of list.slice(0, TOP)) {
      const [output, input] = s.flowIds as [string, string];
      const verdict = documented.has(`${output}>${input}`)
        ? 'RIGHT'
        : c.distractors.has(output) || c.distractors.has(input)
          ? 'WRONG'
          : 'REVIEW';
      shown.push({ synergy: s, verdict });
    }
  }
  for (const g of groups) {
    const verdict = g.flowIds.some((f) => c.distractors.has(f))
      ? 'WRONG'
      : c.pools.some((p) => holdsPool(g, p.members))
        ? 'RIGHT'
        : 'REVIEW';
    shown.push({ synergy: g, verdict });
  }
  return { id: c.file.id, split: c.file.split, exchanges, pools, shown };
}

export interface PartFigures {
  cases: number;
  recall: { found: number; total: number };
  recallByTag: Record<CaseTag, { found: number; total: number }>;
  pools: { found: number; total: number };
  precision: { right: number; shown: number; review: number };
}

export function partFigures(scores: CaseScore[]): PartFigures {
  const recallByTag: PartFigures['recallByTag'] = {
    easy: { found: 0, total: 0 },
    domain: { found: 0, total: 0 },
    long: { found: 0, total: 0 },
  };
  const exchanges = scores.flatMap((s) => s.exchanges);
  for (const e of exchanges) {
    for (const tag of e.tags) {
      recallByTag[tag].total++;
      if (e.found) recallByTag[tag].found++;
    }
  }
  const pools = scores.flatMap((s) => s.pools);
  const shown = scores.flatMap((s) => s.shown);
  return {
    cases: scores.length,
    recall: { found: exchanges.filter((e) => e.found).length, total: exchanges.length },
    recallByTag,
    pools: { found: pools.filter((p) => p.found).length, total: pools.length },
    precision: {
      right: shown.filter((s) => s.verdict === 'RIGHT').length,
      shown: shown.length,
      review: shown.filter((s) => s.verdict === 'REVIEW').length,
    },
  };
}

export const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
export const pct = (n: number, d: number) => `${(100 * ratio(n, d)).toFixed(0)} % (${n}/${d})`;
