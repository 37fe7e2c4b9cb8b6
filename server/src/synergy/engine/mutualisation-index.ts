import type { CompiledPathway, PreparedFlow } from './compiled.types.js';
import type { EngineContext } from './engine-context.js';
import type { DetectedSynergy } from './engine.types.js';
import { KM_PER_DEGREE, geoPoint } from './geo.js';
import { SlotMarks, compactGroups, explore, groupingCell, linkedClusters } from './mutualisation-clusters.js';
import { buildMutualisation } from './mutualisation-synergy.js';
import { sideMatchFor } from './prepared-flow.js';
import { SpatialGrid } from './spatial-grid.js';
import type { DeltaRecorder } from './synergy-delta-recorder.js';

/** Members grouped together, and the keys of their groups' synergies. */
interface Pool {
  slots: number[];
  keys: string[];
}

/** A grid cell's pool of large-cluster members, with its place in the grid. */
interface CellPool extends Pool {
  row: number;
  column: number;
}

/** One pathway's members: where they are, and how they are grouped (see mutualisation-clusters.ts). */
interface PathwayPools {
  grid: SpatialGrid;
  /** Members of small clusters, by slot. */
  small: Map<number, Pool>;
  /** Members of large clusters: their grouping cell, by slot; and the cells, by row then column. */
  cellOf: Map<number, CellPool>;
  cells: Map<number, Map<number, CellPool>>;
}

/**
 * Mutualisation synergies, kept up to date flow by flow. A flow change re-explores only the members near its old
 * and new position (and the small clusters they were in), then regroups the small clusters and grid cells whose
 * members changed — the groups a full detection would form.
 */
export class MutualisationIndex {
  private readonly pools: (PathwayPools | undefined)[] = [];
  private readonly groups = new Map<string, DetectedSynergy>();
  private readonly cells: number[][] = [];
  private readonly seen = new SlotMarks();
  private readonly proven = new SlotMarks();
  /**
   * While a burst of changes is applied (beginBurst … endBurst): the grid cells whose members changed, regrouped
   * once at the end rather than at each change — a crowded cell's regrouping costs in proportion to its members, so
   * regrouping it at each of N declarations into it cost N × its size. Their old groups are taken out at once (so no
   * stale group stays stored), kept in `reusable` for groups that come back unchanged.
   */
  private burst: { cells: Map<number, { p: CompiledPathway; cells: Set<CellPool> }>; changed: Set<number>; reusable: Map<string, DetectedSynergy> } | null = null;

  constructor(private readonly ctx: EngineContext) {}

  synergies(): IterableIterator<DetectedSynergy> {
    return this.groups.values();
  }

  /** Full detection over the flows already placed in `ctx.flows`. */
  load(flows: PreparedFlow[]): void {
    const members: number[][] = [];
    // Indexed loops: this one runs once per detection, over every flow, often before it is optimised, and an
    // unoptimised for…of allocates an iterator result per element.
    for (let n = 0; n < flows.length; n++) {
      const f = flows[n];
      for (let k = 0; k < f.streamSides.length; k++) {
        const p = f.streamSides[k].side.pathway;
        if (!pooled(f, p)) continue;
        this.pool(p).grid.insert(f.slot, f.flow.latitude, f.flow.longitude);
        (members[p.index] ??= []).push(f.slot);
      }
    }
    for (const p of this.ctx.kb.mutualisationPathways) {
      const list = members[p.index];
      if (!list) continue;
      const pool = this.pool(p);
      const dirtyCells = new Set<CellPool>();
      const clusters: Pool[] = [];
      const linked = linkedClusters(list, this.ctx.flows, this.ctx.geometry, p.reachKm, p.reachTerm);
      for (let c = 0; c < linked.length; c++) {
        const slots = linked[c];
        if (slots.length > this.ctx.options.maxGroupSize) {
          for (let k = 0; k < slots.length; k++) this.enterCell(pool, p, slots[k], dirtyCells);
          continue;
        }
        const cluster: Pool = { slots, keys: [] };
        for (let k = 0; k < slots.length; k++) pool.small.set(slots[k], cluster);
        clusters.push(cluster);
      }
      this.groupAll(p, clusters, dirtyCells, null, null, new Map());
    }
  }

