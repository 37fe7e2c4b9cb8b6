import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** A frontend message larger than this is refused (the connection is closed): nothing we send comes near it. */
const MAX_MESSAGE = 256 * 1024 * 1024;

/** Frontend message types that end a unit: Sync ends an extended-protocol batch, Query is one on its own, Flush asks for answers now. */
const ENDS_UNIT = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0), 'H'.charCodeAt(0)]);
const TERMINATE = 'X'.charCodeAt(0);
const FLUSH = 'H'.charCodeAt(0);

interface Unit {
  connection: Connection;
  messages: Buffer[];
}

interface Connection {
  socket: Socket;
  buffer: Buffer;
  started: boolean;
  /** Messages of the extended-protocol batch being received (up to its Sync). */
  batch: Buffer[];
  closed: boolean;
}

export interface PgliteWireServer {
  /** `host:port` to put in a postgres:// URL. */
  address: string;
  stop(): Promise<void>;
}

/**
 * PGlite (one PostgreSQL backend, in this process) served on a loopback port, so that MikroORM, the update log and
 * every other part talk to it with the same `pg` driver as to a real server, over several connections.
 *
 * What several connections to one backend need, and @electric-sql/pglite-socket 0.2.17 does not do (its queue runs
 * one *message* at a time and keeps a connection's turn only inside a transaction — electric-sql/pglite#1046): a
 * connection's extended-protocol batch (Parse, Bind, Describe, Execute … Sync) runs as one unit, so that another
 * connection's Parse never replaces the unnamed statement between this one's Parse and Bind. Under concurrent
 * requests that interleaving failed statements ("unnamed prepared statement does not exist") or, where the shapes
 * matched, bound one request's parameters to another's statement. Here:
 * - a unit is everything a connection sends up to a Sync, a Query or a Flush; units run one at a time, in arrival order;
 * - while the backend is inside a transaction, only the connection that opened it runs (its units wait for nobody,
 *   the others' wait for its COMMIT or ROLLBACK); a connection that goes away inside its transaction is rolled back;
 * - a failure inside PGlite closes that connection only, and the queue goes on (no unit is left waiting forever).
 */
export async function servePglite(db: PGlite, { maxConnections = 16 } = {}): Promise<PgliteWireServer> {
  const queue: Unit[] = [];
  const connections = new Set<Connection>();
  /** The connection whose transaction is open in the backend, if any. */
  let owner: Connection | null = null;
  let running = false;

  async function run(): Promise<void> {
    if (running) return;
    running = true;
    try {
      for (;;) {
        if (owner?.closed) await rollbackIfOwned(owner);
        const index = owner ? queue.findIndex((u) => u.connection === owner) : 0;
        if (index < 0 || queue.length === 0) break;
        const [unit] = queue.splice(index, 1);
        if (unit.connection.closed) continue;
        try {
          await db.runExclusive(async () => {
            for (const message of unit.messages) {
              await db.execProtocolRawStream(message, { onRawData: (data) => write(unit.connection, data) });
            }
          });
          // Its turn lasts while its transaction is open, or its batch is (a Flush, the rest to come up to a Sync).
          const last = unit.messages[unit.messages.length - 1][0];
          owner = db.isInTransaction() || last === FLUSH ? unit.connection : null;
        } catch {
          close(unit.connection);
          owner = null;
          if (db.isInTransaction()) await db.exec('rollback').catch(() => {});
        }
      }
    } finally {
      running = false;
    }
  }

  function write(connection: Connection, data: Uint8Array): void {
    if (data.length > 0 && !connection.closed && connection.socket.writable) connection.socket.write(Buffer.from(data));
  }

  async function rollbackIfOwned(connection: Connection): Promise<void> {
    if (owner !== connection) return;
    owner = null;
    if (db.isInTransaction()) await db.exec('rollback').catch(() => {});
  }

  function close(connection: Connection): void {
    if (connection.closed) return;
    connection.closed = true;
    connections.delete(connection);
    connection.socket.destroy();
  }

  function enqueue(connection: Connection, messages: Buffer[]): void {
    queue.push({ connection, messages });
    void run();
  }

  /** Splits what arrived into messages and units; false if the connection must be closed. */
  function receive(connection: Connection): boolean {
    for (;;) {
      const buffer = connection.buffer;
      if (!connection.started) {
        if (buffer.length < 8) return true;
        const length = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (length < 8 || length > 10_000) return false;
        if (buffer.length < length) return true;
        connection.buffer = buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          connection.socket.write('N');
        } else if (code === CANCEL_REQUEST) {
          return false; // one backend, nothing to signal: the wire protocol expects no answer
        } else if (code === PROTOCOL_3) {
          connection.started = true;
          enqueue(connection, [Buffer.from(buffer.subarray(0, length))]);
        } else {
          return false;
        }
        continue;
      }
      if (buffer.length < 5) return true;
      const length = buffer.readInt32BE(1);
      if (length < 4 || length > MAX_MESSAGE) return false;
      if (buffer.length < 1 + length) return true;
      const type = buffer[0];
      const message = Buffer.from(buffer.subarray(0, 1 + length));
      connection.buffer = buffer.subarray(1 + length);
      if (type === TERMINATE) return false;
      connection.batch.push(message);
      if (ENDS_UNIT.has(type)) {
        const unit = connection.batch;
        connection.batch = [];
        enqueue(connection, unit);
      }
    }
  }

  const server: Server = createServer((socket) => {
    if (connections.size >= maxConnections) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const connection: Connection = { socket, buffer: Buffer.alloc(0), started: false, batch: [], closed: false };
    connections.add(connection);
    socket.on('data', (data: Buffer) => {
      connection.buffer = connection.buffer.length ? Buffer.concat([connection.buffer, data]) : data;
      if (!receive(connection)) void gone(connection);
    });
    socket.on('error', () => void gone(connection));
    socket.on('close', () => void gone(connection));
  });

  async function gone(connection: Connection): Promise<void> {
    close(connection);
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].connection === connection) queue.splice(i, 1);
    // The runner rolls an owner that went away back itself; idle, it is started for that.
    void run();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    async stop() {
      for (const connection of [...connections]) close(connection);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
