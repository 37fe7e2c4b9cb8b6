import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload, Extension } from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { Principal } from '../../auth/principal.loader.js';
import type { CollabContext } from '../connection/collab-context.js';
import { parseDocumentName } from '../connection/document-name.js';
import { describeChange, type PlanChangeDescription } from '../plan/plan-diff.js';
import { snapshotPlan, type PlanSnapshot } from '../plan/plan-reader.js';

/** Told when browsers' edits changed what a plan shows: which document, what changed, whose connections made it. */
export type PlanEditListener = (documentName: string, description: PlanChangeDescription, authors: Principal[]) => void;

/** Edits arriving within this window make one event: a keystroke each would flood the subscribers. */
const BATCH_MS = 100;

interface Batch {
  before: PlanSnapshot;
  authors: Map<string, Principal>;
  timer: NodeJS.Timeout;
}

/**
 * The planChanged event for edits made in browsers (the API's changes are told by plan-documents.ts). Only the
 * updates this instance's own connections brought are described here, once; other instances describe theirs, and
 * updates relayed from them or made on the server are not attributed to a browser: before such a transaction, the
 * pending batch is told with the state as it stood.
 */
export class PlanChangesExtension implements Extension {
  private readonly batches = new Map<string, Batch>();
  private readonly detach = new Map<string, () => void>();
  /**
   * The plan as the last batch left it, while nothing else changed it since: the next batch starts from it instead
   * of reading the plan again (a snapshot reads the whole plan; two per batch were the extension's cost).
   */
  private readonly lastSeen = new Map<string, PlanSnapshot>();

  constructor(private readonly listener: PlanEditListener) {}

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload<CollabContext>): Promise<void> {
    if (parseDocumentName(documentName)?.kind !== 'project-plan') return;
    const beforeTransaction = (transaction: Y.Transaction) => {
      const origin = transaction.origin;
      const principal =
        isTransactionOrigin(origin) && origin.source === 'connection' ? (origin.connection.context as CollabContext).principal : undefined;
      if (!principal) {
        this.tell(documentName, document);
        // Changed from elsewhere (the API, a restore, another instance): the next batch reads the plan again.
        this.lastSeen.delete(documentName);
        return;
      }
      let batch = this.batches.get(documentName);
      if (!batch) {
        const before = this.lastSeen.get(documentName) ?? snapshotPlan(document);
        batch = { before, authors: new Map(), timer: setTimeout(() => this.tell(documentName, document), BATCH_MS) };
        this.batches.set(documentName, batch);
      }
      batch.authors.set(principal.user.id, principal);
    };
    document.on('beforeTransaction', beforeTransaction);
    this.detach.set(documentName, () => document.off('beforeTransaction', beforeTransaction));
  }

  async beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload): Promise<void> {
    this.tell(documentName, document);
    this.lastSeen.delete(documentName);
    this.detach.get(documentName)?.();
    this.detach.delete(documentName);
  }

  /** Describes the pending batch of this document against its state now, and tells the listener if the plan moved. */
  private tell(documentName: string, document: Y.Doc): void {
    const batch = this.batches.get(documentName);
    if (!batch) return;
    this.batches.delete(documentName);
    clearTimeout(batch.timer);
    const after = snapshotPlan(document);
    this.lastSeen.set(documentName, after);
    const description = describeChange(batch.before, after);
    if (description.empty) return;
    try {
      this.listener(documentName, description, [...batch.authors.values()]);
    } catch (error) {
      console.error('Telling a plan change failed:', error instanceof Error ? error.message : error);
    }
  }

  async onDestroy(): Promise<void> {
    for (const batch of this.batches.values()) clearTimeout(batch.timer);
    this.batches.clear();
    this.lastSeen.clear();
  }
}
