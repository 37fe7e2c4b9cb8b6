import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, DomainError, forbidden, unauthenticated } from '../errors/domain-errors.js';
import type { NeedCodes } from '../flow/flow.validation.js';
import { isFacilitator, type MaybeViewer } from '../policy/viewer.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { loadTerritoryTree } from '../territory/territory-tree.js';
import { applyPlan, type FlowChange, type ImportReport } from './import-apply.js';
import { forbiddenInPlan } from './import-authorization.js';
import { planImport } from './import-plan.js';
import { jsonSource, sourceOf, type ImportSource } from './import-source.js';

export type { Counts, ImportReport } from './import-apply.js';
export { parseImportFile } from './import-file.js';
export type { ImportSource } from './import-source.js';

/** Events published per turn of the event loop (see publish). */
const PUBLISH_SLICE = 200;

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
  ) {}

  /**
   * 'SYSTEM' is the command line and the demo seeder: whoever runs them already holds the database. `source`
   * locates problems in the file the document was read from; by default the one parseImportFile recorded, else
   * JSON paths.
   */
  async importDocument(viewer: MaybeViewer | 'SYSTEM', doc: unknown, source?: ImportSource): Promise<ImportReport> {
    if (viewer === null) throw unauthenticated();
    if (viewer !== 'SYSTEM' && !isFacilitator(viewer)) {
      // Before any validation: someone who may not import learns nothing about the records the file names.
      throw forbidden('Only facilitators may import data, into the territories they facilitate.');
    }
    const from = source ?? sourceOf(doc) ?? jsonSource;
    let outcome: { report: ImportReport; changes: FlowChange[] };
    try {
      // A fresh context: the stored records compared against are read in the transaction, not taken from a cache.
      outcome = await this.em.fork().transactional(async (tx) => {
        const plan = await planImport(tx, doc, from, this.needCodes);
        if (viewer !== 'SYSTEM') {
          const denied = forbiddenInPlan(viewer, plan, from);
          if (denied.length > 0) {
            const detail = denied.slice(0, 3).map((p) => `${p.row ? `row ${p.row}: ` : ''}${p.message}`);
            throw new DomainError(
              'FORBIDDEN',
              `The import was refused: nothing was changed. ${detail.join('; ')}${denied.length > 3 ? '; …' : ''}`,
              denied,
            );
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
    await this.publish(outcome.changes);
    return outcome.report;
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
