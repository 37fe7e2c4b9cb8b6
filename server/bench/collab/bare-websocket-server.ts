/**
 * The baseline: a bare y-websocket server (`@y/websocket-server`'s own connection handler, in memory), no
 * authentication, no persistence, no limits, in a process of its own like the product. Prints its port. Like the
 * product's server, SIGUSR2 starts a relay trace (when each update arrived and was broadcast: relay-trace.ts) and
 * the next writes it and prints "relay trace <file>".
 *
 * With `--durable` (and DATABASE_URL), the floor of a durable relay: the same handler, but each sync message that
 * carries an update (SyncStep2 or Update) is first committed to PostgreSQL (bare-durable-append.ts: group commit, as
 * the product's durability worker) and only then handed to it; the connection's later messages wait behind it, so
 * that each connection's order is kept. Its trace notes each update's commit too. The appends are timed over the
 * loop probe's window (SIGWINCH, loop-probe.mjs) and printed after it as "durable append {json}".
 */
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer, type WebSocket } from 'ws';
import { frameUpdateKey, RelayTrace } from '../../src/collab/store/relay-trace.js';
import { bareAppender } from './bare-durable-append.js';

const appender = process.argv.includes('--durable') ? await bareAppender(process.env.DATABASE_URL ?? '') : null;
if (appender) process.on('SIGWINCH', () => {
  const figures = appender.toggleFigures();
  if (figures) console.log(`durable append ${JSON.stringify(figures)}`);
});

let trace: RelayTrace | null = null;
process.on('SIGUSR2', () => {
  if (trace) console.log(`relay trace ${trace.write()}`);
  trace = trace ? null : new RelayTrace(false, false);
});

/** Notes each update's arrival and broadcast on `ws` while tracing; the arrival before the handler reads it. */
function traceSocket(ws: WebSocket): void {
  ws.on('message', (data: ArrayBuffer | Buffer) => {
    if (!trace) return;
    // setupWSConnection has the socket deliver ArrayBuffers.
    const frame = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (frameUpdateKey(frame, false)) trace.arrived(frame.subarray(payloadStart(frame)));
  });
  const send = ws.send.bind(ws);
  ws.send = ((data: Uint8Array, ...rest: unknown[]) => {
    trace?.sent(data);
    return (send as (...a: unknown[]) => void)(data, ...rest);
  }) as typeof ws.send;
}

/** Where a y-websocket sync frame's payload starts ([0][kind][varUint length][payload]). */
function payloadStart(frame: Uint8Array): number {
  let at = 2;
  while (frame[at] >= 0x80) at++;
  return at + 1;
}

/**
 * Has setupWSConnection's message listener (the last one on `ws`) see each update only once committed, and every
 * message of the connection in arrival order: a message that arrives while an update waits for its commit waits too.
 */
function durableHandler(ws: WebSocket, documentName: string, durable: NonNullable<typeof appender>): void {
  const handler = ws.listeners('message').at(-1) as (data: ArrayBuffer) => void;
  ws.off('message', handler);
  const waiting: { data: ArrayBuffer; ready: boolean }[] = [];
  const drain = () => {
    while (waiting.length && waiting[0].ready) handler(waiting.shift()!.data);
  };
  ws.on('message', (data: ArrayBuffer) => {
    const frame = new Uint8Array(data);
    // [messageSync 0][SyncStep2 1 | Update 2][varUint length][update]
    const isUpdate = frame[0] === 0 && (frame[1] === 1 || frame[1] === 2);
    if (!isUpdate && !waiting.length) return handler(data);
    const entry = { data, ready: !isUpdate };
    waiting.push(entry);
    if (!isUpdate) return;
    const update = frame.subarray(payloadStart(frame));
    durable.append(documentName, update, (committedAt) => {
      trace?.committed(update, committedAt);
      entry.ready = true;
      drain();
    });
  });
}

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_request, response) => response.end('okay'));
server.on('upgrade', (request, socket, head) =>
  wss.handleUpgrade(request, socket, head, (ws) => {
    traceSocket(ws);
    setupWSConnection(ws, request);
    // setupWSConnection's own reading of the document's name.
    if (appender) durableHandler(ws, (request.url ?? '').slice(1).split('?')[0], appender);
  }),
);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0} ${performance.timeOrigin}`);
});
