import 'reflect-metadata';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../src/config/config.js';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import { startApp, type RunningApp } from '../src/app/start-app.js';
import { advisoryRootLocks } from '../src/synergy/detection/root-lock.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; problems?: { field: string; message: string }[] } }[];
  headers: Headers;
}

/** Who sends a request: nobody, a browser session cookie, or an integrator's bearer token. */
export type As = { cookie?: string; token?: string } | undefined;

/** The real server (HTTP + WebSocket) on a random port over a database of its own. */
export class TestApp {
  constructor(
    readonly app: RunningApp,
    protected readonly db: TestDatabase,
  ) {}

  /** Starts the server; a subclass (the attack tests' server) gets an instance of itself. */
  static async start<T extends TestApp>(
    this: new (app: RunningApp, db: TestDatabase) => T,
    {
    seedDemo = true,
    redisUrl,
    sharing,
    env = {},
    log = () => {},
    }: { seedDemo?: boolean; redisUrl?: string; sharing?: TestApp; env?: Record<string, string>; log?: (line: string) => void } = {},
  ): Promise<T> {
    // A second instance may share the first one's PostgreSQL database (several instances behind a balancer).
    const db = sharing ? { ...sharing.db, drop: async () => {} } : await createTestDatabase();
    const config = loadConfig({
      REDIS_URL: redisUrl,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: db.databaseUrl,
      DATA_DIR: db.dataDir,
      SESSION_SECRET: 'test-secret-test-secret-test-secret-42',
      SEED_DEMO: seedDemo ? 'true' : 'false',
      DB_POOL_MAX: '4',
      ...env,
    });
    const app = await startApp(config, log);
    return new this(app, db);
  }

  get url(): string {
    return this.app.url;
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.db.drop();
  }

  async gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: As, operationName?: string): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as?.cookie) headers.cookie = as.cookie;
    if (as?.token) headers.authorization = `Bearer ${as.token}`;
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables, operationName }) });
    const body = (await res.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
    return { status: res.status, data: body.data ?? undefined, errors: body.errors, headers: res.headers };
  }

  /** Logs in through the API and returns the session cookie to send back. */
  async logIn(email: string, password = DEMO_PASSWORD): Promise<{ cookie: string }> {
    const res = await this.gql(`mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p}) { viewer { email } } }`, { e: email, p: password });
    if (res.errors) throw new Error(`log-in failed: ${JSON.stringify(res.errors)}`);
    const setCookie = res.headers.get('set-cookie') ?? '';
    return { cookie: setCookie.split(';')[0] };
  }

  /**
   * A probe for `collect(…).live` and `.before`: `as` writes the marker into the description of a flow it may
   * edit, which publishes a flow change to every subscriber of its territories who may see that flow.
   */
  flowProbe(flowId: string, as: As): Probe {
    return async (marker) => {
      const res = await this.gql(`mutation($id: ID!, $d: String) { updateFlow(id: $id, input: {description: $d}) { id } }`, { id: flowId, d: marker }, as);
      if (res.errors) throw new Error(`probe failed: ${JSON.stringify(res.errors)}`);
    };
  }

  /**
   * Waits for detection to catch up with flow changes. `as` (a facilitator of `territoryId`) follows the territory's
   * flow changes and writes markers into `flowId`'s description; detection listens to the same stream, subscribed
   * since start, so once a marker comes back every earlier change has been queued for it, and `synergiesSettled`
   * waits for the queue. `settle()` does both; `dispose()` closes the socket.
   */
  async detectionWatch(flowId: string, as: As, territoryId: string): Promise<{ settle(): Promise<void>; dispose(): Promise<void> }> {
    const sentinel = this.flowProbe(flowId, as);
    const watcher = this.wsClient(as);
    const flowChanges = collect(watcher, `subscription($t: ID!) { flowChanged(territoryId: $t) { flow { description } } }`, { t: territoryId });
    await flowChanges.live(sentinel);
    return {
      settle: async () => {
        await flowChanges.before(sentinel);
        await this.app.synergiesSettled();
      },
      dispose: async () => {
        await watcher.dispose();
      },
    };
  }

  /** A graphql-ws client authenticated like `as`. */
  wsClient(as?: As, extra: { origin?: string } = {}): Client {
    const url = this.url.replace('http', 'ws') + '/graphql';
    return createClient({
      url,
      lazy: true,
      retryAttempts: 0,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, {
            headers: { ...(as?.cookie ? { cookie: as.cookie } : {}), ...(extra.origin ? { origin: extra.origin } : {}) },
          });
        }
      },
      connectionParams: as?.token ? { authorization: `Bearer ${as.token}` } : undefined,
    });
  }
}

