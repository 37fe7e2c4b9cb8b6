import { EventEmitter, on } from 'node:events';
import http from 'node:http';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';

/**
 * The baseline of `npm run bench -- live`: graphql-ws on ws broadcasting one payload to every subscriber, no
 * authentication, no filtering, no SQL. `POST /publish` with the event's JSON sends it (through Redis to every
 * instance when REDIS_URL is set) and answers once published, as the product's mutation does.
 */
const schema = buildSchema(`
  type Query { ok: Boolean }
  type ResourceFlow { id: ID! label: String! description: String disclosure: String! quantity: Float unit: String! yearlyCostEur: Float }
  type FlowChangedEvent { change: String! flowId: ID! flow: ResourceFlow }
  type Subscription { flowChanged(territoryId: ID!): FlowChangedEvent }
`);
const events = new EventEmitter();
events.setMaxListeners(0);
const subscription = (schema.getType('Subscription') as GraphQLObjectType).getFields().flowChanged;
subscription.subscribe = async function* () {
  for await (const [event] of on(events, 'flow')) yield { flowChanged: event };
};

const channel = 'bench-live-bare';
const redisUrl = process.env.REDIS_URL;
const publisher = redisUrl ? new Redis(redisUrl) : null;
const subscriber = redisUrl ? new Redis(redisUrl) : null;
if (subscriber) {
  await subscriber.subscribe(channel);
  subscriber.on('message', (_channel, message) => events.emit('flow', JSON.parse(message)));
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/publish') return void res.writeHead(404).end();
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    if (publisher) await publisher.publish(channel, body);
    else events.emit('flow', JSON.parse(body));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
const wss = new WebSocketServer({ server, path: '/graphql' });
useServer({ schema }, wss);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`bare broadcast ready on http://127.0.0.1:${address.port}`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    publisher?.disconnect();
    subscriber?.disconnect();
    process.exit(0);
  });
}
