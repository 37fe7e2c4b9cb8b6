import type { EngineContext } from './engine-context.js';
import type { DetectedSynergy } from './engine.types.js';
import type { PreparedFlow, SideMatch } from './compiled.types.js';
import { MemberGrid } from './member-grid.js';
import { CandidateScratch, findCounterparts, type SubstitutionGrids } from './substitution-search.js';
import { buildSubstitution } from './substitution-synergy.js';
import type { DeltaRecorder } from './synergy-delta-recorder.js';
import { NOT_INSERTED, TopLists } from './top-lists.js';

/** Slots stay below 2^22 (4 million flows): a pair of slots is one exact number. */
const PAIR = 4_194_304;

/**
 * Substitution synergies, kept up to date flow by flow. Each flow keeps its best counterparts (at most
 * `maxCounterpartsPerFlow`); a pair is a synergy when both sides hold each other in their lists (or either does,
 * per `counterpartRule`). A flow change re-ranks only the flows whose list held it (found among its own
 * counterparts, within its pathways' reach) and offers the new version to the flows in reach — the lists a full
 * detection would build, so both always agree.
 */
export class SubstitutionIndex {
  private readonly grids: SubstitutionGrids = { outputs: [], inputs: [] };
  private readonly top: TopLists;
  /** By output slot × PAIR + input slot. */
  private readonly kept = new Map<number, DetectedSynergy>();
  private readonly scratch = new CandidateScratch();
  /** The outputs' grids are still to build (see `load`). */
  private outputGridsPending = false;

  constructor(private readonly ctx: EngineContext) {
    this.top = new TopLists(ctx.options.maxCounterpartsPerFlow, ctx);
  }

  synergies(): IterableIterator<DetectedSynergy> {
    return this.kept.values();
  }

  /** Full detection over the flows already placed in `ctx.flows`. */
  load(flows: PreparedFlow[]): void {
    this.top.ensure(this.ctx.flows.length);
    for (let n = 0; n < flows.length; n++) this.top.clear(flows[n].slot);
    // Only outputs search here, in the inputs' grids: the outputs' grids serve inputs that search, which only an
    // update does (see `insert`, `remove`). Built when one first comes: a detection the detection thread makes
    // and drops without an update never builds them (171k of the 620k records at 100k flows, 22 MB).
    this.buildGrids(flows, false, -1);
    this.outputGridsPending = true;
    const s = this.scratch;
    const order = this.searchOrder(flows);
    for (let n = 0; n < order.length; n++) {
      const o = flows[order[n]];
      findCounterparts(o, this.grids, this.ctx, s, this.top.worst);
      this.top.fillFrom(o.slot, s, s.floor[0]);
      const worst = this.top.worst;
      for (let c = 0; c < s.n; c++) {
        // Most candidates lose against the counterpart's full list: decided here, without a call.
        if (s.scores[c] < worst[s.slots[c]]) continue;
        this.top.offer(s.slots[c], o.slot, s, c, true);
      }
    }
    this.keepHeldPairs(flows);
  }

  /**
   * Builds the grids of one side (outputs or inputs) from `flows`, but for the flow in slot `skip` (-1: none), each grid
   * at once. Members counted first, so that each list is allocated at its size (grown by push, 200k members copied
   * their lists over and over: 6.6 MB).
   */
  private buildGrids(flows: readonly (PreparedFlow | undefined)[], output: boolean, skip: number): void {
    const counts = new Int32Array(this.ctx.kb.pathways.length);
    for (let n = 0; n < flows.length; n++) {
      const f = flows[n];
      if (!f || f.isOutput !== output || f.slot === skip) continue;
      const sides = output ? f.outputSides : f.inputSides;
      for (let k = 0; k < sides.length; k++) counts[sides[k].side.pathway.index]++;
    }
    const members: { flows: PreparedFlow[]; sides: SideMatch[]; n: number }[] = [];
    for (let n = 0; n < flows.length; n++) {
      const f = flows[n];
      if (!f || f.isOutput !== output || f.slot === skip) continue;
      const sides = output ? f.outputSides : f.inputSides;
      for (let k = 0; k < sides.length; k++) {
        const m = sides[k];
        const at = m.side.pathway.index;
        const list = (members[at] ??= { flows: new Array<PreparedFlow>(counts[at]), sides: new Array<SideMatch>(counts[at]), n: 0 });
        list.flows[list.n] = f;
        list.sides[list.n++] = m;
      }
    }
    const grids = output ? this.grids.outputs : this.grids.inputs;
    members.forEach((list, at) => {
      const p = this.ctx.kb.pathways[at];
      (grids[p.index] ??= new MemberGrid(p.reachKm)).insertAll(list.flows, list.sides, this.ctx.geometry);
    });
  }