type SubscriptionEvent<T> = { data?: T; errors?: unknown[] };

/** Fires something the subscriber may see, carrying `marker` (in a label, a description…). */
export type Probe = (marker: string) => Promise<unknown>;

let probes = 0;
const newMarker = () => `probe-${++probes}-${Math.random().toString(36).slice(2, 8)}`;
const mentions = (event: unknown, marker: string) => JSON.stringify(event).includes(marker);

/**
 * The events of one subscription. graphql-ws does not say when the server has subscribed, and events published
 * before that are lost, so a test neither sleeps nor hopes:
 * - `live(probe)` fires probes until one comes back: the subscription is then live, and `events` starts after it;
 * - `before(sentinel)` fires one event the viewer may see and returns what arrived before it. Events of one
 *   subscription arrive in the order they were published, so an event absent there will never arrive: this is
 *   how a test proves that something was NOT delivered, with no window to guess.
 */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>) {
  const all: SubscriptionEvent<T>[] = [];
  let from = 0;
  let error: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => all.push(value as SubscriptionEvent<T>),
        error: (e) => {
          error = e;
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  /** Index of the first event after `from` that `arrived` accepts, or -1 when `ms` passed first. */
  const arrival = async (arrived: (event: SubscriptionEvent<T>) => boolean, ms: number): Promise<number> => {
    const until = Date.now() + ms;
    for (;;) {
      const at = all.findIndex((event, k) => k >= from && arrived(event));
      if (at >= 0 || Date.now() >= until || error !== undefined) return at;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    /** Every event since the subscription went live (or since the last sentinel), probes excluded. */
    get events() {
      return all.slice(from);
    },
    /** Every event received, probes included. */
    all,
    get error() {
      return error;
    },
    done,
    /**
     * Resolves once the subscription is live: fires `probe` every `everyMs` until an event it caused arrives
     * (by default, one that mentions its marker). Events before that one are dropped from `events`.
     */
    async live(probe: Probe, arrived: (event: SubscriptionEvent<T>, marker: string) => boolean = mentions, { everyMs = 250, ms = 10_000 } = {}) {
      const until = Date.now() + ms;
      while (Date.now() < until && error === undefined) {
        const marker = newMarker();
        await probe(marker);
        // Waiting for the last probe's own event: any earlier probe that will ever arrive has arrived before it.
        const at = await arrival((event) => arrived(event, marker), everyMs);
        if (at >= 0) {
          from = at + 1;
          return;
        }
      }
      throw new Error(`the subscription did not go live within ${ms} ms${error === undefined ? '' : `: ${String(error)}`}`);
    },
    /** Fires `sentinel` once and returns the events that arrived before its own; `events` then starts after it. */
    async before(sentinel: Probe, ms = 10_000): Promise<SubscriptionEvent<T>[]> {
      const marker = newMarker();
      await sentinel(marker);
      const at = await arrival((event) => mentions(event, marker), ms);
      if (at < 0) throw new Error(`the sentinel event did not arrive within ${ms} ms: was the subscription live?`);
      const earlier = all.slice(from, at);
      from = at + 1;
      return earlier;
    },
    /** Waits for `count` events after the live point (positive tests); returns them, fewer if `ms` passed. */
    async waitFor(count: number, ms = 5000) {
      const until = Date.now() + ms;
      while (all.length - from < count && Date.now() < until && error === undefined) await new Promise((r) => setTimeout(r, 20));
      return all.slice(from);
    },
  };
}

/**
 * Holds the reconciliation lock of the territory tree rooted at `root` (its database id) as another instance's
 * detection would — the product's own RootLocks on a connection of their own — until the returned function is
 * called (it waits for the lock's transaction to end).
 */
export async function holdRootLock(t: TestApp, root: string): Promise<() => Promise<void>> {
  const locks = advisoryRootLocks();
  let held!: () => void;
  let release!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = locks.hold(t.app.orm.em.fork(), root, async () => {
    held();
    await released;
  });
  await Promise.race([holding, done]);
  return async () => {
    release();
    await done;
    await locks.close();
  };
}
