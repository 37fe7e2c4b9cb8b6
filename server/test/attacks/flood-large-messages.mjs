// The attacker of socket-limits.test.ts, in a process of its own so that its work (building and masking 1 MB
// frames) does not count against the server's latency. Usage: node flood-large-messages.mjs <ws url> <ms> <clients>
// Prints {"codes":[…]}: the close code of each socket.
import WebSocket from 'ws';

const [url, ms, clients] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
// What an anonymous client may send after connection_init: a subscribe whose query is 1 MB of aliases.
const message = JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ ${'a: viewer { id } '.repeat(60_000)} }` } });
const until = Date.now() + ms;
const codes = [];

function once() {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, 'graphql-transport-ws');
    ws.on('error', () => {});
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    ws.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') ws.send(message);
    });
    ws.on('close', (code) => resolve(code));
  });
}

await Promise.all(
  Array.from({ length: clients }, async () => {
    while (Date.now() < until) codes.push(await once());
  }),
);
console.log(JSON.stringify({ codes }));
