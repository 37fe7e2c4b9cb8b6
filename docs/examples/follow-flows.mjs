// Follows the flows of every territory as they are declared, changed or archived: a runnable example of the FE2I
// GraphQL API over WebSocket (docs/api.md). From the repository, after `npm ci` and with the server running:
//
//   FE2I_TOKEN=fe2i_demo_integrator_0123456789abcdef0123456789abcdef node docs/examples/follow-flows.mjs
//
// FE2I_URL defaults to http://localhost:4000. Prints one line per event; stops on Ctrl-C, or after FE2I_EVENTS
// events when that is set.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = process.env.FE2I_URL ?? 'http://localhost:4000';
const token = process.env.FE2I_TOKEN;
const stopAfter = Number(process.env.FE2I_EVENTS ?? Infinity);
if (!token) {
  console.error('Set FE2I_TOKEN to an API token (the "Jetons d\'API" page of the workspace).');
  process.exit(2);
}

// 1. Over HTTP: which territories are there? (the same token, as a Bearer header)
const response = await fetch(`${base}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query: '{ territories { id name } }' }),
});
const { data, errors } = await response.json();
if (errors) {
  console.error(errors.map((error) => `${error.extensions?.code}: ${error.message}`).join('\n'));
  process.exit(1);
}

// 2. Over WebSocket: the token goes in connectionParams (browsers send their session cookie instead).
const client = createClient({
  url: `${base.replace(/^http/, 'ws')}/graphql`,
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${token}` },
  // The server closes with 4401 when the token is revoked: do not retry then.
  shouldRetry: (event) => event?.code !== 4401,
  on: { connected: () => console.log(`following ${data.territories.map((t) => t.name).join(', ')}`) },
});

let seen = 0;
const query = `subscription Follow($territoryId: ID!) {
  flowChanged(territoryId: $territoryId) { change flowId flow { label direction quantity unitSymbol } }
}`;
const unsubscribes = data.territories.map((territory) =>
  client.subscribe(
    { query, variables: { territoryId: territory.id } },
    {
      next: ({ data: event, errors: eventErrors }) => {
        if (eventErrors) return console.error(eventErrors);
        const { change, flowId, flow } = event.flowChanged;
        console.log(`${territory.name}: ${change} ${flow ? `${flow.label} (${flow.direction}, ${flow.quantity ?? '?'} ${flow.unitSymbol ?? ''})` : flowId}`);
        if (++seen >= stopAfter) stop();
      },
      error: (error) => {
        console.error('subscription ended:', error instanceof Error ? error.message : (error.reason ?? error));
        process.exitCode = 1;
        stop();
      },
      complete: () => {},
    },
  ),
);

function stop() {
  for (const unsubscribe of unsubscribes) unsubscribe();
  client.dispose();
}
process.on('SIGINT', stop);
