import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { toGlobalId } from '../../src/graphql/global-id.js';
import { TestApp } from '../harness.js';

/** Credentials as an attacker's client sends them: a session cookie or a bearer token (in `connection_init`). */
export type Credentials = { cookie?: string; token?: string };

/** The real server on a random port (the tests' TestApp), with what attacks need beside it. */
export class AttackServer extends TestApp {
  get wsUrl(): string {
    return `${this.url.replace('http', 'ws')}/graphql`;
  }

  /** A new API token of the signed-in user: its secret and global ID. */
  async createApiToken(as: Credentials): Promise<{ token: string; id: string }> {
    const res = await this.gql(`mutation { createApiToken(name: "attack") { token apiToken { id } } }`, {}, as);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return { token: res.data!.createApiToken.token, id: res.data!.createApiToken.apiToken.id };
  }
}

/**
 * Makes the user of `email` the facilitator of one territory (its database ID), or of every territory they do not
 * facilitate yet. No API appoints facilitators: this is what an operator does, in SQL.
 */
export async function appointFacilitator(server: TestApp, email: string, territory: { id: string } | 'every'): Promise<void> {
  const em = server.app.orm.em.fork();
  const [user] = await em.execute(`select id from app_user where email = ?`, [email]);
  if (!user) throw new Error(`no user ${email} to appoint`);
  const only = territory === 'every' ? null : territory.id;
  await em.execute(
    `insert into territory_facilitator (id, created_at, updated_at, user_id, territory_id)
     select gen_random_uuid(), now(), now(), ?, t.id from territory t
      where (?::uuid is null or t.id = ?::uuid)
        and not exists (select 1 from territory_facilitator f where f.user_id = ? and f.territory_id = t.id)`,
    [user.id, only, only, user.id],
  );
}

/** The facilitator of another territory, signed in: who they are, and their territory (global IDs). */
export interface OtherTerritoryFacilitator {
  as: { cookie: string };
  userId: string;
  territoryId: string;
}

/**
 * A neighbouring territory, Pays-Haut (a sibling of Val de Fensch under the root), and its facilitator: a user who
 * signs up with `email`, is appointed there (as an operator would) and then logs in.
 */
export async function otherTerritoryFacilitator(server: TestApp, email = 'animation@pays-haut.example'): Promise<OtherTerritoryFacilitator> {
  const password = 'pays-haut-secret-1';
  const signUp = await server.gql(`mutation($e: String!, $p: String!) { signUp(input: {email: $e, password: $p, name: "Animateur Pays-Haut"}) { viewer { id } } }`, {
    e: email,
    p: password,
  });
  if (signUp.errors) throw new Error(`sign-up failed: ${JSON.stringify(signUp.errors)}`);
  const id = randomUUID();
  await server.app.orm.em
    .fork()
    .execute(`insert into territory (id, created_at, updated_at, name, parent_id) select ?, now(), now(), 'Pays-Haut', id from territory where parent_id is null`, [id]);
  await appointFacilitator(server, email, { id });
  return { as: await server.logIn(email, password), userId: signUp.data!.signUp.viewer.id, territoryId: toGlobalId('Territory', id) };
}

export interface Closed {
  code: number;
  reason: string;
  /** performance.now() when the client saw the close. */
  at: number;
}

/**
 * A graphql-transport-ws client on a bare `ws` socket, so that a test sees exactly what the server sends: every
 * message, the close code and reason, and when.
 */
export class RawSocket {
  readonly messages: { id?: string; type: string; payload?: any; at: number }[] = [];
  readonly closed: Promise<Closed>;
  closedWith?: Closed;

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closedWith = { code, reason: reason.toString(), at: performance.now() };
        resolve(this.closedWith);
      });
    });
    ws.on('message', (data) => this.messages.push({ ...JSON.parse(String(data)), at: performance.now() }));
    ws.on('error', () => {}); // a refused or cut socket is what some tests expect; `closed` tells
  }

  /** Opens the socket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, as: Credentials = {}): Promise<RawSocket> {
    const ws = new WebSocket(url, 'graphql-transport-ws', { headers: as.cookie ? { cookie: as.cookie } : {} });
    const socket = new RawSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => {
        reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  /** Opens and sends `connection_init` with the credentials; resolves once acknowledged. */
  static async connect(url: string, as: Credentials = {}): Promise<RawSocket> {
    const socket = await RawSocket.open(url, as);
    socket.send({ type: 'connection_init', payload: as.token ? { authorization: `Bearer ${as.token}` } : {} });
    await socket.waitFor((m) => m.type === 'connection_ack', 5000);
    return socket;
  }

  send(message: object): void {
    this.ws.send(JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}, operationName?: string): void {
    this.send({ id, type: 'subscribe', payload: { query, variables, operationName } });
  }

  of(id: string) {
    return this.messages.filter((m) => m.id === id);
  }

  /** The first message matching, once it arrives (or the socket closes, or `ms` pass: then an error). */
  async waitFor(match: (m: RawSocket['messages'][number]) => boolean, ms = 5000) {
    const until = Date.now() + ms;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (this.closedWith) throw new Error(`socket closed (${this.closedWith.code} ${this.closedWith.reason}) before the message`);
      if (Date.now() > until) throw new Error(`no such message in ${ms} ms: ${JSON.stringify(this.messages)}`);
      await sleep(10);
    }
  }

  /** The close, or null if the socket is still open after `ms`. */
  async closeWithin(ms: number): Promise<Closed | null> {
    return Promise.race([this.closed, sleep(ms).then(() => null)]);
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  dispose(): void {
    this.ws.terminate();
  }
}

/**
 * Repeats `trigger` until every socket has received a `next` for subscription `id`: graphql-ws says nothing when a
 * subscription has started, so the only proof it listens is an event it delivered.
 */
export async function untilDelivered(sockets: RawSocket[], id: string, trigger: (attempt: number) => Promise<unknown>) {
  const delivered = () => sockets.every((s) => s.of(id).some((m) => m.type === 'next'));
  for (let attempt = 0; attempt < 20; attempt++) {
    await trigger(attempt);
    const until = Date.now() + 500;
    while (!delivered() && Date.now() < until) await sleep(20);
    if (delivered()) return;
  }
  const seen = sockets.map((s) => ({ open: s.open, messages: s.of(id).map((m) => m.type) }));
  throw new Error(`subscription ${id} never delivered: ${JSON.stringify(seen)}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A subscription every signed-in or anonymous client may open: the flows of a territory. */
export const FLOW_CHANGED = `subscription($t: ID!) { flowChanged(territoryId: $t) { change flowId flow { description yearlyCostEur } } }`;
