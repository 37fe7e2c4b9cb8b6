import type { EngineContext } from './engine-context.js';
import { distanceFromTerm, haversineTerm } from './geo.js';
import { sideMatchFor, type PreparedFlow } from './prepared-flow.js';
import type { SpatialGrid } from './spatial-grid.js';
import { assessSubstitution } from './substitution-assessment.js';

/**
 * The search for one flow's substitution counterparts: for each pathway the flow is a side of, the grid of the
 * other side's flows is queried within the pathway's reach; each pair is scored (numbers only); a pair reachable
 * through several pathways keeps its best one. Results go to typed scratch arrays, reused from call to call.
 */

export class CandidateScratch {
  n = 0;
  slots = new Int32Array(256);
  pathways = new Int32Array(256);
  scores = new Float64Array(256);
  distances = new Float64Array(256);
  /** Per slot: the call that last saw it, and where it sits in the arrays (deduplication without a Map). */
  private seenIn = new Int32Array(1024);
  private position = new Int32Array(1024);
  private call = 0;
  readonly cellBuffer: number[] = [];

  begin(slotCapacity: number): void {
    if (slotCapacity > this.seenIn.length) {
      const size = Math.max(slotCapacity, this.seenIn.length * 2);
      const seen = new Int32Array(size);
      seen.set(this.seenIn);
      this.seenIn = seen;
      this.position = new Int32Array(size);
    }
    this.n = 0;
    this.call++;
  }

  /** Records a scored pair, keeping per counterpart the best score (ties: the pathway whose id sorts first). */
  offer(slot: number, pathwayIndex: number, score: number, distanceKm: number, ctx: EngineContext): void {
    if (this.seenIn[slot] === this.call) {
      const at = this.position[slot];
      const current = this.scores[at];
      if (score < current) return;
      if (score === current) {
        const pathways = ctx.kb.pathways;
        if (pathways[pathwayIndex].id >= pathways[this.pathways[at]].id) return;
      }
      this.pathways[at] = pathwayIndex;
      this.scores[at] = score;
      this.distances[at] = distanceKm;
      return;
    }
    if (this.n === this.slots.length) this.grow();
    const at = this.n++;
    this.seenIn[slot] = this.call;
    this.position[slot] = at;
    this.slots[at] = slot;
    this.pathways[at] = pathwayIndex;
    this.scores[at] = score;
    this.distances[at] = distanceKm;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    slots.set(this.slots);
    this.slots = slots;
    const pathways = new Int32Array(size);
    pathways.set(this.pathways);
    this.pathways = pathways;
    const scores = new Float64Array(size);
    scores.set(this.scores);
    this.scores = scores;
    const distances = new Float64Array(size);
    distances.set(this.distances);
    this.distances = distances;
  }
}

export interface SubstitutionGrids {
  /** By pathway index: outputs matching the pathway's output side. */
  outputs: (SpatialGrid | undefined)[];
  /** By pathway index: inputs matching the pathway's input side. */
  inputs: (SpatialGrid | undefined)[];
}

/** Fills `scratch` with every counterpart of `x` (an output or an input) and its best pair score. */
export function findCounterparts(x: PreparedFlow, grids: SubstitutionGrids, ctx: EngineContext, scratch: CandidateScratch): void {
  scratch.begin(ctx.flows.length);
  const { substitutionWeights: weights, minScore } = ctx.options;
  const flows = ctx.flows;
  const buffer = scratch.cellBuffer;
  const sides = x.isOutput ? x.outputSides : x.inputSides;
  for (let s = 0; s < sides.length; s++) {
    const xm = sides[s];
    const pathway = xm.side.pathway;
    const grid = x.isOutput ? grids.inputs[pathway.index] : grids.outputs[pathway.index];
    if (!grid) continue;
    buffer.length = 0;
    grid.query(x.latitude, x.longitude, pathway.reachKm, buffer);
    for (let k = 0; k < buffer.length; k++) {
      const y = flows[buffer[k]]!;
      if (y.organizationId === x.organizationId) continue;
      const o = x.isOutput ? x : y;
      const i = x.isOutput ? y : x;
      // Always (output, input): the same pair gives bit-identical numbers whichever side searched.
      const h = haversineTerm(o, i);
      if (h > pathway.reachTerm) continue;
      const om = x.isOutput ? xm : sideMatchFor(y.outputSides, pathway.index)!;
      const im = x.isOutput ? sideMatchFor(y.inputSides, pathway.index)! : xm;
      const distanceKm = distanceFromTerm(h);
      const score = assessSubstitution(o, om, i, im, distanceKm, weights, null);
      if (score < 0 || score < minScore) continue;
      scratch.offer(y.slot, pathway.index, score, distanceKm, ctx);
    }
  }
}
