import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, DomainError, forbidden, unauthenticated } from '../errors/domain-errors.js';
import type { NeedCodes } from '../flow/flow.validation.js';
import { isFacilitator, type MaybeViewer, type Viewer } from '../policy/viewer.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { loadTerritoryTree } from '../territory/territory-tree.js';
import { applyPlan, type FlowChange, type ImportReport } from './import-apply.js';
import { forbiddenInPlan } from './import-authorization.js';
import { parseImportFile } from './import-file.js';
import { planImport } from './import-plan.js';
import { jsonSource, sourceOf, type ImportSource } from './import-source.js';

export type { Counts, ImportReport } from './import-apply.js';
export { parseImportFile } from './import-file.js';
export type { ImportSource } from './import-source.js';

/** Events published per turn of the event loop (see publish). */
const PUBLISH_SLICE = 200;

/** Files from this size on are read, checked and written off the event loop, when the app provides the means. */
export const OFF_THREAD_IMPORT_BYTES = 256 * 1024;

/** What an import did, as it crosses threads: the report, and the flow changes to announce once committed. */
export interface ImportOutcome {
  report: ImportReport;
  changes: FlowChange[];
}

/**
 * Parses, checks and applies a file in another thread (with a database connection of its own) and answers its
 * outcome; a refusal rejects with the same DomainError the service would have thrown (app/import-thread.ts).
 */
export type OffThreadImport = (viewer: MaybeViewer, fileName: string, content: string) => Promise<ImportOutcome>;

/**
 * Bulk import of territories, organisations, sites and flows (docs/import-format.md): validated whole, authorised
 * whole, written whole in one transaction, or not at all. Records are matched by their `ref`, so importing the same
 * document again changes nothing.
 */
export class ImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: AppPubSub['pubSub'],
    private readonly needCodes: NeedCodes,
    private readonly offThread?: OffThreadImport,
  ) {}

  /**
   * An uploaded file (importData). A large one is parsed, checked and written in a worker thread: on the event loop
   * it held every other request about a second per megabyte (docs/THREAT_MODEL.md #30a).
   */
  async importFile(viewer: MaybeViewer, fileName: string, content: string): Promise<ImportReport> {
    if (!this.offThread || content.length < OFF_THREAD_IMPORT_BYTES) return this.importDocument(viewer, parseImportFile(fileName, content));
    mayImport(viewer);
    const outcome = await this.offThread(viewer, fileName, content);
    await this.publish(outcome.changes);
    return outcome.report;
  }

  /**
   * 'SYSTEM' is the command line and the demo seeder: whoever runs them already holds the database. `source`
   * locates problems in the file the document was read from; by default the one parseImportFile recorded, else
   * JSON paths.
   */
  async importDocument(viewer: MaybeViewer | 'SYSTEM', doc: unknown, source?: ImportSource): Promise<ImportReport> {
    const outcome = await this.applyDocument(viewer, doc, source);
    await this.publish(outcome.changes);
    return outcome.report;
  }

  /** Checks and applies a document in one transaction, without announcing anything (the caller publishes). */
  applyDocument(viewer: MaybeViewer | 'SYSTEM', doc: unknown, source?: ImportSource): Promise<ImportOutcome> {
    return applyImport(this.em, this.needCodes, viewer, doc, source);
  }


  /**
   * After the commit only: subscribers must never hear of a flow that a rollback then erased. In slices, with a turn
   * of the event loop between them: each subscriber's queue refuses more than 1024 events pushed at once, which a
   * large import exceeds.
   */
  private async publish(changes: FlowChange[]) {
    if (changes.length === 0) return;
    const tree = await loadTerritoryTree(this.em.fork());
    for (const [index, change] of changes.entries()) {
      if (index > 0 && index % PUBLISH_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      this.pubSub.publish('FLOW_CHANGED', { ...change, territoryChain: tree.ancestorsOf(change.territoryId) });
    }
  }
}

/**
 * Checks and applies a document in one transaction and returns what to announce; announces nothing (the import
 * worker's caller, or ImportService, publishes once it has the outcome).
 */
export async function applyImport(em: EntityManager, needCodes: NeedCodes, viewer: MaybeViewer | 'SYSTEM', doc: unknown, source?: ImportSource): Promise<ImportOutcome> {
  const importer = mayImport(viewer);
  const from = source ?? sourceOf(doc) ?? jsonSource;
  try {
    // A fresh context: the stored records compared against are read in the transaction, not taken from a cache.
    return await em.fork().transactional(async (tx) => {
      const plan = await planImport(tx, doc, from, needCodes);
      if (importer !== 'SYSTEM') {
        const denied = forbiddenInPlan(importer, plan, from);
        if (denied.length > 0) {
          const detail = denied.slice(0, 3).map((p) => `${p.row ? `row ${p.row}: ` : ''}${p.message}`);
          throw new DomainError('FORBIDDEN', `The import was refused: nothing was changed. ${detail.join('; ')}${denied.length > 3 ? '; …' : ''}`, denied);
        }
      }
      return applyPlan(tx, plan);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      // Another import (or an edit) registered the same ref, SIREN or SIRET between our reads and our writes.
      throw conflict('The import collided with a concurrent change of the same records: nothing was changed; try again.');
    }
    throw error;
  }
}

/** Before any validation: someone who may not import learns nothing about the records the file names. */
function mayImport(viewer: MaybeViewer | 'SYSTEM'): Viewer | 'SYSTEM' {
  if (viewer === null) throw unauthenticated();
  if (viewer !== 'SYSTEM' && !isFacilitator(viewer)) throw forbidden('Only facilitators may import data, into the territories they facilitate.');
  return viewer;
}
