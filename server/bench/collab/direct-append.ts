import pg from 'pg';
import { boundedUpdateV1 } from '../../src/collab/untrusted/bounded-update.js';
import { updateError } from '../../src/collab/untrusted/update-verdict.js';

const APPEND = {
  name: 'collab-update-append-direct',
  text: `insert into collab_update (document_name, "update", author_id) select * from unnest($1::varchar[], $2::bytea[], $3::uuid[])`,
};
const MAX_IN_FLIGHT = 4;

interface Entry {
  documentName: string;
  update: Uint8Array;
  authorId: string | null;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * A prototype for append-path.ts (not the product's path): the durable append with no thread hop. An update the
 * bounded reader vouches for (at most 64 structs and 8 KiB, as the update checker's inline path) is checked on
 * this thread; any other is refused here (the product would send it to the durability thread, and its connection's
 * later updates after it). Checked updates go, per turn of the event loop, into one unnest INSERT on this thread's
 * own pg connections, four at most in flight; each resolves once its row is committed.
 */
export function directAppender(clientUrl: string) {
  const queue: Entry[] = [];
  const idle: pg.Client[] = [];
  let inFlight = 0;
  let scheduled = false;

  async function connection(): Promise<pg.Client> {
    const reused = idle.pop();
    if (reused) return reused;
    const client = new pg.Client({ connectionString: clientUrl });
    await client.connect();
    return client;
  }

  async function insert(batch: Entry[]): Promise<void> {
    const client = await connection();
    try {
      await client.query({
        ...APPEND,
        values: [batch.map((e) => e.documentName), batch.map((e) => Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength)), batch.map((e) => e.authorId)],
      });
      for (const e of batch) e.resolve();
    } catch (error) {
      for (const e of batch) e.reject(error as Error);
    } finally {
      idle.push(client);
    }
  }

  function pump(): void {
    while (queue.length && inFlight < MAX_IN_FLIGHT) {
      inFlight += 1;
      void insert(queue.splice(0, 1000)).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return {
    append(_w: number, update: Uint8Array, documentName: string): Promise<void> {
      const shape = update.byteLength <= 8192 ? boundedUpdateV1(update) : null;
      if (!shape || shape.size > 64) return Promise.reject(new Error('not vouched for: the durability thread would check it'));
      const error = updateError(update, 'v1', shape);
      if (error !== null) return Promise.reject(new Error(error));
      return new Promise<void>((resolve, reject) => {
        queue.push({ documentName, update, authorId: null, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      });
    },
    async close(): Promise<void> {
      while (queue.length || inFlight) await new Promise((r) => setTimeout(r, 10));
      await Promise.all(idle.splice(0).map((c) => c.end()));
    },
  };
}
