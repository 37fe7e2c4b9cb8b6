import pg from 'pg';

export interface Upkeep {
  /** Documents whose snapshot was written at or after `since` (compacted during the phase). */
  compacted: number;
  /** Rows of each document left in the log at the end, lowest and highest. */
  rowsMin: number;
  rowsMax: number;
}

/**
 * How much compaction ran while a phase typed: the server compacts a document once it is quiet or its tail is long
 * (COMPACTION in collab-server.ts), so a short typing phase may see none; printed beside
 * the relay figures so that a reader knows whether they include it.
 */
export async function upkeepSince(databaseUrl: string, documentNames: string[], since: Date): Promise<Upkeep> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const snapshots = await client.query<{ n: number }>(`select count(*)::int as n from collab_snapshot where document_name = any($1) and updated_at >= $2`, [documentNames, since]);
    const rows = await client.query<{ n: number }>(
      `select count(u.seq)::int as n from unnest($1::varchar[]) d(name) left join collab_update u on u.document_name = d.name group by d.name`,
      [documentNames],
    );
    const counts = rows.rows.map((r) => r.n);
    return { compacted: snapshots.rows[0].n, rowsMin: Math.min(...counts), rowsMax: Math.max(...counts) };
  } finally {
    await client.end();
  }
}
