/** Who is in a live document, as its awareness tells: a name, a colour, and whether it is the reader. */
export interface PresentUser {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

/**
 * Caret colours: dark enough for white text on them (contrast ≥ 4.5:1) and told apart from one another; 6-digit hex
 * because remote carets and Hocuspocus' awareness expect that form.
 */
export const PRESENCE_COLORS = ['#b3261e', '#1d5fbf', '#1b7a3d', '#8a3ab9', '#a14f00', '#00707a', '#b0216f', '#4a5a6a'] as const;

/** The same person gets the same colour in every browser and every session. */
export function presenceColor(seed: string): string {
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length];
}

/** How the reader is shown to the others: "Julien Weber (Aciéries de la Fensch)". */
export function presenceName(name: string, organization: string | null): string {
  return organization ? `${name} (${organization})` : name;
}

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * The people present, from awareness states (anything a client wrote: untrusted), the reader first, then by name.
 * A state without a user is a connection that has not introduced itself: not listed.
 */
export function presentUsers(states: Map<number, Record<string, unknown>>, selfId: number): PresentUser[] {
  const users: PresentUser[] = [];
  for (const [clientId, state] of states) {
    const user = state.user as { name?: unknown; color?: unknown } | undefined;
    if (!user || typeof user.name !== 'string' || user.name.trim() === '') continue;
    const color = typeof user.color === 'string' && HEX.test(user.color) ? user.color : PRESENCE_COLORS[PRESENCE_COLORS.length - 1];
    users.push({ clientId, name: user.name.slice(0, 200), color, isSelf: clientId === selfId });
  }
  return users.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}