  /**
   * Builds now what only updates use, if a full detection left it (the outputs' grids): the detection thread calls it
   * once it has sent a detection's synergies, so that the first update finds it built.
   */
  prepareForUpdates(): void {
    this.ensureOutputGrids(-1);
  }

  /** The outputs' grids, from the flows in the index but the one in slot `skip` (see `load`), if not yet built. */
  private ensureOutputGrids(skip: number): void {
    if (!this.outputGridsPending) return;
    this.outputGridsPending = false;
    this.buildGrids(this.ctx.flows, true, skip);
  }

  /**
   * The positions in `flows` of the outputs that search, in the order they search: by the pathway of their first
   * side, then by the cell of that pathway's input grid they stand in. Consecutive searches then read the same cells
   * of the same grid and the same counterparts' list bounds, still in the processor's caches (the search is bound by
   * memory, not arithmetic). The lists do not depend on that order: each ranks its counterparts totally (see
   * TopLists), and the search skips only pairs that provably rank nowhere.
   */
  private searchOrder(flows: PreparedFlow[]): Int32Array {
    const byPathway: number[][] = [];
    let count = 0;
    for (let n = 0; n < flows.length; n++) {
      const o = flows[n];
      if (!o.isOutput || o.outputSides.length === 0) continue;
      (byPathway[o.outputSides[0].side.pathway.index] ??= []).push(n);
      count++;
    }
    const order = new Int32Array(count);
    let at = 0;
    for (let p = 0; p < byPathway.length; p++) {
      const group = byPathway[p];
      if (!group) continue;
      const grid = this.grids.inputs[p];
      // Cell key (< 2^30) × PAIR + position (< 2^22): one exact number, sorted natively.
      const keys = new Float64Array(group.length);
      for (let k = 0; k < group.length; k++) {
        const f = flows[group[k]].flow;
        keys[k] = (grid ? grid.cellKeyOf(f.latitude, f.longitude) : 0) * PAIR + group[k];
      }
      keys.sort();
      for (let k = 0; k < keys.length; k++) order[at++] = keys[k] % PAIR;
    }
    return order;
  }

  /**
   * Full detection's last step: keeps every pair the lists hold (as `reexamine` would, pair by pair, but each pair
   * met once and without looking up what is kept: nothing is yet). MUTUAL pairs are all in their output's list;
   * EITHER adds those only the input's list holds.
   */
  private keepHeldPairs(flows: PreparedFlow[]): void {
    const mutual = this.ctx.options.counterpartRule !== 'EITHER';
    const top = this.top;
    const worst = top.worst;
    for (let n = 0; n < flows.length; n++) {
      const x = flows[n];
      if (mutual && !x.isOutput) continue;
      const slot = x.slot;
      for (let at = 0; at < top.size(slot); at++) {
        const other = top.otherAt(slot, at);
        // Both lists hold the pair at the same rank (the output's search offered it to both), and no list holds a
        // pair ranked under its worst: most pairs (nine in ten at 100k flows) are decided on that one number, without
        // reading the other's list, a cache miss each.
        const heldBack = top.scoreAt(slot, at) >= worst[other] && top.indexOf(other, slot) >= 0;
        // An output keeps what it holds (MUTUAL: if held back); an input, what its output does not hold.
        if (x.isOutput ? mutual && !heldBack : heldBack) continue;
        const o = x.isOutput ? x : this.ctx.flows[other]!;
        const i = x.isOutput ? this.ctx.flows[other]! : x;
        const synergy = buildSubstitution(o, i, top.pathwayAt(slot, at), top.distanceAt(slot, at), this.ctx);
        this.kept.set(o.slot * PAIR + i.slot, synergy);
      }
    }
  }

  /** Takes flow `f` (still in `ctx.flows`) out of the index. */
  remove(f: PreparedFlow, recorder: DeltaRecorder): void {
    if (f.outputSides.length === 0 && f.inputSides.length === 0) return;
    // f is still in the index: its grids hold it.
    this.ensureOutputGrids(-1);
    // Whoever holds f in its best list is one of f's counterparts: search them, keep those that hold it.
    findCounterparts(f, this.grids, this.ctx, this.scratch, this.top.worst);
    const holders: number[] = [];
    for (let c = 0; c < this.scratch.n; c++) {
      const slot = this.scratch.slots[c];
      if (this.top.indexOf(slot, f.slot) >= 0) holders.push(slot);
    }
    for (const other of this.top.others(f.slot)) this.unkeep(f.slot, other, recorder);
    for (const h of holders) this.unkeep(f.slot, h, recorder);
    this.unplace(f);
    const touched: number[] = [];
    for (const h of holders) this.rerank(h, f.slot, touched);
    this.reexamineAll(touched, recorder);
  }

