import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_CLOSE } from '../../src/errors/domain-errors.js';
import { AttackServer, RawSocket, sleep } from './sockets.js';

/**
 * Issue 8, item 5: every limit of HTTP holds on the WebSocket too, and the socket has its own: message size,
 * operations per second, sockets per address, time to say who you are.
 */
const LIMITS = { WS_CONNECTIONS_PER_ADDRESS: '6', WS_OPERATIONS_PER_SECOND: '5', WS_INIT_TIMEOUT_SECONDS: '1' };

let server: AttackServer;
const sockets: RawSocket[] = [];
const track = (s: RawSocket) => (sockets.push(s), s);

beforeAll(async () => {
  server = await AttackServer.start({ env: LIMITS, seedDemo: false });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.dispose();
  await sleep(100); // the server counts them out when their TCP sockets close
});
afterAll(async () => {
  await server?.stop();
});

/** One operation over WebSocket (anonymous): the first message answering it. */
async function overWebSocket(query: string, operationName?: string) {
  const socket = track(await RawSocket.connect(server.wsUrl));
  socket.subscribe('q', query, {}, operationName);
  return socket.waitFor((m) => m.id === 'q', 10_000);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

describe('WebSocket limits', () => {
  it('a 1 MB message is refused with 1009 before it is read, and HTTP stays fast while clients keep sending them', async () => {
    const latencies: number[] = [];
    const attacker = spawn(process.execPath, [path.join(import.meta.dirname, 'flood-large-messages.mjs'), server.wsUrl, '3000', '3']);
    let output = '';
    attacker.stdout.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => attacker.on('exit', resolve));
    let flooding = true;
    void exited.then(() => (flooding = false));
    while (flooding) {
      const start = performance.now();
      await (await fetch(`${server.url}/healthz`)).text();
      latencies.push(performance.now() - start);
      await sleep(20);
    }
    const { codes } = JSON.parse(output) as { codes: number[] };

    const worst = Math.max(...latencies);
    console.log(
      `1 MB messages: ${codes.length} sent in 3 s by 3 clients (another process); /healthz over ${latencies.length} requests meanwhile: ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${worst.toFixed(1)} ms`,
    );
    expect(codes.length).toBeGreaterThan(10);
    expect(new Set(codes)).toEqual(new Set([1009]));
    expect(worst).toBeLessThan(500); // was 20 s before the limit
  });

  it.each([
    ['too deep', `query($id: ID!) { node(id: $id) { ... on Site { ${'organization { sites { '.repeat(7)}id${' } }'.repeat(7)} } } }`],
    ['too many aliases', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`],
    ['too many nodes', `{ organizations(first: 100) { nodes { flows(first: 100) { nodes { organization { flows(first: 100) { nodes { label } } } } } } } }`],
    ['longer than 50 000 characters', `{ ${'viewer { id } '.repeat(4000)} }`],
    ['not GraphQL', `{ viewer { id `],
    ['naming no operation of the document', `query A { viewer { id } } query B { viewer { id } }`, 'C'],
    ['of two operations naming neither', `query A { viewer { id } } query B { viewer { id } }`],
  ])('a query %s gets the same error code over WebSocket as over HTTP, at once', async (_what, query, operationName?: string) => {
    const start = performance.now();
    const http = await server.gql(query, {}, {}, operationName);
    const ws = await overWebSocket(query, operationName);
    expect(performance.now() - start).toBeLessThan(2000);
    const httpCode = http.errors?.[0]?.extensions?.code;
    expect(httpCode).toBeDefined();
    expect(ws.type).toBe('error');
    expect(ws.payload[0].extensions.code).toBe(httpCode);
  });

  it('answers at once, over both, a 1 KB query of fragments spreading the next one twice (2^22 paths; seconds before)', async () => {
    const fragments = Array.from({ length: 22 }, (_, i) => `fragment F${i} on User { id ...F${i + 1} ...F${i + 1} }`);
    const query = `{ viewer { ...F0 } } ${fragments.join(' ')} fragment F22 on User { id }`;
    const start = performance.now();
    const [http, ws] = await Promise.all([server.gql(query), overWebSocket(query)]);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(http.data).toEqual({ viewer: null });
    expect(ws.payload).toEqual({ data: { viewer: null } });
  });

  it('refuses the upgrade beyond the sockets allowed per address, and admits again once one closes', async () => {
    const open = [];
    for (let i = 0; i < 6; i++) open.push(track(await RawSocket.connect(server.wsUrl)));
    await expect(RawSocket.open(server.wsUrl)).rejects.toMatchObject({ status: 429 });
    open[0].ws.close();
    await open[0].closed;
    await sleep(100);
    track(await RawSocket.connect(server.wsUrl));
  });

  it('answers RATE_LIMITED beyond the operations per second of a connection, and closes it with 4429 when it keeps going', async () => {
    const socket = track(await RawSocket.connect(server.wsUrl));
    for (let i = 1; i <= 11; i++) socket.subscribe(`op${i}`, `{ __typename }`);
    const closed = await socket.closeWithin(2000);
    const first = (i: number) => socket.of(`op${i}`)[0];
    for (let i = 1; i <= 5; i++) expect(first(i)?.type).toBe('next');
    for (let i = 6; i <= 11; i++) {
      expect(first(i)?.type).toBe('error');
      expect(first(i)?.payload[0].extensions.code).toBe('RATE_LIMITED');
    }
    expect(closed?.code).toBe(SOCKET_CLOSE.RATE_LIMITED.code);
  });

  it('refills the budget every second: a steady client is never refused', async () => {
    const socket = track(await RawSocket.connect(server.wsUrl));
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) socket.subscribe(`r${round}-${i}`, `{ __typename }`);
      await socket.waitFor((m) => m.id === `r${round}-4` && m.type === 'complete');
      await sleep(1050);
    }
    expect(socket.messages.filter((m) => m.type === 'error')).toEqual([]);
  });

  it('closes a socket that does not say who it is (connection_init) in time', async () => {
    const socket = track(await RawSocket.open(server.wsUrl));
    const closed = await socket.closeWithin(3000);
    expect(closed?.code).toBe(4408);
  });

  it('still serves anonymous clients, as HTTP does', async () => {
    const answer = await overWebSocket(`{ viewer { id } }`);
    expect(answer.type).toBe('next');
    expect(answer.payload.data.viewer).toBeNull();
  });
});
