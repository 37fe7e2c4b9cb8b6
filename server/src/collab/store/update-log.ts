import type { EntityManager } from '@mikro-orm/postgresql';
import { StageTimings } from './stage-timings.js';

/** One accepted update, as the log keeps it. */
export interface LoggedUpdate {
  documentName: string;
  update: Uint8Array;
  /** The user whose connection (or API call) made it; null for the system (restore, migration of content). */
  authorId: string | null;
}

interface Pending extends LoggedUpdate {
  /** When it was appended (0 unless stage timings are recorded). */
  at: number;
  resolve(): void;
  reject(error: unknown): void;
}

/** Rows per INSERT (the arrays of one statement). */
const MAX_BATCH = 1000;
/**
 * INSERTs committing at once: a batch forms while they run, and a lone append never waits for a window. With two,
 * an append that found both busy waited for one of them to commit before its own was even sent: two commits' time
 * at the relay's tail. With four, the appends of a turn of the event loop are sent at once nearly always, and
 * PostgreSQL flushes the WAL of commits that overlap in one write (its own group commit), so more in flight costs
 * few more fsyncs.
 */
const MAX_IN_FLIGHT = 4;

/** One round trip, a statement PostgreSQL prepares once per connection, whatever the batch's size. */
const APPEND = {
  name: 'collab-update-append',
  text: `insert into collab_update (document_name, "update", author_id) select * from unnest($1::varchar[], $2::bytea[], $3::uuid[])`,
};

const LOAD = {
  name: 'collab-document-load',
  text: `select part from (
           select 0 as k, 0::bigint as seq, state as part from collab_snapshot where document_name = $1
           union all
           select 1 as k, seq, "update" as part from collab_update
            where document_name = $1 and seq > coalesce((select up_to_seq from collab_snapshot where document_name = $1), 0)
         ) parts order by k, seq`,
};

interface PgConnection {
  query(query: { name?: string; text: string; values: unknown[] }): Promise<{ rows: { part: Buffer }[] }>;
  /** Set by knex when the connection failed or ended: it is not used again. */
  __knex__disposed?: unknown;
  /** pg's wire connection and its socket. */
  connection?: { stream?: { ref?(): void; unref?(): void } };
}

/**
 * An idle append connection does not keep the process alive (a CLI that seeded plans through the log exits when
 * done); one running an INSERT does, until its commit is answered.
 */
function holdProcess(connection: PgConnection, hold: boolean): void {
  const socket = connection.connection?.stream;
  if (hold) socket?.ref?.();
  else socket?.unref?.();
}

/**
 * Connections whose backend already holds our named statements under another connection: embedded PGlite serves
 * every socket connection from one backend, so a second connection's PREPARE of the same name fails with 42P05
 * ("prepared statement already exists"). Those connections send the statement unnamed instead.
 */
const sharedBackend = new WeakSet<PgConnection>();

async function queryPrepared(connection: PgConnection, statement: { name: string; text: string }, values: unknown[]) {
  if (!sharedBackend.has(connection)) {
    try {
      return await connection.query({ ...statement, values });
    } catch (error) {
      if ((error as { code?: string }).code !== '42P05') throw error;
      sharedBackend.add(connection);
    }
  }
  return connection.query({ text: statement.text, values });
}

interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
  /** A connection of its own, outside the pool, with the pool's settings (knex's own way to make one). */
  acquireRawConnection(): Promise<PgConnection>;
  destroyRawConnection(connection: PgConnection): Promise<void>;
}

/**
 * The update log in PostgreSQL, with group commit: appends made while earlier ones are committing, from any
 * connection and any document, go into one INSERT (one COMMIT); up to four commit at once, and an append that finds
 * none running is sent at once (after the current turn of the event loop, so that the messages read together go
 * together). `append` resolves only once the row is committed, so a caller that awaits it before applying and
 * acknowledging an update never acknowledges what a crash could lose.
 */
