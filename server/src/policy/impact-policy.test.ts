import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSeeEuros, territoryIndicatorAccess } from './impact-policy.js';
import { ids, viewerOf, viewerShapeArb } from './viewer.fixture.js';

const figureArb = fc.record({ territoryId: fc.constantFrom(...ids), organizationId: fc.option(fc.constantFrom(...ids), { nil: null }) });

describe('impact figures policy', () => {
  it('euros are read by the organisation that saves them and by the facilitators of the territory only', () => {
    fc.assert(
      fc.property(viewerShapeArb, figureArb, (v, f) => {
        const entitled = v.facilitates.includes(f.territoryId) || (f.organizationId !== null && v.memberOf.includes(f.organizationId));
        expect(canSeeEuros(viewerOf(v), f)).toBe(entitled);
        expect(canSeeEuros(null, f)).toBe(false);
      }),
    );
  });

  it('territory totals: whole for facilitators, without euros for members of the territory, hidden from others', () => {
    fc.assert(
      fc.property(fc.option(viewerShapeArb, { nil: null }), fc.constantFrom(...ids), (v, territoryId) => {
        const access = territoryIndicatorAccess(v ? viewerOf(v) : null, territoryId);
        const expected =
          v === null ? 'NONE' : v.facilitates.includes(territoryId) ? 'WITH_EUROS' : v.memberTerritories.includes(territoryId) ? 'WITHOUT_EUROS' : 'NONE';
        expect(access).toBe(expected);
      }),
    );
  });

  it('euros in a territory total follow the same rule as euros of no one organisation', () => {
    fc.assert(
      fc.property(viewerShapeArb, fc.constantFrom(...ids), (v, territoryId) => {
        const withEuros = territoryIndicatorAccess(viewerOf(v), territoryId) === 'WITH_EUROS';
        expect(withEuros).toBe(canSeeEuros(viewerOf(v), { territoryId, organizationId: null }));
      }),
    );
  });
});
