import type { CompiledPathway } from './compiled-knowledge-base.js';
import type { EngineContext } from './engine-context.js';
import type { DetectedSynergy } from './engine.types.js';
import { KM_PER_DEGREE, haversineTerm } from './geo.js';
import { compactGroups, linkedCluster } from './mutualisation-clusters.js';
import { buildMutualisation } from './mutualisation-synergy.js';
import { sideMatchFor, type PreparedFlow } from './prepared-flow.js';
import { SpatialGrid } from './spatial-grid.js';
import type { DeltaRecorder } from './synergy-delta-recorder.js';

interface Cluster {
  slots: number[];
  /** Keys of the synergies of its groups. */
  keys: string[];
}

/**
 * Mutualisation synergies, kept up to date flow by flow. Per pathway, the flows sharing the stream sit in a grid
 * and form clusters (members linked within reach); a flow change re-forms only the clusters it belonged to or now
 * reaches, and re-groups them — the same clusters and groups a full detection would form.
 */
export class MutualisationIndex {
  private readonly grids: (SpatialGrid | undefined)[] = [];
  private readonly clusterOf: Map<number, Cluster>[] = [];
  private readonly groups = new Map<string, DetectedSynergy>();
  private readonly buffer: number[] = [];

  constructor(private readonly ctx: EngineContext) {}

  synergies(): IterableIterator<DetectedSynergy> {
    return this.groups.values();
  }

  /** Full detection over the flows already placed in `ctx.flows`. */
  load(flows: PreparedFlow[]): void {
    const members: number[][] = [];
    for (const f of flows) {
      for (const m of f.streamSides) {
        const p = m.side.pathway;
        if (!pooled(f, p)) continue;
        this.grid(p).insert(f.slot, f.latitude, f.longitude);
        (members[p.index] ??= []).push(f.slot);
      }
    }
    for (const p of this.ctx.kb.mutualisationPathways) {
      if (members[p.index]) this.recluster(p, members[p.index], null, null, new Map());
    }
  }

  /** Applies the change of one slot from `before` to `after` (either may be null); `ctx.flows` holds `after`. */
  update(before: PreparedFlow | null, after: PreparedFlow | null, recorder: DeltaRecorder): void {
    const pathways = new Map<number, CompiledPathway>();
    for (const f of [before, after]) for (const m of f?.streamSides ?? []) pathways.set(m.side.pathway.index, m.side.pathway);
    for (const p of [...pathways.values()].sort((a, b) => a.index - b.index)) {
      const was = before !== null && pooled(before, p);
      const is = after !== null && pooled(after, p);
      if (was || is) this.updateOne(p, was ? before : null, is ? after : null, recorder);
    }
  }

  private updateOne(p: CompiledPathway, before: PreparedFlow | null, after: PreparedFlow | null, recorder: DeltaRecorder): void {
    const grid = this.grid(p);
    const clusterOf = this.clusterOf[p.index];
    const affected = new Set<Cluster>();
    const slot = (before ?? after)!.slot;
    if (before) {
      const own = clusterOf.get(slot);
      if (own) affected.add(own);
      grid.remove(slot, before.latitude, before.longitude);
    }
    if (after) {
      this.buffer.length = 0;
      grid.query(after.latitude, after.longitude, p.reachKm, this.buffer);
      for (const s of this.buffer) {
        const cluster = clusterOf.get(s);
        if (cluster && !affected.has(cluster) && haversineTerm(after, this.ctx.flows[s]!) <= p.reachTerm) affected.add(cluster);
      }
    }
    const reusable = new Map<string, DetectedSynergy>();
    const nodes: number[] = [];
    for (const cluster of affected) {
      for (const key of cluster.keys) {
        const synergy = this.groups.get(key)!;
        this.groups.delete(key);
        recorder.removed(synergy);
        reusable.set(key, synergy);
      }
      for (const s of cluster.slots) {
        clusterOf.delete(s);
        if (s !== slot) nodes.push(s);
      }
    }
    if (after) {
      grid.insert(slot, after.latitude, after.longitude);
      nodes.push(slot);
    }
    this.recluster(p, nodes, slot, recorder, reusable);
  }

  /** Forms the clusters holding `nodes` and their groups; groups not involving `changed` are reused by key. */
  private recluster(
    p: CompiledPathway,
    nodes: number[],
    changed: number | null,
    recorder: DeltaRecorder | null,
    reusable: Map<string, DetectedSynergy>,
  ): void {
    const grid = this.grid(p);
    const clusterOf = this.clusterOf[p.index];
    const visited = new Set<number>();
    const flows = this.ctx.flows;
    for (const start of nodes) {
      if (visited.has(start)) continue;
      const members = linkedCluster(flows[start]!, grid, p.reachKm, p.reachTerm, flows, visited, this.buffer);
      const cluster: Cluster = { slots: members.map((m) => m.slot), keys: [] };
      for (const s of cluster.slots) clusterOf.set(s, cluster);
      for (const group of compactGroups(members, p.reachKm, this.ctx.options.maxGroupSize)) {
        const key = reusable.size > 0 ? groupKey(p, group) : null;
        const old = key !== null && !group.some((m) => m.slot === changed) ? reusable.get(key) : undefined;
        const synergy = old ?? buildMutualisation(group, p, this.ctx);
        if (!synergy || synergy.score < this.ctx.options.minScore) continue;
        cluster.keys.push(synergy.key);
        this.groups.set(synergy.key, synergy);
        recorder?.added(synergy);
      }
    }
  }

  private grid(p: CompiledPathway): SpatialGrid {
    this.clusterOf[p.index] ??= new Map();
    return (this.grids[p.index] ??= new SpatialGrid(p.reachKm, KM_PER_DEGREE));
  }
}

/** Whether flow `f` takes part in pathway `p`'s pooling (hazardous flows never join a pathway that forbids them). */
function pooled(f: PreparedFlow, p: CompiledPathway): boolean {
  if (!sideMatchFor(f.streamSides, p.index)) return false;
  return !(f.hazardous && p.pathway.conditions.hazardous === 'FORBIDDEN');
}

function groupKey(p: CompiledPathway, group: PreparedFlow[]): string {
  return `MUTUALISATION:${p.id}:${group.map((m) => m.id).join(',')}`;
}