  beginBurst(): void {
    this.burst = { cells: new Map(), changed: new Set(), reusable: new Map() };
  }

  /** Regroups the cells the burst's changes touched; a group holding a changed member is built anew. */
  endBurst(recorder: DeltaRecorder): void {
    const burst = this.burst;
    this.burst = null;
    if (!burst) return;
    const changed = (slot: number) => burst.changed.has(slot);
    for (const { p, cells } of [...burst.cells.values()].sort((a, b) => a.p.index - b.p.index)) {
      this.regroupCells(p, cells, changed, recorder, burst.reusable);
    }
  }

  /** Applies the change of one slot from `before` to `after` (either may be null); `ctx.flows` holds `after`. */
  update(before: PreparedFlow | null, after: PreparedFlow | null, recorder: DeltaRecorder): void {
    this.burst?.changed.add((before ?? after)!.slot);
    const pathways = new Map<number, CompiledPathway>();
    for (const f of [before, after]) for (const m of f?.streamSides ?? []) pathways.set(m.side.pathway.index, m.side.pathway);
    for (const p of [...pathways.values()].sort((a, b) => a.index - b.index)) {
      const was = before !== null && pooled(before, p);
      const is = after !== null && pooled(after, p);
      if (was || is) this.updateOne(p, was ? before : null, is ? after : null, recorder);
    }
  }

  private updateOne(p: CompiledPathway, before: PreparedFlow | null, after: PreparedFlow | null, recorder: DeltaRecorder): void {
    const pool = this.pool(p);
    const slot = (before ?? after)!.slot;
    if (before && after && before.flow.latitude === after.flow.latitude && before.flow.longitude === after.flow.longitude) {
      this.regroupInPlace(p, pool, slot, recorder);
      return;
    }
    const reusable = new Map<string, DetectedSynergy>();
    const dirty = new Set<number>();
    const dirtyCells = new Set<CellPool>();
    if (before) {
      const own = pool.small.get(slot);
      if (own) this.dissolve(pool, own, dirty, recorder, reusable);
      else this.leaveCell(pool, slot, dirtyCells);
      dirty.delete(slot);
      pool.grid.remove(slot, before.flow.latitude, before.flow.longitude);
      this.neighbours(p, before, slot, dirty);
    }
    if (after) {
      pool.grid.insert(slot, after.flow.latitude, after.flow.longitude);
      dirty.add(slot);
      // Members already in a grid cell near the new position are left alone: each is linked to this member, so its
      // cluster is this member's, which is explored from here — a small one takes them out of their cells, a large
      // one leaves them where they are (exploring each again cost a change in a crowded place in proportion to the
      // crowd). The members near the old position are all explored (above): leaving may split their cluster.
      this.neighbours(p, after, slot, dirty, pool.cellOf);
    }
    for (const s of [...dirty]) {
      const cluster = pool.small.get(s);
      if (cluster) this.dissolve(pool, cluster, dirty, recorder, reusable);
    }
    this.resolve(p, [...dirty], slot, recorder, reusable, dirtyCells);
  }

  /**
   * A member changed without moving and stays pooled: the links, hence every cluster and grid cell, are as they
   * were. Only the groups of its own cluster or cell are formed again (those without it reused by key), with no
   * exploration — a changed quantity in a crowded place re-explored a hundred members for nothing.
   */
  private regroupInPlace(p: CompiledPathway, pool: PathwayPools, slot: number, recorder: DeltaRecorder): void {
    const reusable = new Map<string, DetectedSynergy>();
    const own = pool.small.get(slot);
    if (own) {
      this.ungroup(own, recorder, reusable);
      this.groupAll(p, [own], new Set(), slot, recorder, reusable);
      return;
    }
    const cell = pool.cellOf.get(slot);
    this.groupAll(p, [], cell ? new Set([cell]) : new Set(), slot, recorder, reusable);
  }

