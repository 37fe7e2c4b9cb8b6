import type { EngineFlow } from '../../src/synergy/engine/engine.types.js';
import { Prng } from '../prng.js';
import { flowLiteral, type TerritoryGenerator } from './territory-generator.js';

/**
 * A stream of flow changes of a generated territory, the same for a given seed: quantities changed,
 * organisations moved, flows redeclared as something else, new flows (ids `<newIds>-<k>`).
 */
export function updateStream(generator: TerritoryGenerator, flows: EngineFlow[], count: number, seed: number, newIds = 'new'): EngineFlow[] {
  const rng = new Prng(seed);
  const updates: EngineFlow[] = [];
  for (let k = 0; k < count; k++) {
    const f = rng.pick(flows);
    const kind = rng.int(0, 3);
    if (kind === 0) updates.push(flowLiteral({ ...f, yearlyQuantity: (f.yearlyQuantity ?? 10) * rng.between(0.5, 2) }));
    else if (kind === 1) updates.push(flowLiteral({ ...f, latitude: f.latitude + rng.between(-0.02, 0.02), longitude: f.longitude + rng.between(-0.02, 0.02) }));
    else if (kind === 2) updates.push(flowLiteral({ ...generator.flowOf(generator.organisation(), f.id), organizationId: f.organizationId }));
    else updates.push(generator.flowOf(generator.organisation(), `${newIds}-${k}`));
  }
  return updates;
}

/** The flows once every update is applied. */
export function applyUpdates(flows: EngineFlow[], updates: EngineFlow[]): EngineFlow[] {
  const byId = new Map(flows.map((f) => [f.id, f]));
  for (const f of updates) byId.set(f.id, f);
  return [...byId.values()];
}
