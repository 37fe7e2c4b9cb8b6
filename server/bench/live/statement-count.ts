import pg from 'pg';

/**
 * SQL statements the servers sent to the bench database, counted as PostgreSQL transactions
 * (pg_stat_database.xact_commit + xact_rollback): a statement outside a transaction is one. pg_stat_statements is
 * not preloaded on this server, and the product runs in another process, so its ORM counter is out of reach.
 * Backends report their counts when idle, at the latest 10 s later: `settled()` waits for that.
 */
export async function transactionCounter(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres'; // reading the counts must not count
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  const read = async () => {
    await client.query('select pg_stat_clear_snapshot()');
    const { rows } = await client.query(`select xact_commit + xact_rollback as n from pg_stat_database where datname = $1`, [name]);
    return Number(rows[0].n);
  };
  return {
    /** The count once every backend has reported (they do within 10 s of going idle). */
    async settled(): Promise<number> {
      await new Promise((r) => setTimeout(r, 11_000));
      return read();
    },
    close: () => client.end(),
  };
}