  /**
   * Explores each of `nodes` not yet settled in this pass: a small cluster is grouped as a whole; members of a
   * large one go to their grouping cell; then the cells that changed are regrouped.
   */
  private resolve(
    p: CompiledPathway,
    nodes: number[],
    changed: number | null,
    recorder: DeltaRecorder | null,
    reusable: Map<string, DetectedSynergy>,
    dirtyCells = new Set<CellPool>(),
  ): void {
    const pool = this.pool(p);
    const cap = this.ctx.options.maxGroupSize;
    const provenLarge = this.proven.next(this.ctx.flows.length);
    const clusters: Pool[] = [];
    // Members of one grouping cell are all within reach of one another (see groupingCell): once one of them is
    // proven to be in a large cluster, so are the others, without an exploration each (a flow leaving a crowded
    // place explored each of the hundred members it was near).
    const provenCells = new Set<CellPool>();
    for (const u of nodes) {
      if (this.proven.has(u, provenLarge) || pool.small.has(u)) continue;
      const cell = pool.cellOf.get(u);
      if (cell && provenCells.has(cell)) continue;
      const found = explore(
        u, cap, pool.grid, p.reachKm, p.reachTerm, this.ctx.geometry, this.ctx.flows, this.proven, provenLarge, this.seen, this.cells,
      );
      if (found.large) {
        for (const s of found.slots) {
          this.proven.set(s, provenLarge);
          this.enterCell(pool, p, s, dirtyCells);
          provenCells.add(pool.cellOf.get(s)!);
        }
        continue;
      }
      const cluster: Pool = { slots: found.slots, keys: [] };
      for (const s of found.slots) {
        this.leaveCell(pool, s, dirtyCells);
        pool.small.set(s, cluster);
      }
      clusters.push(cluster);
    }
    this.groupAll(p, clusters, dirtyCells, changed, recorder, reusable);
  }

  /** Groups new small clusters and regroups the grid cells whose members changed. */
  private groupAll(
    p: CompiledPathway,
    clusters: Pool[],
    dirtyCells: Set<CellPool>,
    changed: number | null,
    recorder: DeltaRecorder | null,
    reusable: Map<string, DetectedSynergy>,
  ): void {
    const isChanged = (slot: number) => slot === changed;
    if (this.burst) {
      // The cells wait for the end of the burst; small clusters (a dozen members at most) are grouped now.
      for (const cell of dirtyCells) this.ungroup(cell, recorder, this.burst.reusable);
      for (const cluster of clusters) this.group(p, cluster, isChanged, recorder, reusable);
      let pending = this.burst.cells.get(p.index);
      if (!pending) this.burst.cells.set(p.index, (pending = { p, cells: new Set() }));
      for (const cell of dirtyCells) pending.cells.add(cell);
      return;
    }
    // Old groups go first: a new group may have the key of one that is going (the same members, regrouped).
    for (const cell of dirtyCells) this.ungroup(cell, recorder, reusable);
    for (const cluster of clusters) this.group(p, cluster, isChanged, recorder, reusable);
    this.regroupCells(p, dirtyCells, isChanged, recorder, reusable);
  }

  /** Groups the cells (already ungrouped) anew; a cell left empty is dropped. */
  private regroupCells(
    p: CompiledPathway,
    cells: Set<CellPool>,
    changed: (slot: number) => boolean,
    recorder: DeltaRecorder | null,
    reusable: Map<string, DetectedSynergy>,
  ): void {
    const pool = this.pool(p);
    for (const cell of cells) {
      if (cell.slots.length > 0) this.group(p, cell, changed, recorder, reusable);
      else {
        const row = pool.cells.get(cell.row);
        row?.delete(cell.column);
        if (row?.size === 0) pool.cells.delete(cell.row);
      }
    }
  }

