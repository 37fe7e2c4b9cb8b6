/**
 * Whether `JSON.stringify(a) === JSON.stringify(b)`, without building either string: plain objects and arrays are
 * walked in key order (so two objects with the same entries in another order differ, as their JSON does), properties
 * JSON leaves out are skipped, array slots it writes as null compare as null, non-finite numbers as null. The walk
 * stops at the first difference. Anything else (a toJSON method, a class instance, a Map) is compared by its JSON.
 * Key order counts: for values read back from jsonb, whose keys PostgreSQL reorders, see `sameJson` in
 * detection/reconcile.ts, which compares canonical JSON.
 */
export function sameJsonText(a: unknown, b: unknown): boolean {
  const x = asJson(a);
  const y = asJson(b);
  if (x === y) return true;
  const objectX = typeof x === 'object' && x !== null;
  const objectY = typeof y === 'object' && y !== null;
  if ((objectX && !isPlain(x)) || (objectY && !isPlain(y))) return JSON.stringify(x) === JSON.stringify(y);
  if (!objectX || !objectY) return false;
  const arrayX = Array.isArray(x);
  if (arrayX !== Array.isArray(y)) return false;
  if (arrayX) {
    const u = x as unknown[];
    const v = y as unknown[];
    if (u.length !== v.length) return false;
    for (let k = 0; k < u.length; k++) if (!sameJsonText(inArray(u[k]), inArray(v[k]))) return false;
    return true;
  }
  const u = x as Record<string, unknown>;
  const v = y as Record<string, unknown>;
  const keysU = Object.keys(u);
  const keysV = Object.keys(v);
  let j = 0;
  for (let k = 0; k < keysU.length; k++) {
    const key = keysU[k];
    if (omitted(u[key])) continue;
    while (j < keysV.length && omitted(v[keysV[j]])) j++;
    if (j === keysV.length || keysV[j] !== key || !sameJsonText(u[key], v[key])) return false;
    j++;
  }
  while (j < keysV.length && omitted(v[keysV[j]])) j++;
  return j === keysV.length;
}

/** A number as JSON writes it: non-finite ones as null. */
function asJson(value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** What JSON leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function inArray(value: unknown): unknown {
  return omitted(value) ? null : value;
}

function isPlain(value: object): boolean {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
