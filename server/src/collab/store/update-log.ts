import type { EntityManager } from '@mikro-orm/postgresql';

/** One accepted update, as the log keeps it. */
export interface LoggedUpdate {
  documentName: string;
  update: Uint8Array;
  /** The user whose connection (or API call) made it; null for the system (restore, migration of content). */
  authorId: string | null;
}

interface Pending extends LoggedUpdate {
  resolve(): void;
  reject(error: unknown): void;
}

/** How long an append waits for others to share its INSERT and COMMIT. */
const GROUP_WINDOW_MS = 2;
/** Rows per INSERT: stays far below PostgreSQL's 65,535 parameters. */
const MAX_BATCH = 1000;

/**
 * The update log in PostgreSQL, with group commit: appends arriving within a few milliseconds, from any connection
 * and any document, go into one INSERT (one COMMIT). `append` resolves only once the row is committed, so a caller
 * that awaits it before applying and acknowledging an update never acknowledges what a crash could lose.
 */
export class UpdateLog {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly unitOfWork: () => EntityManager) {}

  append(entry: LoggedUpdate): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ ...entry, resolve, reject });
      if (this.pending.length >= MAX_BATCH) this.flushSoon(0);
      else this.flushSoon(GROUP_WINDOW_MS);
    });
  }

  /** The document as stored: its snapshot, then the updates logged since, read in one statement (one view). */
  async load(documentName: string): Promise<Uint8Array[]> {
    const rows: { part: Buffer }[] = await this.unitOfWork().execute(
      `select part from (
         select 0 as k, 0::bigint as seq, state as part from collab_snapshot where document_name = ?
         union all
         select 1 as k, seq, "update" as part from collab_update where document_name = ?
       ) parts order by k, seq`,
      [documentName, documentName],
    );
    return rows.map((r) => new Uint8Array(r.part));
  }

  /** Waits for every append made so far to be committed (shutdown, tests). */
  async drain(): Promise<void> {
    // The flush is started here, not by a timer: awaiting an already settled `flushing` while a timer is pending
    // would only ever yield to microtasks, and the loop would spin without the timer ever firing.
    while (this.pending.length || this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
      await this.flushing;
    }
    await this.flushing;
  }

  private flushSoon(ms: number): void {
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // One INSERT at a time: a batch waits for the previous commit, and meanwhile more appends join it.
      this.flushing = this.flushing.then(() => this.flush());
    }, ms);
  }

  private async flush(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        await this.unitOfWork().execute(
          `insert into collab_update (document_name, "update", author_id) values ${batch.map(() => '(?, ?, ?)').join(', ')}`,
          batch.flatMap((u) => [u.documentName, Buffer.from(u.update), u.authorId]),
        );
        for (const u of batch) u.resolve();
      } catch (error) {
        for (const u of batch) u.reject(error);
      }
    }
  }
}
