import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { figuresFor } from './declared-baseline.js';
import { flow } from './engine.fixture.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import { substitutionImpacts } from './impacts.js';
import { mutualisationImpacts } from './mutualisation-impacts.js';

/**
 * docs/THREAT_MODEL.md #62: where an output goes today is a declared counterfactual. Its process terms (the heat a
 * burnt stream gave: `ef-wood-heat-lost`, `ef-pallet-heat-lost`), its disposal factor and its share diverted follow
 * it; anyone but the declaring organisation and the facilitators reads the figures as if no destination were
 * declared, for a pair and for a pool (the pools with a heat-lost term are not in the demo: the attack test,
 * test/attacks/declared-destination.test.ts, reads the others through the API).
 */
const kb = compileKnowledgeBase(loadKnowledgeBase());
const pathway = (id: string) => kb.kb.pathways.find((p) => p.id === id)!;
type Destination = EngineFlow['currentDestination'];
const DESTINATIONS: Destination[] = [null, 'ENERGY_RECOVERY', 'LANDFILL', 'INCINERATION', 'RECYCLING', 'REUSE', 'OTHER'];
const factorIds = (figures: ImpactFigure[]) => figures.flatMap((f) => f.factors.map((x) => x.id));
const strip = (figures: ImpactFigure[]) => figures.map(({ audience: _a, declaredBy: _b, ...f }) => f);

function pair(id: string, destination: Destination): ImpactFigure[] {
  const o = flow({ id: 'o', organizationId: 'seller', direction: 'OUTPUT', yearlyQuantity: 40, currentDestination: destination, yearlyCostEur: 3_000 });
  const i = flow({ id: 'i', organizationId: 'buyer', direction: 'INPUT', yearlyQuantity: 40 });
  return substitutionImpacts({ pathway: pathway(id), output: o, input: i, matchedQuantity: 40, coverage: { output: 1, input: 1 }, transport: null }, kb);
}

function pool(id: string, destinations: Destination[]): ImpactFigure[] {
  const members = destinations.map((d, k) => ({
    flow: flow({ id: `m${k}`, organizationId: `org${k}`, direction: 'OUTPUT', yearlyQuantity: 100 + k, currentDestination: d, yearlyCostEur: k === 0 ? 2_000 : null }),
    quantity: 100 + k,
  }));
  return mutualisationImpacts({ pathway: pathway(id), direction: 'OUTPUT', members, pooledQuantity: members.reduce((n, m) => n + m.quantity, 0) }, kb);
}

describe('a declared destination changes only the figures of those who may read it', () => {
  for (const id of ['solid-wood-offcuts-reuse', 'pallets-repair-reuse', 'wood-waste-particleboard', 'pe-film-recycling', 'sorting-residues-srf']) {
    it(`pair ${id}: the other party reads the same whatever the seller declares; the seller reads its own baseline`, () => {
      const others = DESTINATIONS.map((d) => figuresFor(pair(id, d), (orgs) => orgs.length === 0));
      for (const read of others) expect(strip(read)).toEqual(strip(others[0]));
      // As if nothing were declared: the undeclared run is what everyone else reads.
      expect(strip(others[0])).toEqual(strip(pair(id, null)));
      const seller = (d: Destination) => figuresFor(pair(id, d), (orgs) => orgs.every((o) => o === 'seller'));
      if (id !== 'pe-film-recycling' && id !== 'sorting-residues-srf') {
        expect(factorIds(seller('ENERGY_RECOVERY')).some((x) => x.endsWith('-heat-lost')), 'burnt today: the heat it gave is deducted').toBe(true);
        expect(factorIds(seller('LANDFILL')).some((x) => x.endsWith('-heat-lost'))).toBe(false);
      }
      expect(factorIds(others[0]).some((x) => x.endsWith('-heat-lost'))).toBe(false);
    });
  }

  for (const id of ['pool-wood-waste-collection', 'pool-pallet-collection', 'pool-plastic-film-collection', 'pool-cardboard-collection']) {
    it(`pool ${id}: a member reads the same whatever the others declare; each reads its own euros`, () => {
      const combos: Destination[][] = [
        [null, null, null],
        ['LANDFILL', 'ENERGY_RECOVERY', 'ENERGY_RECOVERY'],
        ['LANDFILL', 'LANDFILL', 'INCINERATION'],
        ['LANDFILL', 'RECYCLING', 'ENERGY_RECOVERY'],
        ['LANDFILL', null, 'REUSE'],
      ];
      // org0 keeps LANDFILL (and its cost): what org0 reads must not move with org1's and org2's declarations.
      const org0 = (orgs: string[]) => orgs.length > 0 && orgs.every((o) => o === 'org0');
      // Euros: each member reads its own only (canSeeEuros), as the API shows them.
      const seen = (figures: ImpactFigure[], org: string | null) => figures.filter((f) => f.indicator !== 'EUROS_SAVED' || f.organizationId === org);
      const reads = combos.slice(1).map((c) => seen(figuresFor(pool(id, c), org0), 'org0'));
      for (const read of reads) expect(strip(read)).toEqual(strip(reads[0]));
      const stranger = combos.map((c) => seen(figuresFor(pool(id, c), () => false), null));
      for (const read of stranger) expect(strip(read)).toEqual(strip(stranger[0]));
      // The member's own euros follow its own declaration (a cost declared: the same either way here).
      expect(reads[0].some((f) => f.indicator === 'EUROS_SAVED' && f.organizationId === 'org0')).toBe(true);
      // The facilitators read the declared figures, unchanged: the pool's run on every declaration.
      const burnt = pool(id, ['ENERGY_RECOVERY', 'ENERGY_RECOVERY', 'ENERGY_RECOVERY']);
      const facilitator = figuresFor(burnt, () => true);
      if (id === 'pool-wood-waste-collection' || id === 'pool-pallet-collection') {
        expect(factorIds(facilitator).some((x) => x.endsWith('-heat-lost'))).toBe(true);
        expect(factorIds(figuresFor(burnt, () => false)).some((x) => x.endsWith('-heat-lost'))).toBe(false);
      }
      expect(facilitator.every((f) => f.audience !== 'UNDECLARED')).toBe(true);
    });
  }
});
