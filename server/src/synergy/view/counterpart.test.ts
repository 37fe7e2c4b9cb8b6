import { describe, expect, it } from 'vitest';
import { findActivitySector } from '../../nomenclature/activity-sectors.js';
import { OrganizationKind } from '../../vocabulary/organization.enums.js';
import { FlowUnit } from '../../vocabulary/flow.enums.js';
import { describeCounterpart } from './counterpart.js';
import { distanceBand, roundSignificant } from './magnitudes.js';

describe('anonymous counterparts', () => {
  it('say what and roughly where, in both languages, without a name or an exact figure', () => {
    const d = describeCounterpart({
      organizationKind: OrganizationKind.COMPANY,
      sector: findActivitySector('24.10Z'),
      distanceBand: distanceBand(3.2),
      yearlyQuantity: 237,
      unit: FlowUnit.TONNE,
      direction: 'OUTPUT',
      pathwayLabel: undefined,
    });
    expect(d.descriptionFr).toBe('Une entreprise (industrie manufacturière) à 2–5 km dispose d’environ 200 t/an');
    expect(d.descriptionEn).toBe('A company (manufacturing) 2–5 km away has about 200 t/yr');
    expect(d.approximateYearlyQuantity).toBe(200);
  });

  it('show no quantity at all for a PRIVATE flow', () => {
    const d = describeCounterpart({
      organizationKind: OrganizationKind.SSE,
      sector: undefined,
      distanceBand: null,
      yearlyQuantity: null,
      unit: FlowUnit.TONNE,
      direction: 'INPUT',
      pathwayLabel: undefined,
    });
    expect(d.approximateYearlyQuantity).toBeNull();
    expect(d.unitSymbol).toBeNull();
    expect(d.descriptionFr).toBe("Une structure de l'ESS a ce besoin");
  });

  it('band distances and round magnitudes', () => {
    expect([0.4, 2, 7, 24.9, 49, 99, 180].map((km) => distanceBand(km))).toEqual(['< 2 km', '2–5 km', '5–10 km', '10–25 km', '25–50 km', '50–100 km', '> 100 km']);
    // Widened: each wider band contains the narrower one, up to no band at all.
    expect([0, 1, 2, 3, 4].map((level) => distanceBand(7, level))).toEqual(['5–10 km', '5–25 km', '< 25 km', '< 100 km', null]);
    expect([237, 0.0437, 15000, 0].map((x) => roundSignificant(x, 1))).toEqual([200, 0.04, 20000, 0]);
  });
});
