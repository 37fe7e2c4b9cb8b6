import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export const FLOW_CHANGED = `subscription FlowChanged($territoryId: ID!) {
  flowChanged(territoryId: $territoryId) { change flowId flow { id label description disclosure quantity unit yearlyCostEur } }
}`;

/** One subscriber: its socket, and when each marker (a flow description) reached it. */
export interface Subscriber {
  client: Client;
  role: string;
  arrivals: Map<string, number>;
  errors: unknown[];
  /** Resolves once the server acknowledged the connection (or it failed: see `errors`). */
  connected: Promise<void>;
}

/** Opens a graphql-ws subscription to flowChanged with the given credentials (cookie header or bearer token). */
export function subscribe(wsUrl: string, role: string, headers: Record<string, string>, territoryId: string): Subscriber {
  const { authorization, ...upgradeHeaders } = headers;
  let acknowledged: () => void = () => {};
  const connected = new Promise<void>((resolve) => (acknowledged = resolve));
  const client = createClient({
    on: { connected: () => acknowledged(), closed: () => acknowledged(), error: () => acknowledged() },
    url: wsUrl,
    lazy: true,
    retryAttempts: 0,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: upgradeHeaders });
      }
    },
    connectionParams: authorization ? { authorization } : undefined,
  });
  const s: Subscriber = { client, role, arrivals: new Map(), errors: [], connected };
  client.subscribe<{ flowChanged: { flow: { description: string | null } | null } }>(
    { query: FLOW_CHANGED, variables: { territoryId } },
    {
      next: (value) => {
        const marker = value.data?.flowChanged.flow?.description;
        if (marker && !s.arrivals.has(marker)) s.arrivals.set(marker, performance.now());
        if (value.errors) s.errors.push(value.errors);
      },
      error: (e) => s.errors.push(describe(e)),
      complete: () => {},
    },
  );
  return s;
}

/** Resolves when `count` subscribers have `marker`, or after `ms` (then with fewer). */
export async function arrivedAt(subscribers: Subscriber[], marker: string, count: number, ms: number): Promise<number> {
  const until = Date.now() + ms;
  for (;;) {
    const n = subscribers.filter((s) => s.arrivals.has(marker)).length;
    if (n >= count || Date.now() >= until) return n;
    await new Promise((r) => setTimeout(r, 5));
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  const close = e as { code?: number; reason?: string; type?: string };
  return close.code !== undefined ? `closed ${close.code} ${close.reason ?? ''}` : JSON.stringify(e);
}