export class UpdateLog {
  private pending: Pending[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private scheduled = false;
  /**
   * The appends' own connections, one per INSERT in flight, outside MikroORM's pool: under load the pool was
   * taken by the API's and the collaboration server's reads (authentication, access, plan authors), and an append
   * waited seconds for a connection while the clients waited for their acknowledgement.
   */
  private readonly idle: PgConnection[] = [];

  constructor(
    private readonly unitOfWork: () => EntityManager,
    private readonly timings = new StageTimings(),
  ) {}

  append(entry: LoggedUpdate): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ ...entry, at: this.timings.now(), resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /**
   * The document as stored: its snapshot, then the updates logged above its `up_to_seq` (the compaction's horizon:
   * every row at or below it is in the snapshot), read in one statement (one view), prepared once per connection.
   * The rows compaction deleted are not walked: a compacted plan loads as its snapshot and a short tail.
   */
  async load(documentName: string): Promise<Uint8Array[]> {
    const { rows } = await this.withConnection((connection) => queryPrepared(connection, LOAD, [documentName]));
    return rows.map((r) => new Uint8Array(r.part.buffer, r.part.byteOffset, r.part.byteLength));
  }

  /** Waits for every append made so far to be committed (shutdown, tests), then closes the appends' connections. */
  async drain(): Promise<void> {
    this.pump();
    while (this.inFlight.size || this.pending.length) {
      await Promise.allSettled([...this.inFlight]);
      this.pump();
    }
    const client = this.knexClient();
    await Promise.allSettled(this.idle.splice(0).map((connection) => this.discard(client, connection)));
  }

  private pump(): void {
    while (this.pending.length && this.inFlight.size < MAX_IN_FLIGHT) {
      const batch = this.pending.splice(0, MAX_BATCH);
      const flight: Promise<void> = this.insert(batch).finally(() => {
        this.inFlight.delete(flight);
        this.pump();
      });
      this.inFlight.add(flight);
    }
  }

  /** Through a pg connection itself: MikroORM's `execute` would inline every byte as SQL text. */
  private async insert(batch: Pending[]): Promise<void> {
    const client = this.knexClient();
    let connection: PgConnection | undefined;
    try {
      connection = this.idle.pop() ?? (await this.connect(client));
      holdProcess(connection, true);
      const sent = this.timings.now();
      for (const u of batch) this.timings.record('queue', u.at, sent);
      await queryPrepared(connection, APPEND, [
        batch.map((u) => u.documentName),
        batch.map((u) => Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength)),
        batch.map((u) => u.authorId),
      ]);
      const committed = this.timings.now();
      for (let i = 0; i < batch.length; i++) this.timings.record('commit', sent, committed);
      if (committed) for (const u of batch) this.timings.committed(u.update, committed);
      for (const u of batch) u.resolve();
    } catch (error) {
      for (const u of batch) u.reject(error);
    } finally {
      if (connection && !connection.__knex__disposed) {
        holdProcess(connection, false);
        this.idle.push(connection);
      } else if (connection) void this.discard(client, connection);
    }
  }

  private connect(client: KnexClient): Promise<PgConnection> {
    return client.acquireRawConnection();
  }

  private async discard(client: KnexClient, connection: PgConnection): Promise<void> {
    await client.destroyRawConnection(connection).catch(() => {});
  }

  /**
   * Knex's client behind MikroORM, found once: it is the same for the ORM's lifetime, and finding it through a fork
   * of the entity manager per INSERT (a unit of work, an identity map) was a percent of the server's CPU under load.
   */
  private client: KnexClient | undefined;

  private knexClient(): KnexClient {
    return (this.client ??= this.unitOfWork().getConnection().getKnex().client as KnexClient);
  }

  /** A connection of MikroORM's pool (knex's, to pg), lent for one statement. */
  private async withConnection<T>(work: (connection: PgConnection) => Promise<T>): Promise<T> {
    const client = this.knexClient();
    const connection = await client.acquireConnection();
    try {
      return await work(connection);
    } finally {
      await client.releaseConnection(connection);
    }
  }
}
