/**
 * SIREN (company) and SIRET (establishment) numbers of the French SIRENE register. Both end with a Luhn check
 * digit, except La Poste's establishments, numbered past what one check digit can tell apart.
 */

// La Poste's SIREN: its SIRETs follow INSEE's own rule, a digit sum that is a multiple of 5.
const LA_POSTE_SIREN = '356000000';

/** Removes the spaces people write between digit groups ("552 100 554" → "552100554"). */
export function normalizeSiren(input: string): string {
  return input.replace(/\s+/g, '');
}

/** Removes the spaces people write between digit groups ("552 100 554 00021" → "55210055400021"). */
export function normalizeSiret(input: string): string {
  return input.replace(/\s+/g, '');
}

/** Nine digits with a valid Luhn check digit; normalize first if the input may hold spaces. */
export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && passesLuhn(siren);
}

/** Fourteen digits with a valid Luhn check digit, or one of La Poste's establishments. */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (passesLuhn(siret)) return true;
  return siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0;
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const digit of digits) sum += Number(digit);
  return sum;
}
