/**
 * The durability thread (durability-thread.ts runs it): each client update arrives here once, is checked (decoded,
 * under the time limit the main thread enforces by terminating this thread) and appended to the update log with
 * group commit on this thread's own PostgreSQL connections; the main thread is told per batch once its rows are
 * committed. Neither pg's encoding and parsing nor the Yjs decoding of untrusted bytes runs on the event loop that
 * relays edits.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import pg from 'pg';
import { shapeOfV1, ownThreadId, updateError } from '../untrusted/update-verdict.js';
import { BATCH_STRIDE, type DurabilityBatch, type DurabilityReply, type DurabilityWorkerData } from './durability-protocol.js';

const { clientUrl, embedded, progress: progressBuffer, maxInFlight, encoding } = workerData as DurabilityWorkerData;
/** [batch id + 1 being checked (0: none), index of the update being checked]: the main thread's watchdog reads it. */
const progress = new Int32Array(progressBuffer);
const port = parentPort!;

/** Rows per INSERT (the arrays of one statement). */
const MAX_ROWS = 1000;

const APPEND_TEXT = `insert into collab_update (document_name, "update", author_id) select * from unnest($1::varchar[], $2::bytea[], $3::uuid[])`;
/**
 * Prepared once per connection on a PostgreSQL server; sent unnamed to embedded PGlite, whose one backend serves
 * every connection (a second PREPARE of the same name fails there: 42P05).
 */
const APPEND_NAME = embedded ? undefined : 'collab-update-append-durable';

/**
 * Up to this many rows, an INSERT lists its rows' parameters (a statement per row count) instead of three arrays:
 * the updates then go as binary parameters, where in a bytea[] pg writes each as hex text and PostgreSQL parses it
 * back. Under typing a commit holds one or two updates; measured on the benchmark's PostgreSQL, a one- or two-row
 * append cost ~10–25 µs less of PostgreSQL's CPU and ~10–20 µs less of this thread's.
 */
const MAX_LISTED_ROWS = 8;
const LISTED_TEXT = Array.from(
  { length: MAX_LISTED_ROWS + 1 },
  (_, rows) =>
    `insert into collab_update (document_name, "update", author_id) values ${Array.from({ length: rows }, (_, r) => `($${3 * r + 1}, $${3 * r + 2}, $${3 * r + 3}::uuid)`).join(', ')}`,
);

/** The INSERT of `docs.length` rows, its parameters in the order its text names them. */
function appendQuery(docs: string[], updates: Buffer[], authors: (string | null)[]): pg.QueryConfig {
  const rows = docs.length;
  if (rows > MAX_LISTED_ROWS) return { name: APPEND_NAME, text: APPEND_TEXT, values: [docs, updates, authors] };
  const values: (string | Buffer | null)[] = [];
  for (let r = 0; r < rows; r++) values.push(docs[r], updates[r], authors[r]);
  return { name: embedded ? undefined : `${APPEND_NAME}-${rows}`, text: LISTED_TEXT[rows], values };
}

interface Checked {
  id: number;
  docs: string[];
  updates: Buffer[];
  authors: (string | null)[];
  refused: [number, string][];
}

/** Connections whose earlier update was refused: their later ones are refused too (never logged past a gap). */
const failedLanes = new Set<number>();
const pending: Checked[] = [];
const idle: pg.Client[] = [];
let inFlight = 0;
let scheduled = false;

function check(batch: DurabilityBatch): Checked {
  const id = batch[0] as number;
  const bytes = batch[1] as Uint8Array;
  const checked: Checked = { id, docs: [], updates: [], authors: [], refused: [] };
  Atomics.store(progress, 0, id + 1);
  let start = 0;
  for (let i = 0, f = 2; f < batch.length; i++, f += BATCH_STRIDE) {
    const lane = batch[f] as number;
    const end = batch[f + 1] as number;
    Atomics.store(progress, 1, i);
    const update = bytes.subarray(start, end);
    start = end;
    if (lane !== 0 && failedLanes.has(lane)) {
      checked.refused.push([i, 'an earlier update of this connection was refused']);
      continue;
    }
    const error = updateError(update, encoding, encoding === 'v1' ? shapeOfV1(update) : null);
    if (error !== null) {
      if (lane !== 0) failedLanes.add(lane);
      checked.refused.push([i, error]);
      continue;
    }
    checked.docs.push(batch[f + 2] as string);
    checked.updates.push(Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    checked.authors.push(batch[f + 3] as string | null);
  }
  Atomics.store(progress, 0, 0);
  return checked;
}

/** A new connection to the database, its errors kept from ending the thread. */
async function open(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: clientUrl, application_name: APPLICATION_NAME });
  // A connection that fails is dropped (its INSERT fails and is answered so); an 'error' unlistened would end the thread.
  client.on('error', () => ((client as { broken?: boolean }).broken = true));
  client.on('end', () => ((client as { broken?: boolean }).broken = true));
  await client.connect();
  return client;
}

const isBroken = (client: pg.Client) => (client as { broken?: boolean }).broken === true;

/** How pg_stat_activity names this thread's connections: the process, then the thread (one process may run several). */
const APPLICATION_NAME = `fe2i-durability ${process.pid}/${threadId}`;

/** Connections being opened and warmed at start (see `warmUp`), and the INSERTs waiting for one of them. */
let warming = 0;
const waiting: ((client: pg.Client | null) => void)[] = [];

