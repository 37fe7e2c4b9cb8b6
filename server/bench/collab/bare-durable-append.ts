import { performance } from 'node:perf_hooks';
import pg from 'pg';
import * as Y from 'yjs';

/**
 * The floor of a durable relay (bare-websocket-server.ts --durable): the sceptic's minimal append, with the group
 * commit of the product's durability worker and nothing else — no check, no author, no thread hop. The updates handed
 * over in one turn of the event loop go into one INSERT (unnest of arrays) and its COMMIT (synchronous_commit as the
 * server has it: on), on this process's own `pg` connections, at most four in flight; each update's callback runs
 * once its row is committed. Every batch is timed, so that the bench can say where the floor's relay time goes.
 */

const TABLE = `create table if not exists bare_update (seq bigserial primary key, document_name text not null, "update" bytea not null)`;
const APPEND = { name: 'bare-update-append', text: `insert into bare_update (document_name, "update") select * from unnest($1::text[], $2::bytea[])` };
/** As the product's durability worker: more INSERTs in flight only queue behind each other's WAL flushes. */
const MAX_IN_FLIGHT = 4;
/** Rows of one INSERT at most (as direct-append.ts). */
const MAX_BATCH = 1000;

interface Entry {
  documentName: string;
  update: Uint8Array;
  queuedAt: number;
  done(committedAt: number): void;
}

/** What the appends cost over a window: per update and per INSERT, in ms. */
export interface AppendFigures {
  updates: number;
  inserts: number;
  /** Update handed over → its row committed (the relay's whole wait for durability). */
  waitP50: number;
  waitP99: number;
  waitMax: number;
  /** Of which queued before its INSERT was sent (behind four in flight, or until the turn's end). */
  queuedP99: number;
  /** An INSERT sent → its COMMIT answered (PostgreSQL's insert, WAL flush and the round trip). */
  insertP50: number;
  insertP99: number;
  insertMax: number;
  /** Rows per INSERT, mean; INSERTs sent while 0, 1, 2, 3 others were in flight. */
  rowsPerInsert: number;
  inFlightAtSend: number[];
}

const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : NaN);

export async function bareAppender(databaseUrl: string) {
  const clients = await Promise.all(
    Array.from({ length: MAX_IN_FLIGHT }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  await clients[0].query(TABLE);
  const idle = [...clients];
  const queue: Entry[] = [];
  let scheduled = false;
  let stats: { waits: number[]; queued: number[]; inserts: number[]; rows: number; inFlight: number[] } | null = null;

  async function insert(batch: Entry[], client: pg.Client): Promise<void> {
    const sentAt = performance.now();
    if (stats) stats.inFlight[MAX_IN_FLIGHT - 1 - idle.length]++;
    await client.query({ ...APPEND, values: [batch.map((e) => e.documentName), batch.map((e) => Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength))] });
    const committedAt = performance.now();
    if (stats) {
      stats.inserts.push(committedAt - sentAt);
      stats.rows += batch.length;
      for (const e of batch) {
        stats.waits.push(committedAt - e.queuedAt);
        stats.queued.push(sentAt - e.queuedAt);
      }
    }
    for (const e of batch) e.done(committedAt);
  }

  function pump(): void {
    while (queue.length && idle.length) {
      const client = idle.pop()!;
      insert(queue.splice(0, MAX_BATCH), client).then(
        () => {
          idle.push(client);
          pump();
        },
        (error: unknown) => {
          // The floor has no recovery: a failed append ends the run rather than relay an update not durable.
          console.error('bare durable append failed', error);
          process.exit(1);
        },
      );
    }
  }

  return {
    /** Appends `update`; `done` runs once its row is committed, with when. */
    append(documentName: string, update: Uint8Array, done: (committedAt: number) => void): void {
      queue.push({ documentName, update, queuedAt: performance.now(), done });
      if (!scheduled) {
        scheduled = true;
        // The turn's other updates join this INSERT: it is sent once the turn's I/O callbacks have run.
        setImmediate(() => {
          scheduled = false;
          pump();
        });
      }
    },
    /** Starts timing (first call); the next call returns the window's figures and stops. */
    toggleFigures(): AppendFigures | null {
      if (!stats) {
        stats = { waits: [], queued: [], inserts: [], rows: 0, inFlight: new Array<number>(MAX_IN_FLIGHT).fill(0) };
        return null;
      }
      const s = stats;
      stats = null;
      return {
        updates: s.waits.length,
        inserts: s.inserts.length,
        waitP50: quantile(s.waits, 0.5),
        waitP99: quantile(s.waits, 0.99),
        waitMax: s.waits.reduce((a, b) => Math.max(a, b), 0),
        queuedP99: quantile(s.queued, 0.99),
        insertP50: quantile(s.inserts, 0.5),
        insertP99: quantile(s.inserts, 0.99),
        insertMax: s.inserts.reduce((a, b) => Math.max(a, b), 0),
        rowsPerInsert: s.rows / Math.max(1, s.inserts.length),
        inFlightAtSend: s.inFlight,
      };
    },
  };
}

/** The floor's figures over the last probe window, as its server printed them ("durable append {json}"). */
export function readAppendFigures(output: string): AppendFigures | null {
  const lines = output.split('\n').filter((l) => l.startsWith('durable append '));
  return lines.length ? (JSON.parse(lines[lines.length - 1].slice('durable append '.length)) as AppendFigures) : null;
}

/** A document as the floor stored it: its committed updates applied in order (for the kill -9 check). */
export async function storedBareDocument(databaseUrl: string, documentName: string): Promise<Y.Doc> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ update: Buffer }>(`select "update" from bare_update where document_name = $1 order by seq`, [documentName]);
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.update);
    return doc;
  } finally {
    await client.end();
  }
}

/** One line of the floor's append figures. */
export function appendLine(f: AppendFigures | null): string {
  if (!f) return 'no append figures from the floor server';
  const ms = (n: number) => n.toFixed(2);
  return (
    `${f.updates} updates in ${f.inserts} INSERT+COMMITs (${f.rowsPerInsert.toFixed(2)} rows each); update handed over → committed p50 ${ms(f.waitP50)} p99 ${ms(f.waitP99)} max ${ms(f.waitMax)} ms ` +
    `(queued before its INSERT: p99 ${ms(f.queuedP99)}); INSERT sent → committed p50 ${ms(f.insertP50)} p99 ${ms(f.insertP99)} max ${ms(f.insertMax)} ms; INSERTs sent with 0/1/2/3 others in flight: ${f.inFlightAtSend.join('/')}`
  );
}
