/**
 * The baseline: a bare y-websocket server (`@y/websocket-server`'s own connection handler, in memory), no
 * authentication, no persistence, no limits, in a process of its own like the product. Prints its port. Like the
 * product's server, SIGUSR2 starts a relay trace (when each update arrived and was broadcast: relay-trace.ts) and
 * the next writes it and prints "relay trace <file>".
 */
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer, type WebSocket } from 'ws';
import { frameUpdateKey, RelayTrace } from '../../src/collab/store/relay-trace.js';

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

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_request, response) => response.end('okay'));
server.on('upgrade', (request, socket, head) =>
  wss.handleUpgrade(request, socket, head, (ws) => {
    traceSocket(ws);
    setupWSConnection(ws, request);
  }),
);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0} ${performance.timeOrigin}`);
});
