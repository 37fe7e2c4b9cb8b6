import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload, Extension } from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { Principal } from '../../auth/principal.loader.js';
import type { CollabContext } from '../connection/collab-context.js';
import { parseDocumentName } from '../connection/document-name.js';
import { describeChange, type PlanChangeDescription } from '../plan/plan-diff.js';
import { refreshSnapshot, snapshotPlan, type PlanSnapshot } from '../plan/plan-reader.js';
import { planRoots, touchedParts, type PlanPartName, type PlanRoots } from '../plan/plan-shape.js';

/** Told when browsers' edits changed what a plan shows: which document, what changed, whose connections made it. */
export type PlanEditListener = (documentName: string, description: PlanChangeDescription, authors: Principal[]) => void;

/** Edits arriving within this window make one event: a keystroke each would flood the subscribers. */
const BATCH_MS = 100;

interface Batch {
  before: PlanSnapshot;
  /** The parts of the plan its transactions touched: only these are read again when it is told. */
  touched: Set<PlanPartName>;
  authors: Map<string, Principal>;
  timer: NodeJS.Timeout;
}

/** What the extension keeps of one loaded plan. */
interface Watched {
  documentName: string;
  document: Y.Doc;
  /** The plan's root types, by part: a transaction's changed types lead up to one of them. */
  roots: PlanRoots;
  batch: Batch | null;
  /**
   * The plan as the last batch left it, or null before the first: the next batch starts from it instead of reading
   * the plan again (a snapshot reads the whole plan; two per batch were the extension's cost), once the parts
   * changed from elsewhere since (`stale`) are read again.
   */
  seen: PlanSnapshot | null;
  stale: Set<PlanPartName>;
  detach: () => void;
}

/** The principal whose connection made a transaction; undefined for the API, a restore or another instance. */
function principalOf(transaction: Y.Transaction): Principal | undefined {
  const origin = transaction.origin;
  return isTransactionOrigin(origin) && origin.source === 'connection' ? (origin.connection.context as CollabContext).principal : undefined;
}

/**
 * The planChanged event for edits made in browsers (the API's changes are told by plan-documents.ts). Only the
 * updates this instance's own connections brought are described here, once; other instances describe theirs, and
 * updates relayed from them or made on the server are not attributed to a browser: before such a transaction, the
 * pending batch is told with the state as it stood. A batch reads again, when it is told, only the parts of the plan
 * its transactions touched (typing in the notes does not read the actions, budget and indicators again).
 */
export class PlanChangesExtension implements Extension {
  private readonly watched = new Map<string, Watched>();

  /**
   * `listening` says whether anybody may hear planChanged now (app/plan-changes.ts: a subscriber on this instance, or
   * any instance sharing Redis). While nobody does, a browser's edit opens no batch: neither the plan is read nor a
   * change described for nobody (a twentieth of the event loop's time under the collab benchmark's typing). The parts
   * it touched are noted as changed meanwhile, so the first batch once someone listens starts from the plan as it
   * then stands, and tells only what changed after.
   */
  constructor(
    private readonly listener: PlanEditListener,
    private readonly listening: () => boolean = () => true,
  ) {}

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload<CollabContext>): Promise<void> {
    if (parseDocumentName(documentName)?.kind !== 'project-plan') return;
    const roots = planRoots(document);
    const watched: Watched = { documentName, document, roots, batch: null, seen: null, stale: new Set(), detach: () => {} };
    const beforeTransaction = (transaction: Y.Transaction) => {
      const principal = principalOf(transaction);
      if (!principal) {
        this.tell(watched);
        return;
      }
      if (!watched.batch) {
        // Nobody to tell: afterTransaction notes the parts it touches in `stale` (no batch is open).
        if (!this.listening()) return;
        watched.batch = { before: this.current(watched), touched: new Set(), authors: new Map(), timer: setTimeout(() => this.tell(watched), BATCH_MS) };
      }
      watched.batch.authors.set(principal.user.id, principal);
    };
    const afterTransaction = (transaction: Y.Transaction) => {
      if (!transaction.changed.size) return;
      // A browser's edit belongs to the batch its beforeTransaction opened; a change from elsewhere (the API, a
      // restore, another instance) makes the parts it touched stale: the next batch reads them again.
      const batch = principalOf(transaction) ? watched.batch : null;
      touchedParts(transaction, roots, batch ? batch.touched : watched.stale);
    };
    document.on('beforeTransaction', beforeTransaction);
    document.on('afterTransaction', afterTransaction);
    watched.detach = () => {
      document.off('beforeTransaction', beforeTransaction);
      document.off('afterTransaction', afterTransaction);
    };
    this.watched.set(documentName, watched);
  }

  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload): Promise<void> {
    const watched = this.watched.get(documentName);
    if (!watched) return;
    this.tell(watched);
    watched.detach();
    this.watched.delete(documentName);
  }

  /** The plan now, from what the last batch saw and the parts changed from elsewhere since. */
  private current(watched: Watched): PlanSnapshot {
    if (!watched.seen) watched.seen = snapshotPlan(watched.document);
    else if (watched.stale.size) watched.seen = refreshSnapshot(watched.document, watched.seen, watched.stale);
    watched.stale.clear();
    return watched.seen;
  }

  /** Describes the pending batch against the plan now, and tells the listener if the plan moved. */
  private tell(watched: Watched): void {
    const batch = watched.batch;
    if (!batch) return;
    watched.batch = null;
    clearTimeout(batch.timer);
    const after = refreshSnapshot(watched.document, batch.before, batch.touched);
    watched.seen = after;
    const description = describeChange(batch.before, after);
    if (description.empty) return;
    try {
      this.listener(watched.documentName, description, [...batch.authors.values()]);
    } catch (error) {
      console.error('Telling a plan change failed:', error instanceof Error ? error.message : error);
    }
  }

  async onDestroy(): Promise<void> {
    for (const watched of this.watched.values()) {
      if (watched.batch) clearTimeout(watched.batch.timer);
      watched.batch = null;
      watched.detach();
    }
    this.watched.clear();
  }
}
