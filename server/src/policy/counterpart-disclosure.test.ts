import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentCount, counterpartDisclosure, distanceBandAt, NO_BAND, shownOf, type DirectoryEntry } from './counterpart-disclosure.js';

const KINDS = ['COMPANY', 'AUTHORITY', 'SSE'];
const SECTIONS = ['C', 'E', 'M', null];

const entry = fc.record({
  organizationId: fc.uuid(),
  kind: fc.constantFrom(...KINDS),
  sectionCode: fc.constantFrom(...SECTIONS),
  distancesKm: fc.array(fc.double({ min: 0, max: 150, noNaN: true }), { minLength: 1, maxLength: 3 }),
});

describe('counterpart disclosure', () => {
  it('wider bands contain the narrower ones, up to no band', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), (km) => {
        for (let level = 0; level < NO_BAND; level++) {
          const band = distanceBandAt(km, level)!;
          expect(km >= band.min && km < band.max).toBe(true);
          const wider = distanceBandAt(km, level + 1);
          if (wider) expect(wider.min <= band.min && wider.max >= band.max).toBe(true);
        }
        expect(distanceBandAt(km, NO_BAND)).toBeNull();
      }),
    );
  });

  it('shows what k directory organisations share whenever the directory allows it, and the finest such description', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 0, maxLength: 30 }), fc.nat(29), fc.integer({ min: 2, max: 6 }), (directory, pick, k) => {
        fc.pre(directory.length > 0);
        const self = directory[pick % directory.length]!;
        const counterpart = { kind: self.kind, sectionCode: self.sectionCode, distanceKm: self.distancesKm[0]! };
        const d = counterpartDisclosure(counterpart, directory, k);
        const count = consistentCount(shownOf(counterpart, d), directory);
        // Reached k, or nothing is left to widen: the whole directory is consistent.
        expect(count >= k || (!d.kind && !d.sector && d.bandLevel === NO_BAND && count === directory.length)).toBe(true);
        expect(count).toBeGreaterThanOrEqual(1); // the counterpart itself is always consistent
        if (d.bandLevel > 0) {
          const finer = { ...d, bandLevel: d.bandLevel - 1 };
          expect(consistentCount(shownOf(counterpart, finer), directory)).toBeLessThan(k);
        }
      }),
    );
  });

  it('keeps the finest band and the sector when k organisations already match them', () => {
    const near = (id: string, km: number): DirectoryEntry => ({ organizationId: id, kind: 'COMPANY', sectionCode: 'C', distancesKm: [km] });
    const directory = [near('a', 3), near('b', 4), near('c', 2.5), near('d', 40)];
    expect(counterpartDisclosure({ kind: 'COMPANY', sectionCode: 'C', distanceKm: 3 }, directory, 3)).toEqual({ kind: true, sector: true, bandLevel: 0 });
    // Alone in its band: widened until the far one is in it too (< 100 km with 4 organisations, at k = 4).
    expect(counterpartDisclosure({ kind: 'COMPANY', sectionCode: 'C', distanceKm: 3 }, directory, 4)).toEqual({ kind: true, sector: true, bandLevel: 3 });
  });
});
