import { existsSync, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { processTreeStats } from '../api/process-stats.js';

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
  /** Statements by kind (their first words, literals and parameters set aside), when each is known. */
  kinds: Map<string, number>;
}

export interface StatementCounter {
  method: string;
  /**
   * The counts once what was sent so far is reported and the processes `pids` (with their children) are idle: a
   * quiet log alone is not enough, since the detector's first full run computes for seconds on a loaded machine
   * before it writes, and those statements would land in the next window.
   */
  settled(pids?: number[]): Promise<StatementCounts>;
  close(): Promise<void>;
}

/** A statement's kind: its first words, with literals and parameters set aside (`select id from t where id = ?`). */
export function statementKind(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/'(?:[^']|'')*'/g, '?').replace(/\$\d+/g, '?').replace(/\b\d+\b/g, '?').trim().slice(0, 70);
}

/** CPU ms the processes spent, to tell a computing server from an idle one. */
const cpuOf = (pids: number[]) => pids.reduce((n, pid) => n + processTreeStats(pid).cpuMs, 0);

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
    const kinds = new Map<string, number>();
    const kindOf = new RegExp(`@${name} LOG:  (?:statement|execute [^:]*): ([^\\n]*)`, 'g');
    const marker = new RegExp(`@${name} LOG:  (statement|execute [^:]*):`, 'g');
    // The flow columns span lines in the log; a flow read by id is the only statement that starts so and ends so.
    const flowRead = new RegExp(`@${name} LOG:  (statement|execute [^:]*): select f\\.id, f\\.site_id,[\\s\\S]{0,600}?from resource_flow f where f\\.id = any\\(`, 'g');
    return {
      method: `statements of the database logged by PostgreSQL (log_statement = 'all' on it alone), counted in ${log}`,
      // Quiet for two seconds in a row (at most 60 s): work an event set off after its answer (the synergy
      // detector's first load of a territory, say) is done and counted where it belongs.
      async settled(pids: number[] = []) {
        const deadline = Date.now() + 60_000;
        let quiet = 0;
        while (quiet < 2 && Date.now() < deadline) {
          const cpu0 = cpuOf(pids);
          await new Promise((r) => setTimeout(r, 1_000));
          // Under 5 % of a core over the second: idle (a subscription's keep-alive, not a detection).
          const idle = cpuOf(pids) - cpu0 < 50;
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
          for (const m of text.matchAll(kindOf)) kinds.set(statementKind(m[1]), (kinds.get(statementKind(m[1])) ?? 0) + 1);
          quiet = added === 0 && idle ? quiet + 1 : 0;
        }
        return { all: count, flowReads, kinds: new Map(kinds) };
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
    async settled(pids: number[] = []) {
      // Idle servers first (see above), then the 10 s within which idle backends report.
      for (let cpu0 = cpuOf(pids), t0 = Date.now(); Date.now() - t0 < 60_000; cpu0 = cpuOf(pids)) {
        await new Promise((r) => setTimeout(r, 1_000));
        if (cpuOf(pids) - cpu0 < 50) break;
      }
      await new Promise((r) => setTimeout(r, 11_000));
      return { all: await read(), flowReads: null, kinds: new Map() };
    },
    close: () => client.end(),
  };
}