  /** Forms the groups of `pool` and stores their synergies; groups with no `changed` member are reused by key. */
  private group(
    p: CompiledPathway,
    pool: Pool,
    changed: (slot: number) => boolean,
    recorder: DeltaRecorder | null,
    reusable: Map<string, DetectedSynergy>,
  ): void {
    const flows = new Array<PreparedFlow>(pool.slots.length);
    for (let k = 0; k < flows.length; k++) flows[k] = this.ctx.flows[pool.slots[k]]!;
    for (const group of compactGroups(this.ctx.geometry, flows, p.reachKm, this.ctx.options.maxGroupSize)) {
      const key = reusable.size > 0 ? `MUTUALISATION:${p.id}:${group.map((m) => m.id).join(',')}` : null;
      const old = key !== null && !group.some((m) => changed(m.slot)) ? reusable.get(key) : undefined;
      const synergy = old ?? buildMutualisation(group, p, this.ctx);
      if (!synergy || synergy.score < this.ctx.options.minScore) continue;
      pool.keys.push(synergy.key);
      this.groups.set(synergy.key, synergy);
      recorder?.added(synergy);
    }
  }

  private ungroup(pool: Pool, recorder: DeltaRecorder | null, reusable: Map<string, DetectedSynergy>): void {
    for (const key of pool.keys) {
      const synergy = this.groups.get(key)!;
      this.groups.delete(key);
      recorder?.removed(synergy);
      reusable.set(key, synergy);
    }
    pool.keys = [];
  }

  private dissolve(pools: PathwayPools, cluster: Pool, dirty: Set<number>, recorder: DeltaRecorder, reusable: Map<string, DetectedSynergy>): void {
    this.ungroup(cluster, recorder, reusable);
    for (const s of cluster.slots) {
      pools.small.delete(s);
      dirty.add(s);
    }
  }

  private enterCell(pools: PathwayPools, p: CompiledPathway, slot: number, dirtyCells: Set<CellPool>): void {
    if (pools.cellOf.has(slot)) return;
    const flow = this.ctx.flows[slot]!.flow;
    const [row, column] = groupingCell(flow.latitude, flow.longitude, p.reachKm);
    let columns = pools.cells.get(row);
    if (!columns) pools.cells.set(row, (columns = new Map()));
    let cell = columns.get(column);
    if (!cell) columns.set(column, (cell = { slots: [], keys: [], row, column }));
    pools.cellOf.set(slot, cell);
    cell.slots.push(slot);
    dirtyCells.add(cell);
  }

  private leaveCell(pools: PathwayPools, slot: number, dirtyCells: Set<CellPool>): void {
    const cell = pools.cellOf.get(slot);
    if (!cell) return;
    pools.cellOf.delete(slot);
    cell.slots.splice(cell.slots.indexOf(slot), 1);
    dirtyCells.add(cell);
  }

  /**
   * Adds to `into` the members within reach of flow `f` (other than `slot`). The position is taken from `f`
   * itself: when `f` is the version being replaced, the slot's geometry already holds the new one.
   */
  private neighbours(p: CompiledPathway, f: PreparedFlow, slot: number, into: Set<number>, skip: Map<number, CellPool> | null = null): void {
    const pools = this.pool(p);
    const point = geoPoint(f.flow.latitude, f.flow.longitude);
    const n = pools.grid.cellsNear(f.flow.latitude, f.flow.longitude, p.reachKm, this.cells);
    const geometry = this.ctx.geometry;
    for (let c = 0; c < n; c++) {
      for (const s of this.cells[c]) if (s !== slot && !skip?.has(s) && geometry.termTo(point, s) <= p.reachTerm) into.add(s);
    }
  }

  private pool(p: CompiledPathway): PathwayPools {
    return (this.pools[p.index] ??= {
      grid: new SpatialGrid(p.reachKm, KM_PER_DEGREE),
      small: new Map(),
      cellOf: new Map(),
      cells: new Map(),
    });
  }
}

/** Whether flow `f` takes part in pathway `p`'s pooling (hazardous flows never join a pathway that forbids them). */
function pooled(f: PreparedFlow, p: CompiledPathway): boolean {
  if (!sideMatchFor(f.streamSides, p.index)) return false;
  return !(f.hazardous && p.pathway.conditions.hazardous === 'FORBIDDEN');
}
