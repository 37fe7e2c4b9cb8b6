/** How the impact formulas say their numbers: short, readable, and each distinct one made once where it repeats. */

/** 10 ** decimals for the decimals figures and scores are rounded to: read, not computed (a call to pow each time). */
export const POW10 = [1, 10, 100, 1000, 10000, 100000];

/**
 * Short, readable numbers for formulas: 12 480 → "12480", 123.45 → "123.5", 3.14159 → "3.14", 0.004567 →
 * "0.00457". Written with integer arithmetic: formatting a fractional number is several times slower.
 */
export function fmt(n: number): string {
  const a = Math.abs(n);
  if (a === 0) return '0';
  const sign = n < 0 ? '-' : '';
  if (a >= 1000) return sign + Math.round(a);
  if (a >= 100) {
    const v = Math.round(a * 10);
    const i = (v / 10) | 0;
    const f = v - i * 10;
    return f === 0 ? sign + i : `${sign}${i}.${f}`;
  }
  if (a >= 1) {
    const v = Math.round(a * 100);
    const i = (v / 100) | 0;
    const f = v - i * 100;
    if (f === 0) return sign + i;
    return `${sign}${i}.${f < 10 ? `0${f}` : f % 10 === 0 ? f / 10 : f}`;
  }
  // Below 1, three significant digits: a runtime call, a parse and a print each time. Factors and rates (0.0875
  // kg/t·km, 0.12 EUR/t·km) are said by thousands of formulas: half of the 15k such calls at 100k flows repeat.
  let said = FRACTIONS.get(n);
  if (said === undefined) {
    said = String(Number(n.toPrecision(3)));
    if (FRACTIONS.size < MAX_FRACTIONS) FRACTIONS.set(n, said);
  }
  return said;
}

const FRACTIONS = new Map<number, string>();
/** Past this many values below 1, the rest are printed each time (6k distinct at 100k flows). */
const MAX_FRACTIONS = 16_384;

const PERCENTS: string[] = [];

export function pct(share: number): string {
  const percent = Math.round(share * 100);
  // A share is said in whole percents, most between 0 and 100 (85 % take-up in nearly every formula): one string each.
  if (percent >= 0 && percent <= 100) return (PERCENTS[percent] ??= `${percent} %`);
  return `${percent} %`;
}
