import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { onLoadDocumentPayload } from '@hocuspocus/server';
import pg from 'pg';
import * as Y from 'yjs';
import { PersistenceExtension } from '../../src/collab/extensions/persistence.extension.js';
import { compactDocument } from '../../src/collab/store/compaction.js';
import { UpdateLog } from '../../src/collab/store/update-log.js';
import { planDocumentName } from '../../src/project/plan-document.port.js';
import { collectGarbage, medianTiming, timedAsync, type Timing } from '../timing.js';
import { planTypist } from './typing.js';

export interface HistoryLoad {
  updates: number;
  logBytes: number;
  snapshotBytes: number;
  before: Timing;
  beforeRuns: number;
  compaction: Timing;
  after: Timing;
  afterRuns: number;
  /** The same loads after a forced full collection each (informative). */
  afterColdHeap: Timing;
  /** Parts loading read after compaction (the snapshot: 1) and rows of the document left in the log (0). */
  partsAfter: number;
  rowsLeft: number;
  /** Each load gave the document that was written. */
  sameContent: boolean;
}

/**
 * A plan with a long history: `updates` edits typed by five editors (one update each, as clients send them) are
 * written to the update log, then the plan is loaded the way the server loads a document (the persistence
 * extension's `onLoadDocument`: the store's read, then every part applied to a fresh Y.Doc), before compaction
 * (no snapshot, the whole log) and after (the snapshot alone). Medians of several loads.
 */
export async function measureHistoryLoad(orm: MikroORM, databaseUrl: string, updates = 100_000): Promise<HistoryLoad> {
  const documentName = planDocumentName(randomUUID());
  const written = await writeHistory(databaseUrl, documentName, updates);
  const log = new UpdateLog(() => orm.em.fork());
  const persistence = new PersistenceExtension(log, async () => {});
  const expected = written.state;
  let sameContent = true;
  /**
   * `runs` loads, medians. As a serving process loads a document: one after the other, no collection forced in
   * between. With `coldHeap`, a full collection is forced before each load (as this benchmark did first): V8 then
   * shrinks its young generation, and building the document's 20,000 objects costs several times more CPU in
   * scavenges than in a process that has been serving (measured: 16 ms of CPU warm, 70 ms after a forced
   * collection, for the same snapshot). Printed beside, not checked: no serving process collects before a load.
   */
  const load = async (runs: number, coldHeap = false): Promise<Timing> => {
    const timings: Timing[] = [];
    // One load first, not counted: a running server's loading code is compiled (the JIT) before its first user.
    for (let r = -1; r < runs; r++) {
      const document = new Y.Doc();
      if (coldHeap) {
        collectGarbage();
        // The collector's sweeping threads finish before the clock starts (process CPU time counts every thread).
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else {
        await new Promise((resolve) => setImmediate(resolve));
      }
      const { timing } = await timedAsync(() => persistence.onLoadDocument({ document, documentName } as onLoadDocumentPayload));
      if (r >= 0) timings.push(timing);
      sameContent &&= document.getXmlFragment('notes').toString() === expected;
      document.destroy();
    }
    return medianTiming(timings);
  };
  const beforeRuns = 3;
  const before = await load(beforeRuns);
  const compaction = (await timedAsync(() => compactDocument(orm.em.fork(), documentName))).timing;
  const afterRuns = 15;
  const after = await load(afterRuns);
  const afterColdHeap = await load(5, true);
  // What loading reads after compaction: the snapshot, and no row of the log (the rows merged were deleted).
  const partsAfter = (await log.load(documentName)).length;
  const [{ rows: rowsLeft }]: { rows: number }[] = await orm.em.fork().execute(`select count(*)::int as rows from collab_update where document_name = ?`, [documentName]);
  const [{ size }]: { size: string }[] = await orm.em.fork().execute(`select length(state) as size from collab_snapshot where document_name = ?`, [documentName]);
  return { updates, logBytes: written.bytes, snapshotBytes: Number(size), before, beforeRuns, compaction, after, afterRuns, afterColdHeap, partsAfter, rowsLeft, sameContent };
}

/** Types the history into a Y.Doc and writes each update as a row of the log, in batches (COPY-like unnest). */
async function writeHistory(databaseUrl: string, documentName: string, count: number): Promise<{ state: string; bytes: number }> {
  const source = new Y.Doc();
  const rows: Buffer[] = [];
  source.on('update', (update: Uint8Array) => rows.push(Buffer.from(update)));
  // Five editors take turns: each writes into its own paragraph, as in the relay phases.
  const editors = Array.from({ length: 5 }, (_, i) => {
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(source, update));
    return planTypist({ doc, synced: () => true, unsynced: () => 0, ackedClock: () => 0, acked: () => 0, keepAlive: () => {}, close: () => {} }, i);
  });
  for (let i = 0; rows.length < count; i++) editors[i % editors.length]();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let at = 0; at < count; at += 5000) {
      await client.query(`insert into collab_update (document_name, "update") select $1, u from unnest($2::bytea[]) with ordinality as t(u, n) order by n`, [
        documentName,
        rows.slice(at, Math.min(count, at + 5000)),
      ]);
    }
  } finally {
    await client.end();
  }
  const state = new Y.Doc();
  for (const row of rows.slice(0, count)) Y.applyUpdate(state, row);
  return { state: state.getXmlFragment('notes').toString(), bytes: rows.slice(0, count).reduce((n, r) => n + r.length, 0) };
}