async function connection(): Promise<pg.Client> {
  // An idle connection the server ended meanwhile (terminated, restarted, idle_session_timeout) is dropped here
  // rather than failing the next INSERT, and the editors' updates in it.
  for (let reused = idle.pop(); reused; reused = idle.pop()) {
    if (!isBroken(reused)) return reused;
    void reused.end().catch(() => {});
  }
  // A connection still warming comes sooner than a new one, and keeps the thread at maxInFlight connections.
  if (waiting.length < warming) {
    const warmed = await new Promise<pg.Client | null>((resolve) => waiting.push(resolve));
    if (warmed) return warmed;
  }
  return open();
}

/** A connection an INSERT is done with, or one just warmed: to an INSERT waiting for one, else kept idle. */
function release(client: pg.Client): void {
  const waiter = waiting.shift();
  if (waiter) waiter(client);
  else idle.push(client);
}

/**
 * Opens the thread's `maxInFlight` connections when it starts, each with every INSERT it will send prepared and run
 * once in a transaction rolled back (nothing is stored; the sequence skips those numbers, as after any failed INSERT).
 * Opened when typing first needed them, the second to fourth connections came during the first bursts of a plan's
 * editing, each INSERT then paying a backend's start (~4 ms here), its first INSERT into the log (its catalog caches
 * filled: ~2 ms against ~0.4) and each first statement of a row count (~0.5 ms) while the editors' updates waited.
 * (Whether that made the collab benchmark's first-second tail, two runs of `--stages` since could not tell: one had
 * no tail relay in its first second, the other 144, slow mostly before they reached the server.)
 */
function warmUp(): void {
  for (let k = 0; k < maxInFlight; k++) {
    warming += 1;
    warmUps.push(
      warmed().then(async (client) => {
        warming -= 1;
        // Closing: ended here, before the thread says it is closed, rather than cut when it is terminated.
        if (client && closing) await client.end().catch(() => {});
        else if (client) release(client);
        // Not opened (the database unreachable): an INSERT waiting opens its own (and fails, answered so).
        else waiting.shift()?.(null);
      }),
    );
  }
}

/** The warm-ups started (see `warmUp`), and whether the main thread asked this one to close. */
const warmUps: Promise<void>[] = [];
let closing = false;

/** One connection, opened and warmed (see `warmUp`); null when it could not be opened or broke. */
async function warmed(): Promise<pg.Client | null> {
  let client: pg.Client;
  try {
    client = await open();
  } catch {
    return null;
  }
  // An update already waits (the thread starts with the first one): it gets the connection now, its own INSERT the
  // first on it, rather than after the warm-up's nine.
  if (embedded || waiting.length > 0) return client;
  try {
    await client.query('begin');
    try {
      for (let rows = 1; rows <= MAX_LISTED_ROWS + 1; rows++) {
        const docs = Array.from({ length: rows }, () => WARM_UP_DOCUMENT);
        await client.query(appendQuery(docs, docs.map(() => Buffer.alloc(0)), docs.map(() => null)));
      }
    } finally {
      await client.query('rollback');
    }
    return client;
  } catch {
    // In a state not worth guessing (the rollback itself may have failed): ended; the INSERTs open their own.
    void client.end().catch(() => {});
    return null;
  }
}

/** The document name of the warm-up's rows (rolled back, never stored). */
const WARM_UP_DOCUMENT = 'collab-warm-up:rolled-back';

/** One INSERT (one COMMIT) for the checked batches given; each is answered once it is committed or failed. */
async function insert(batches: Checked[]): Promise<void> {
  let client: pg.Client | undefined;
  let refused: [number, number, string][] | null = null;
  for (const b of batches) for (const [index, reason] of b.refused) (refused ??= []).push([b.id, index, reason]);
  let error: string | null = null;
  try {
    const docs = batches.flatMap((b) => b.docs);
    if (docs.length) {
      client = await connection();
      await client.query(appendQuery(docs, batches.flatMap((b) => b.updates), batches.flatMap((b) => b.authors)));
    }
  } catch (failure) {
    error = String((failure as Error)?.message ?? failure).slice(0, 300);
    if (client) (client as { broken?: boolean }).broken = true;
  } finally {
    if (client && !isBroken(client)) release(client);
    else if (client) void client.end().catch(() => {});
  }
  const reply: DurabilityReply = [error, refused, ...batches.map((b) => b.id)];
  port.postMessage(reply);
}

function pump(): void {
  while (pending.length && inFlight < maxInFlight) {
    let rows = 0;
    let end = 0;
    while (end < pending.length && (end === 0 || rows + pending[end].docs.length <= MAX_ROWS)) rows += pending[end++].docs.length;
    inFlight += 1;
    void insert(pending.splice(0, end)).finally(() => {
      inFlight -= 1;
      pump();
    });
  }
}

port.on('message', (message: DurabilityBatch | { close: true }) => {
  if (!Array.isArray(message)) {
    closing = true;
    void Promise.allSettled([...warmUps, ...idle.splice(0).map((c) => c.end())]).then(() => port.postMessage({ closed: true }));
    return;
  }
  pending.push(check(message));
  // The batches that arrived together go in one INSERT: pumped after this turn's messages.
  if (!scheduled) {
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  }
});

// The time limit counts from here: loading yjs and pg is not an update's fault.
port.postMessage({ ready: true, tid: ownThreadId() });
warmUp();
