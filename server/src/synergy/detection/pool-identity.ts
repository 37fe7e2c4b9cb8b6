/**
 * A mutualisation pool's engine key is its pathway and its sorted member flows, so a pool that gains or loses a
 * member comes out of the engine under a new key. Stored, that used to mean withdrawing the pool (and all its
 * participants) and inserting it again under a new id: every member's link to it changed, and a crowded pool's
 * regrouping rewrote all its rows at every declaration near it.
 *
 * Rule: a new pool key takes over the stored pool, of the same pathway, that is going away and shares the most
 * member flows with it — at least half of the stored pool's members (a pool that splits keeps its identity in the
 * larger part; one mostly replaced is a new pool). Greedy by overlap, largest first, then by keys, so the same
 * inputs always pair the same way; each stored pool is taken over once. Pure: works on keys alone, before any
 * database read. Whether the stored pool may be taken over at all (no decision, no project) is reconcile's call.
 */
export function matchPools(newKeys: Iterable<string>, goneKeys: Iterable<string>): Map<string, string> {
  const gone = new Map<string, Map<string, Set<string>>>();
  for (const key of goneKeys) {
    const parsed = parsePoolKey(key);
    if (!parsed) continue;
    let byKey = gone.get(parsed.pathwayId);
    if (!byKey) gone.set(parsed.pathwayId, (byKey = new Map()));
    byKey.set(key, new Set(parsed.flowIds));
  }
  const candidates: { newKey: string; oldKey: string; overlap: number }[] = [];
  if (gone.size === 0) return new Map();
  for (const newKey of newKeys) {
    const parsed = parsePoolKey(newKey);
    const byKey = parsed && gone.get(parsed.pathwayId);
    if (!parsed || !byKey) continue;
    for (const [oldKey, members] of byKey) {
      if (oldKey === newKey) continue;
      let overlap = 0;
      for (const id of parsed.flowIds) if (members.has(id)) overlap++;
      if (overlap > 0 && 2 * overlap >= members.size) candidates.push({ newKey, oldKey, overlap });
    }
  }
  candidates.sort((a, b) => b.overlap - a.overlap || compare(a.newKey, b.newKey) || compare(a.oldKey, b.oldKey));
  const taken = new Set<string>();
  const pairs = new Map<string, string>();
  for (const c of candidates) {
    if (pairs.has(c.newKey) || taken.has(c.oldKey)) continue;
    pairs.set(c.newKey, c.oldKey);
    taken.add(c.oldKey);
  }
  return pairs;
}

/** The pathway and member flows of a mutualisation key (`MUTUALISATION:<pathway>:<id>,<id>…`); null for others. */
export function parsePoolKey(key: string): { pathwayId: string; flowIds: string[] } | null {
  if (!key.startsWith('MUTUALISATION:')) return null;
  const last = key.lastIndexOf(':');
  if (last <= 'MUTUALISATION:'.length) return null;
  return { pathwayId: key.slice('MUTUALISATION:'.length, last), flowIds: key.slice(last + 1).split(',') };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
