export interface TerritoryLink {
  id: string;
  parentId: string | null;
}

/**
 * Territories nest (Lorraine Nord ⊃ Val de Fensch). Membership climbs the tree (a member in Val de Fensch is a
 * member of Lorraine Nord); facilitation descends it (facilitating Lorraine Nord covers Val de Fensch).
 * Both include the territory itself. Cycles, which the API refuses, cannot loop here either.
 */
export function expandTerritories(links: TerritoryLink[]) {
  const parentOf = new Map(links.map((l) => [l.id, l.parentId]));
  const childrenOf = new Map<string, string[]>();
  for (const l of links) {
    if (l.parentId) childrenOf.set(l.parentId, [...(childrenOf.get(l.parentId) ?? []), l.id]);
  }
  return {
    ancestorsOf(id: string): string[] {
      const out: string[] = [];
      const seen = new Set<string>();
      for (let cur: string | null | undefined = id; cur && !seen.has(cur); cur = parentOf.get(cur)) {
        seen.add(cur);
        out.push(cur);
      }
      return out;
    },
    descendantsOf(id: string): string[] {
      const out: string[] = [];
      const seen = new Set<string>();
      const stack = [id];
      while (stack.length > 0) {
        const cur = stack.pop()!;
        if (seen.has(cur)) continue;
        seen.add(cur);
        out.push(cur);
        stack.push(...(childrenOf.get(cur) ?? []));
      }
      return out;
    },
  };
}

/** Reads the whole territory tree (territories are few: tens) and expands it. One statement. */
export async function loadTerritoryTree(em: { execute: (sql: string) => Promise<unknown> }) {
  const rows = (await em.execute('select id, parent_id from territory')) as { id: string; parent_id: string | null }[];
  return expandTerritories(rows.map((r) => ({ id: r.id, parentId: r.parent_id })));
}