  /** Adds flow `f` (already in `ctx.flows`). */
  insert(f: PreparedFlow, recorder: DeltaRecorder): void {
    this.top.ensure(this.ctx.flows.length);
    // f is in ctx.flows already, not yet in the index: placed below.
    this.ensureOutputGrids(f.slot);
    this.place(f);
    if (f.outputSides.length === 0 && f.inputSides.length === 0) return;
    const s = this.scratch;
    findCounterparts(f, this.grids, this.ctx, s, this.top.worst);
    this.top.fillFrom(f.slot, s, s.floor[0]);
    const touched: number[] = [];
    for (const other of this.top.others(f.slot)) touched.push(f.slot, other);
    for (let c = 0; c < s.n; c++) {
      const y = s.slots[c];
      const out = this.top.offer(y, f.slot, s, c, true);
      if (out === NOT_INSERTED) continue;
      touched.push(y, f.slot);
      for (let e = 0; e < this.top.evictedCount; e++) touched.push(y, this.top.evicted[e]);
    }
    this.reexamineAll(touched, recorder);
  }

  /** Recomputes the best list of `slot` after `gone` left it; records the pairs that entered or left it. */
  private rerank(slot: number, gone: number, touched: number[]): void {
    const before = this.top.others(slot);
    findCounterparts(this.ctx.flows[slot]!, this.grids, this.ctx, this.scratch, this.top.worst);
    this.top.fillFrom(slot, this.scratch, this.scratch.floor[0]);
    const after = this.top.others(slot);
    for (const other of before) if (other !== gone && !after.includes(other)) touched.push(slot, other);
    for (const other of after) if (!before.includes(other)) touched.push(slot, other);
  }

  private reexamineAll(touched: number[], recorder: DeltaRecorder): void {
    for (let t = 0; t < touched.length; t += 2) this.reexamine(touched[t], touched[t + 1], recorder);
  }

  /** Keeps or drops the pair of slots `a`, `b` by whether both sides' (or either side's) best lists hold the other. */
  private reexamine(a: number, b: number, recorder: DeltaRecorder): void {
    const flows = this.ctx.flows;
    const aIsOutput = flows[a]!.isOutput;
    const o = aIsOutput ? a : b;
    const i = aIsOutput ? b : a;
    const key = o * PAIR + i;
    const inOutputs = this.top.indexOf(o, i);
    const inInputs = this.top.indexOf(i, o);
    const mutual = this.ctx.options.counterpartRule !== 'EITHER';
    const holds = mutual ? inOutputs >= 0 && inInputs >= 0 : inOutputs >= 0 || inInputs >= 0;
    const existing = this.kept.get(key);
    if (holds && !existing) {
      const owner = inOutputs >= 0 ? o : i;
      const at = inOutputs >= 0 ? inOutputs : inInputs;
      const synergy = buildSubstitution(flows[o]!, flows[i]!, this.top.pathwayAt(owner, at), this.top.distanceAt(owner, at), this.ctx);
      this.kept.set(key, synergy);
      recorder.added(synergy);
    } else if (!holds && existing) {
      this.kept.delete(key);
      recorder.removed(existing);
    }
  }

  private unkeep(a: number, b: number, recorder: DeltaRecorder): void {
    const key = this.ctx.flows[a]!.isOutput ? a * PAIR + b : b * PAIR + a;
    const existing = this.kept.get(key);
    if (!existing) return;
    this.kept.delete(key);
    recorder.removed(existing);
  }

  private place(f: PreparedFlow): void {
    const sides = f.isOutput ? f.outputSides : f.inputSides;
    const grids = f.isOutput ? this.grids.outputs : this.grids.inputs;
    for (const m of sides) {
      const p = m.side.pathway;
      (grids[p.index] ??= new MemberGrid(p.reachKm)).insert(f, m, this.ctx.geometry);
    }
    this.top.clear(f.slot);
  }

  private unplace(f: PreparedFlow): void {
    const sides = f.isOutput ? f.outputSides : f.inputSides;
    const grids = f.isOutput ? this.grids.outputs : this.grids.inputs;
    for (const m of sides) grids[m.side.pathway.index]?.remove(f);
    this.top.clear(f.slot);
  }
}
