import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { quantile } from '../timing.js';

export interface CommitPrice {
  n: number;
  p50Ms: number;
  p99Ms: number;
  /** The server's settings that decide what a commit costs (an fsync, or not). */
  settings: string;
}

/**
 * The price of durability on this PostgreSQL: one connection (`pg`), N single-row INSERTs of an update-sized row,
 * each its own transaction (INSERT + COMMIT in one round trip, the cheapest durable write there is).
 */
export async function measureCommitPrice(databaseUrl: string, n = 2000): Promise<CommitPrice> {
  const sample = await commitTimes(databaseUrl, n);
  return priceOf(sample.times, sample.settings);
}

/** The commits' times of several samples taken through a run (relay-rounds.ts: one before each round), pooled. */
export function priceOf(times: number[], settings: string): CommitPrice {
  return { n: times.length, p50Ms: quantile(times, 0.5), p99Ms: quantile(times, 0.99), settings };
}

/** `n` timed commits as `measureCommitPrice` makes them (after 100 untimed), and the settings that price them. */
export async function commitTimes(databaseUrl: string, n: number): Promise<{ times: number[]; settings: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`create table bench_commit (seq bigserial primary key, document_name varchar(200) not null, "update" bytea not null)`);
    const row = ['project-plan:00000000-0000-0000-0000-000000000000', Buffer.alloc(24, 7)];
    const insert = { name: 'bench-commit', text: `insert into bench_commit (document_name, "update") values ($1, $2)`, values: row };
    for (let i = 0; i < 100; i++) await client.query(insert); // warm-up
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await client.query(insert);
      times.push(performance.now() - t0);
    }
    const settings: string[] = [];
    for (const name of ['fsync', 'synchronous_commit', 'wal_sync_method']) {
      const { rows } = await client.query(`select current_setting($1) as v`, [name]);
      settings.push(`${name}=${rows[0].v}`);
    }
    await client.query(`drop table bench_commit`);
    return { times, settings: settings.join(' ') };
  } finally {
    await client.end();
  }
}
