import 'reflect-metadata';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../src/config/config.js';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import { startApp, type RunningApp } from '../src/app/start-app.js';
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
  private constructor(
    readonly app: RunningApp,
    private readonly db: TestDatabase,
  ) {}

  static async start({ seedDemo = true, redisUrl, sharing }: { seedDemo?: boolean; redisUrl?: string; sharing?: TestApp } = {}): Promise<TestApp> {
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
    });
    const app = await startApp(config, () => {});
    return new TestApp(app, db);
  }

  get url(): string {
    return this.app.url;
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.db.drop();
  }

  async gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: As): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as?.cookie) headers.cookie = as.cookie;
    if (as?.token) headers.authorization = `Bearer ${as.token}`;
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
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

/** Collects the events of one subscription until `count` arrive or `ms` pass. */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>) {
  const events: { data?: T; errors?: unknown[] }[] = [];
  let error: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => events.push(value as { data?: T; errors?: unknown[] }),
        error: (e) => {
          error = e;
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  return {
    events,
    get error() {
      return error;
    },
    done,
    async waitFor(count: number, ms = 5000) {
      const until = Date.now() + ms;
      while (events.length < count && Date.now() < until && error === undefined) await new Promise((r) => setTimeout(r, 20));
      return events;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
