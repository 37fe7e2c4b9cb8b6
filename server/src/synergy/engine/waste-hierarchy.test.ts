import { describe, expect, it } from 'vitest';
import { need, out, synergiesOf } from './documented-routes.fixture.js';
import { at } from './engine.fixture.js';
import { hierarchyStep } from './pair-score.js';

/**
 * The waste hierarchy (directive 2008/98/EC, art. 4) in partner selection: a source of unknown quantity keeps its
 * three best counterparts, and its reuse must not be pushed out by recycling or burning that score higher only
 * because their pathways are judged on a longer reach. Labels here are written for the test, not from the corpus.
 */
describe('pallets of unknown quantity, wanted for reuse, for particleboard and as boiler fuel', () => {
  const pallets = () => out('pallets', 'depot', 'WASTE', 'Palettes bois usagées', { ewcCode: '15 01 03' });
  const reuse = () => need('reuse', 'repairer', 'MATERIAL', 'Palettes à réparer', { needCode: 'pallets-for-repair', unit: 'UNIT', ...at(0, 30) });
  const board = (id: string, km: number) => need(id, `${id}-mill`, 'MATERIAL', 'Bois de recyclage pour panneaux de particules', { needCode: 'recycled-wood-panels', ...at(0, km) });
  const boiler = (id: string, km: number) => need(id, `${id}-site`, 'ENERGY', 'Plaquettes pour chaudière biomasse', { needCode: 'wood-chips-fuel', ...at(0, km) });
  const others = () => [board('board-a', 31), board('board-b', 33), board('board-c', 35), boiler('boiler-a', 32), boiler('boiler-b', 34)];
  const flows = () => [pallets(), reuse(), ...others()];
  /** A pair's score with no other flow around (the score does not depend on the other candidates). */
  const alone = (input: ReturnType<typeof need>) => synergiesOf([pallets(), input]).find((s) => s.flowIds[1] === input.id)?.score ?? 0;

  it('keeps the reuse among the pallets\' partners, though particleboard and fuel score higher', () => {
    const found = synergiesOf(flows()).filter((s) => s.kind === 'SUBSTITUTION' && s.flowIds[0] === 'pallets');
    const byInput = new Map(found.map((s) => [s.flowIds[1], s]));
    expect(byInput.get('reuse')?.pathwayId).toBe('pallets-repair-reuse');
    // The probe is meaningful only while at least three lower routes score higher (their longer reach).
    const reuseScore = alone(reuse());
    expect(others().filter((o) => alone(o) > reuseScore).length).toBeGreaterThanOrEqual(3);
    expect(byInput.get('reuse')?.score).toBe(reuseScore);
  });

  it('ranks on the hierarchy before the distance can: one step of the distance weight per level', () => {
    expect(hierarchyStep('REUSE', 0.2)).toBeCloseTo(0.4);
    expect(hierarchyStep('RECYCLING', 0.2)).toBeCloseTo(0.2);
    expect(hierarchyStep('ENERGY_RECOVERY', 0.2)).toBe(0);
    expect(hierarchyStep(undefined, 0.2)).toBe(0);
  });
});
