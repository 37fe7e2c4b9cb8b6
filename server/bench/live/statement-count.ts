import { existsSync, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * SQL statements the servers sent to the bench database. With the PostgreSQL server's log readable here, every
 * statement of that database is logged (`ALTER DATABASE … SET log_statement = 'all'`, its own sessions only) and the
 * log lines counted: exact. Otherwise, PostgreSQL transactions of the database (pg_stat_database, which backends
 * report within 10 s of going idle; a statement outside a transaction is one): approximate. pg_stat_statements is not
 * preloaded on this server, and the product runs in another process, so its ORM counter is out of reach.
 */
export interface StatementCounts {
  all: number;
  /** Reads of flows by id (`from resource_flow f where f.id = any(…)`): what delivering an event reads. Null when not known. */
  flowReads: number | null;
}

export interface StatementCounter {
  method: string;
  /** The counts once what was sent so far is reported. */
  settled(): Promise<StatementCounts>;
  close(): Promise<void>;
}

const LOG_DIR = process.env.PG_LOG_DIR ?? '/var/log/postgresql';

function serverLog(): string | null {
  if (!existsSync(LOG_DIR)) return null;
  const logs = readdirSync(LOG_DIR).filter((f) => f.endsWith('.log')).map((f) => path.join(LOG_DIR, f));
  const newest = logs.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  try {
    closeSync(openSync(newest, 'r'));
    return newest;
  } catch {
    return null;
  }
}

/** Must be created before the servers open their connections (the setting applies to new sessions). */
export async function statementCounter(databaseUrl: string): Promise<StatementCounter> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres'; // reading the counts must not count
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  const log = serverLog();
  if (log) {
    await client.query(`alter database ${name} set log_statement = 'all'`);
    let offset = statSync(log).size;
    let count = 0;
    let flowReads = 0;
    const marker = new RegExp(`@${name} LOG:  (statement|execute [^:]*):`, 'g');
    // The flow columns span lines in the log; a flow read by id is the only statement that starts so and ends so.
    const flowRead = new RegExp(`@${name} LOG:  (statement|execute [^:]*): select f\\.id, f\\.site_id,[\\s\\S]{0,600}?from resource_flow f where f\\.id = any\\(`, 'g');
    return {
      method: `statements of the database logged by PostgreSQL (log_statement = 'all' on it alone), counted in ${log}`,
      // Quiet for two seconds in a row (at most 60 s): work an event set off after its answer (the synergy
      // detector's first load of a territory, say) is done and counted where it belongs.
      async settled() {
        const deadline = Date.now() + 60_000;
        let quiet = 0;
        while (quiet < 2 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 1_000));
          const size = statSync(log).size;
          const buffer = Buffer.alloc(size - offset);
          const fd = openSync(log, 'r');
          readSync(fd, buffer, 0, buffer.length, offset);
          closeSync(fd);
          offset = size;
          const text = buffer.toString('utf8');
          const added = text.match(marker)?.length ?? 0;
          count += added;
          flowReads += text.match(flowRead)?.length ?? 0;
          quiet = added === 0 ? quiet + 1 : 0;
        }
        return { all: count, flowReads };
      },
      close: () => client.end(),
    };
  }
  const read = async () => {
    await client.query('select pg_stat_clear_snapshot()');
    const { rows } = await client.query(`select xact_commit + xact_rollback as n from pg_stat_database where datname = $1`, [name]);
    return Number(rows[0].n);
  };
  return {
    method: 'PostgreSQL transactions of the database (pg_stat_database; approximate: a batch in one transaction counts once)',
    async settled() {
      await new Promise((r) => setTimeout(r, 11_000));
      return { all: await read(), flowReads: null };
    },
    close: () => client.end(),
  };
}
