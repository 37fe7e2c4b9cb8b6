import { compileKnowledgeBase } from '../../src/synergy/engine/compiled-knowledge-base.js';
import type { CompiledPathway, PreparedFlow } from '../../src/synergy/engine/compiled.types.js';
import type { EngineContext } from '../../src/synergy/engine/engine-context.js';
import { resolveOptions } from '../../src/synergy/engine/engine.options.js';
import type { DetectedSynergy, EngineFlow } from '../../src/synergy/engine/engine.types.js';
import { distanceFromTerm } from '../../src/synergy/engine/geo.js';
import { newContext } from '../../src/synergy/engine/engine-context.js';
import { compactGroups, groupingCell } from '../../src/synergy/engine/mutualisation-clusters.js';
import { buildMutualisation } from '../../src/synergy/engine/mutualisation-synergy.js';
import { prepareFlow, quantityIn, sideMatchFor } from '../../src/synergy/engine/prepared-flow.js';
import { share } from '../../src/synergy/engine/top-lists.js';
import { hierarchyStep, PART } from '../../src/synergy/engine/pair-score.js';
import { assessSubstitution } from '../../src/synergy/engine/substitution-assessment.js';
import { buildSubstitution } from '../../src/synergy/engine/substitution-synergy.js';
import { bestFirst } from '../../src/synergy/engine/detector.js';
import type { KnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.types.js';

/**
 * The baseline the engine is measured against, living only in the benchmark: every output against every input,
 * each through every pathway the output matches, and every pair of members for pooling — no spatial index. It
 * uses the engine's own matching, scoring and explanation so that both find exactly the same synergies and only
 * the search differs.
 */

interface Candidate {
  other: number;
  pathwayIndex: number;
  /** The rank lists are ordered on: score plus the hierarchy step (see `record`). */
  score: number;
  distanceKm: number;
}

export class NaiveDetector {
  ctx: EngineContext;
  private slotOf = new Map<string, number>();
  /** By pathway index, the slots of the flows playing each side (made by `prepare`, for the pathway-joined scans). */
  private outputsBy: number[][] = [];
  private inputsBy: number[][] = [];
  private streamsBy: number[][] = [];

  constructor(kb: KnowledgeBase) {
    this.ctx = newContext(compileKnowledgeBase(kb), resolveOptions());
  }

  prepare(flows: EngineFlow[]): PreparedFlow[] {
    const sorted = [...flows].sort((a, b) => (a.id < b.id ? -1 : 1));
    this.ctx = newContext(this.ctx.kb, this.ctx.options);
    const prepared = sorted.map((f, slot) => prepareFlow(f, slot, this.ctx));
    this.ctx.flows = prepared;
    this.slotOf = new Map(prepared.map((f) => [f.id, f.slot]));
    this.outputsBy = [];
    this.inputsBy = [];
    this.streamsBy = [];
    for (const f of prepared) {
      for (const m of f.outputSides) (this.outputsBy[m.side.pathway.index] ??= []).push(f.slot);
      for (const m of f.inputSides) (this.inputsBy[m.side.pathway.index] ??= []).push(f.slot);
      for (const m of f.streamSides) (this.streamsBy[m.side.pathway.index] ??= []).push(f.slot);
    }
    return prepared;
  }

  /**
   * The stricter naive incremental update, after `prepare`: the changed flow scanned only against the flows that
   * play the other side of one of its pathways (lists by pathway made by `prepare`, as a hash join on the pathway
   * would) — still no spatial index, every such flow compared whatever its distance. What a sceptic who groups by
   * pathway first would write. Search only, the lists left as `prepare` made them: a lower bound. Returns how many
   * counterparts it found.
   */
  scanChangeByPathway(flow: EngineFlow): number {
    const slot = this.slotOf.get(flow.id) ?? this.ctx.flows.length;
    const x = prepareFlow(flow, slot, this.ctx);
    const { geometry, substitutionWeights: weights } = this.ctx;
    const flows = this.ctx.flows;
    let found = 0;
    const sides = x.isOutput ? x.outputSides : x.inputSides;
    for (const xm of sides) {
      const p = xm.side.pathway;
      const others = (x.isOutput ? this.inputsBy : this.outputsBy)[p.index] ?? [];
      for (let k = 0; k < others.length; k++) {
        const y = flows[others[k]]!;
        if (y.slot === slot || y.organizationId === x.organizationId) continue;
        const ym = sideMatchFor(x.isOutput ? y.inputSides : y.outputSides, p.index)!;
        const [o, om, i, im] = x.isOutput ? [x, xm, y, ym] : [y, ym, x, xm];
        const h = geometry.term(o.slot, i.slot);
        if (h > p.reachTerm) continue;
        if (assessSubstitution(geometry, o, om, i, im, distanceFromTerm(h), weights, null) >= 0) found++;
      }
    }
    for (const sm of x.streamSides) {
      const p = sm.side.pathway;
      if (x.hazardous && p.pathway.conditions.hazardous === 'FORBIDDEN') continue;
      const members = this.streamsBy[p.index] ?? [];
      for (let k = 0; k < members.length; k++) {
        const y = flows[members[k]]!;
        if (y.slot === slot || (y.hazardous && p.pathway.conditions.hazardous === 'FORBIDDEN')) continue;
        if (geometry.term(x.slot, y.slot) <= p.reachTerm) found++;
      }
    }
    return found;
  }

  /**
   * The naive incremental update, after `prepare`: the changed (or new) flow scanned against every other flow
   * through every pathway it matches — substitution counterparts scored, pooling neighbours found within reach.
   * Only the search: keeping the counterpart lists and building the synergies is left out, so this is a lower
   * bound of what a detector without an index pays per change. Returns how many counterparts it found.
   */
  scanChange(flow: EngineFlow): number {
    let slot = this.slotOf.get(flow.id);
    if (slot === undefined) {
      slot = this.ctx.flows.length;
      this.slotOf.set(flow.id, slot);
    }
    const x = prepareFlow(flow, slot, this.ctx);
    this.ctx.flows[slot] = x;
    const { geometry, substitutionWeights: weights } = this.ctx;
    let found = 0;
    for (const y of this.ctx.flows) {
      if (!y || y === x) continue;
      if (y.isOutput !== x.isOutput && y.organizationId !== x.organizationId) {
        const o = x.isOutput ? x : y;
        const i = x.isOutput ? y : x;
        for (const om of o.outputSides) {
          const p = om.side.pathway;
          const im = sideMatchFor(i.inputSides, p.index);
          if (!im) continue;
          const h = geometry.term(o.slot, i.slot);
          if (h > p.reachTerm) continue;
          if (assessSubstitution(geometry, o, om, i, im, distanceFromTerm(h), weights, null) >= 0) found++;
        }
      }
      for (const sm of x.streamSides) {
        const p = sm.side.pathway;
        if (!sideMatchFor(y.streamSides, p.index)) continue;
        if ((x.hazardous || y.hazardous) && p.pathway.conditions.hazardous === 'FORBIDDEN') continue;
        if (geometry.term(x.slot, y.slot) <= p.reachTerm) found++;
      }
    }
    return found;
  }

  detect(flows: EngineFlow[]): DetectedSynergy[] {
    const prepared = this.prepare(flows);
    const outputs = prepared.filter((f) => f.isOutput);
    const inputs = prepared.filter((f) => !f.isOutput);
    const candidates = this.substitutionPairs(outputs, inputs);
    const synergies = [...this.keepBest(candidates, prepared), ...this.mutualisations(prepared)];
    return synergies.sort(bestFirst);
  }

  /** All-pairs scoring of `outputs` against every input: per slot, the best pathway of each counterpart. */
  substitutionPairs(outputs: PreparedFlow[], inputs: PreparedFlow[]): Map<number, Candidate>[] {
    const bySlot: Map<number, Candidate>[] = [];
    const weights = this.ctx.substitutionWeights;
    const geometry = this.ctx.geometry;
    for (const o of outputs) {
      for (const i of inputs) {
        if (o.organizationId === i.organizationId) continue;
        for (const om of o.outputSides) {
          const p = om.side.pathway;
          const im = sideMatchFor(i.inputSides, p.index);
          if (!im) continue;
          const h = geometry.term(o.slot, i.slot);
          if (h > p.reachTerm) continue;
          const d = distanceFromTerm(h);
          const score = assessSubstitution(geometry, o, om, i, im, d, weights, null);
          if (score < 0) continue;
          record(bySlot, o.slot, i.slot, p, score, d, this.ctx);
          record(bySlot, i.slot, o.slot, p, score, d, this.ctx);
        }
      }
    }
    return bySlot;
  }

  /**
   * The pathway-joined naive search, after `prepare`: for each pathway, every output playing its output side against
   * every input playing its input side (rows: the outputs at positions ≡ 0 mod `step` of each pathway's list), all
   * pairs scored within reach and recorded as `substitutionPairs` does; no spatial index. Returns the pairs compared
   * and, for scaling a sample, the pairs the whole matrix holds.
   */
  substitutionPairsByPathway(step: number): { compared: number; total: number } {
    const bySlot: Map<number, Candidate>[] = [];
    const { geometry, substitutionWeights: weights } = this.ctx;
    const flows = this.ctx.flows;
    let compared = 0;
    let total = 0;
    this.outputsBy.forEach((outs, index) => {
      const ins = this.inputsBy[index];
      if (!ins) return;
      total += outs.length * ins.length;
      const p = this.ctx.kb.pathways[index];
      for (let a = 0; a < outs.length; a += step) {
        const o = flows[outs[a]]!;
        const om = sideMatchFor(o.outputSides, index)!;
        compared += ins.length;
        for (let b = 0; b < ins.length; b++) {
          const i = flows[ins[b]]!;
          if (o.organizationId === i.organizationId) continue;
          const h = geometry.term(o.slot, i.slot);
          if (h > p.reachTerm) continue;
          const d = distanceFromTerm(h);
          const score = assessSubstitution(geometry, o, om, i, sideMatchFor(i.inputSides, index)!, d, weights, null);
          if (score < 0) continue;
          record(bySlot, o.slot, i.slot, p, score, d, this.ctx);
          record(bySlot, i.slot, o.slot, p, score, d, this.ctx);
        }
      }
    });
    return { compared, total };
  }

  /**
   * How many of its ranked counterparts a flow keeps: `k`; under COVERING, the shortest prefix of at least `k`
   * whose quantities cover the flow's (see TopLists) and, for a flow that declares no quantity, the counterparts
   * ranking within `counterpartTieMargin` of its last, up to `maxCounterpartsToCover`.
   */
  private listLength(x: PreparedFlow, ranked: Candidate[], prepared: PreparedFlow[]): number {
    const { maxCounterpartsPerFlow: k, counterpartRule, maxCounterpartsToCover, counterpartTieMargin } = this.ctx.options;
    if (counterpartRule !== 'COVERING') return k;
    const capacity = Math.max(k, maxCounterpartsToCover);
    let sum = 0;
    for (let n = 0; n < Math.min(capacity, ranked.length); n++) {
      const c = ranked[n];
      const y = prepared[c.other];
      const quantity = (f: PreparedFlow) => {
        const m = sideMatchFor(f.isOutput ? f.outputSides : f.inputSides, c.pathwayIndex);
        return (m && quantityIn(f, m)) ?? NaN;
      };
      sum += share(quantity(y), quantity(x), k);
      if (n + 1 >= k && sum >= 1) {
        // Then, for a flow that declares no quantity, the near-ties of that k-th (counterpartTieMargin).
        const declared = x.flow.yearlyQuantity;
        if (declared !== null && declared > 0) return n + 1;
        const threshold = c.score - counterpartTieMargin;
        let length = n + 1;
        while (length < Math.min(capacity, ranked.length) && ranked[length]!.score > threshold) length++;
        return length;
      }
    }
    return capacity;
  }

  /**
   * The engine's rule on the exhaustive lists: best of each side (score, then the nearer, then the larger declared
   * quantity of the counterpart, unknown last, then id; see TopLists), kept per counterpartRule.
   */
  private keepBest(bySlot: Map<number, Candidate>[], prepared: PreparedFlow[]): DetectedSynergy[] {
    const best = new Map<number, Set<number>>();
    const quantityOf = (c: Candidate) => {
      const other = prepared[c.other];
      const match = sideMatchFor(other.isOutput ? other.outputSides : other.inputSides, c.pathwayIndex);
      const q = match ? quantityIn(other, match) : null;
      return q === null ? -1 : q;
    };
    bySlot.forEach((candidates, slot) => {
      const ranked = [...candidates.values()].sort(
        (a, b) =>
          b.score - a.score ||
          a.distanceKm - b.distanceKm ||
          quantityOf(b) - quantityOf(a) ||
          (prepared[a.other].id < prepared[b.other].id ? -1 : 1),
      );
      best.set(slot, new Set(ranked.slice(0, this.listLength(prepared[slot], ranked, prepared)).map((c) => c.other)));
    });
    const mutual = this.ctx.options.counterpartRule !== 'EITHER';
    const kept = new Map<string, DetectedSynergy>();
    bySlot.forEach((candidates, slot) => {
      for (const c of candidates.values()) {
        const mine = best.get(slot)!.has(c.other);
        const theirs = best.get(c.other)?.has(slot) ?? false;
        if (!(mutual ? mine && theirs : mine || theirs)) continue;
        const x = prepared[slot];
        const [o, i] = x.isOutput ? [x, prepared[c.other]] : [prepared[c.other], x];
        const key = `${o.id}\n${i.id}`;
        if (!kept.has(key)) kept.set(key, buildSubstitution(o, i, c.pathwayIndex, c.distanceKm, this.ctx));
      }
    });
    return [...kept.values()];
  }

  /** Pooling by all pairs of members within reach (union–find), then the engine's grouping. */
  mutualisations(prepared: PreparedFlow[]): DetectedSynergy[] {
    const synergies: DetectedSynergy[] = [];
    for (const { p, members } of this.poolingMembers(prepared)) {
      const parent = members.map((_, k) => k);
      this.linkWithinReach(p, members, 1, parent);
      const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
      synergies.push(...this.groupsOf(p, members, find));
    }
    return synergies;
  }

  /** By pooling pathway, the flows whose streams match it (hazardous ones left out where it forbids them). */
  poolingMembers(prepared: PreparedFlow[]): { p: CompiledPathway; members: PreparedFlow[] }[] {
    return this.ctx.kb.mutualisationPathways.map((p) => ({
      p,
      members: prepared.filter((f) => {
        const m = sideMatchFor(f.streamSides, p.index);
        return m && !(f.hazardous && p.pathway.conditions.hazardous === 'FORBIDDEN');
      }),
    }));
  }

  /**
   * Links (union–find in `parent`) the members within reach of each other, pair by pair: every row `a` of the
   * pair matrix against every `b > a`, or with `step` > 1 only the rows a ≡ 0 (mod step) — a sample for timing.
   * Returns the number of pairs compared.
   */
  linkWithinReach(p: CompiledPathway, members: PreparedFlow[], step: number, parent: number[]): number {
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    let compared = 0;
    for (let a = 0; a < members.length; a += step) {
      compared += members.length - a - 1;
      for (let b = a + 1; b < members.length; b++) {
        if (this.ctx.geometry.term(members[a].slot, members[b].slot) <= p.reachTerm) parent[find(a)] = find(b);
      }
    }
    return compared;
  }

  /** The engine's grouping on exhaustive components: small ones whole, members of large ones by grouping cell. */
  private groupsOf(p: CompiledPathway, members: PreparedFlow[], find: (x: number) => number): DetectedSynergy[] {
    const clusters = new Map<number, PreparedFlow[]>();
    members.forEach((m, k) => {
      const root = find(k);
      const list = clusters.get(root) ?? [];
      list.push(m);
      clusters.set(root, list);
    });
    const pools: PreparedFlow[][] = [];
    const cells = new Map<string, PreparedFlow[]>();
    for (const cluster of clusters.values()) {
      if (cluster.length <= this.ctx.options.maxGroupSize) {
        pools.push(cluster);
        continue;
      }
      for (const m of cluster) {
        const key = groupingCell(m.flow.latitude, m.flow.longitude, p.reachKm).join(',');
        const list = cells.get(key) ?? [];
        list.push(m);
        cells.set(key, list);
      }
    }
    pools.push(...cells.values());
    const out: DetectedSynergy[] = [];
    for (const pool of pools) {
      for (const group of compactGroups(this.ctx.geometry, pool, p.reachKm, this.ctx.options.maxGroupSize)) {
        const s = buildMutualisation(group, p, this.ctx);
        if (s) out.push(s);
      }
    }
    return out;
  }
}

/**
 * Keeps per counterpart its best-ranked pathway. The rank is the engine's: the score plus the route's step in the
 * waste hierarchy (pair-score.ts, `hierarchyStep`), what partner lists are ordered on; the synergy built keeps its score.
 */
function record(bySlot: Map<number, Candidate>[], slot: number, other: number, p: CompiledPathway, score: number, distanceKm: number, ctx: EngineContext): void {
  const rank = score + hierarchyStep(p.pathway.route, ctx.substitutionWeights[PART.distance]);
  const map = (bySlot[slot] ??= new Map());
  const current = map.get(other);
  if (current && (current.score > rank || (current.score === rank && ctx.kb.pathways[current.pathwayIndex].id <= p.id))) return;
  map.set(other, { other, pathwayIndex: p.index, score: rank, distanceKm });
}
