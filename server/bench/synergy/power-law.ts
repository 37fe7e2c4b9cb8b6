/**
 * A power law t = a·n^b fitted by least squares on log t against log n: how the naive baseline's time grows
 * with the number of flows, measured at sizes it can afford, to estimate it at sizes it cannot.
 */
export interface PowerLaw {
  a: number;
  b: number;
  /** The sizes it was fitted on. */
  sizes: number[];
}

export function fitPowerLaw(points: { n: number; t: number }[]): PowerLaw {
  if (points.length < 2) throw new Error('a power law needs at least two sizes');
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.t));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, k) => {
    sxy += (x - mx) * (ys[k] - my);
    sxx += (x - mx) ** 2;
  });
  const b = sxy / sxx;
  return { a: Math.exp(my - b * mx), b, sizes: points.map((p) => p.n) };
}

export function predict(law: PowerLaw, n: number): number {
  return law.a * n ** law.b;
}

export function describeLaw(law: PowerLaw, unit: string): string {
  return `${law.a.toExponential(3)} × n^${law.b.toFixed(3)} ${unit} (fitted on ${law.sizes.map((n) => n.toLocaleString('en-US')).join(', ')} flows)`;
}
