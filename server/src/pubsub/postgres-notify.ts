import pg from 'pg';
import type { RelayedEvent } from './pubsub.js';

/**
 * Events between processes sharing PostgreSQL but no Redis: a command-line import tells the running server what it
 * changed, so that subscribers hear of it and cached detectors are dropped. One NOTIFY per event (PostgreSQL caps a
 * payload at 8000 bytes; an event is a few hundred), on a channel of our own.
 */
export const EVENTS_CHANNEL = 'fe2i_events';

export async function notifyEvents(databaseUrl: string, events: RelayedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const event of events) await client.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify(event)]);
  } finally {
    await client.end();
  }
}

/**
 * Listens for those events on a connection of its own. A lost connection is logged and opened again: meanwhile
 * events are lost, as a restart would lose them (the detectors then rebuild from the database when next needed).
 */
export async function listenForEvents(databaseUrl: string, onEvent: (event: RelayedEvent) => void): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  let closed = false;
  const open = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      try {
        onEvent(JSON.parse(message.payload) as RelayedEvent);
      } catch (error) {
        console.error('An event from another process could not be read:', error);
      }
    });
    next.on('error', (error) => {
      console.error('Listening for events of other processes failed; listening again in 1 s:', error.message);
      void next.end().catch(() => {});
      if (!closed) setTimeout(() => void open().catch(() => {}), 1_000).unref();
    });
    await next.connect();
    await next.query(`listen ${EVENTS_CHANNEL}`);
    client = next;
  };
  await open();
  return {
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
