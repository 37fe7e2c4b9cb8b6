import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSiren, isValidSiret, normalizeSiren, normalizeSiret } from './siren.js';

/** The digit that makes `body` + digit pass the Luhn check. */
function luhnCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${body}${digit}`;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let value = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      sum += value;
    }
    if (sum % 10 === 0) return String(digit);
  }
  throw new Error('unreachable');
}

const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

describe('SIREN', () => {
  it('accepts real SIRENs', () => {
    expect(isValidSiren('552100554')).toBe(true); // Engie
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('356000000')).toBe(true); // La Poste
  });

  it('rejects a wrong check digit, a wrong length, letters and unnormalized spaces', () => {
    expect(isValidSiren('552100555')).toBe(false);
    expect(isValidSiren('55210055')).toBe(false);
    expect(isValidSiren('5521005540')).toBe(false);
    expect(isValidSiren('55210055A')).toBe(false);
    expect(isValidSiren('552 100 554')).toBe(false);
    expect(isValidSiren('')).toBe(false);
  });

  it('normalizes the spaces people write between digit groups, including non-breaking ones', () => {
    expect(normalizeSiren(' 552 100\u00a0554 ')).toBe('552100554');
    expect(isValidSiren(normalizeSiren('552 100 554'))).toBe(true);
  });

  it('accepts any eight digits followed by their Luhn check digit', () => {
    fc.assert(fc.property(digits(8), (body) => {
      expect(isValidSiren(body + luhnCheckDigit(body))).toBe(true);
    }));
  });

  it('rejects any SIREN with one digit changed', () => {
    fc.assert(
      fc.property(digits(8), fc.nat(8), fc.integer({ min: 1, max: 9 }), (body, position, shift) => {
        const siren = body + luhnCheckDigit(body);
        const changed = (Number(siren[position]) + shift) % 10;
        const typo = siren.slice(0, position) + changed + siren.slice(position + 1);
        expect(isValidSiren(typo), typo).toBe(false);
      }),
    );
  });
});

describe('SIRET', () => {
  it('accepts real SIRETs', () => {
    expect(isValidSiret('55210055400021')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
  });

  it('rejects a wrong check digit, a wrong length and letters', () => {
    expect(isValidSiret('55210055400022')).toBe(false);
    expect(isValidSiret('5521005540002')).toBe(false);
    expect(isValidSiret('552100554000210')).toBe(false);
    expect(isValidSiret('5521005540002A')).toBe(false);
  });

  it("accepts La Poste's establishments whose digit sum is a multiple of 5 though they fail the Luhn check", () => {
    expect(isValidSiret('35600000000001')).toBe(true);
  });

  it("accepts La Poste's head office, which passes the Luhn check", () => {
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it("rejects La Poste's establishments failing both rules", () => {
    expect(isValidSiret('35600000000019')).toBe(false);
  });

  it('does not extend the La Poste exception to other companies', () => {
    // Digit sums that are multiples of 5, failing the Luhn check.
    expect(isValidSiret('35600000100000')).toBe(false);
    expect(isValidSiret('55210055400026')).toBe(false);
  });

  it('normalizes spaces', () => {
    expect(normalizeSiret('552 100 554 00021')).toBe('55210055400021');
  });

  it('accepts any thirteen digits followed by their Luhn check digit', () => {
    fc.assert(fc.property(digits(13), (body) => {
      expect(isValidSiret(body + luhnCheckDigit(body))).toBe(true);
    }));
  });
});
