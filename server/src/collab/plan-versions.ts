/**
 * Named versions of project plans (project/plan-versions.port.ts) over the version store, the update log and the
 * plan model: a version is the plan's durable state (snapshot + log tail) at the time it is saved; a restore is a
 * new update computed against the durable state and appended like any server-side edit.
 */
import * as Y from 'yjs';
import { planDocumentName } from '../project/plan-document.port.js';
import type { PlanVersionContent, PlanVersionRecord, PlanVersions } from '../project/plan-versions.port.js';
import { parseDocumentName } from './connection/document-name.js';
import type { PlanChangePublisher } from './plan-documents.js';
import { describeChange, diffPlans } from './plan/plan-diff.js';
import { snapshotPlan } from './plan/plan-reader.js';
import { restoreAsNewChange } from './plan/restore-version.js';
import type { UpdateLog } from './store/update-log.js';
import { VersionStore, type StoredVersion } from './store/version-store.js';
import { applyStoredParts } from './store/stored-parts.js';

export interface PlanVersionDeps {
  log: Pick<UpdateLog, 'load'>;
  versions: VersionStore;
  appendServerUpdate(documentName: string, update: Uint8Array, authorId: string | null): Promise<void>;
  /** Tells planChanged subscribers what a restore changed, like a change made through the API. */
  publish?: PlanChangePublisher;
}

function recordOf(version: StoredVersion): PlanVersionRecord | null {
  const address = parseDocumentName(version.documentName);
  if (address?.kind !== 'project-plan') return null;
  const { id, name, createdById, createdByName, createdAt } = version;
  return { id, projectId: address.ownerId, name, createdById, createdByName, createdAt };
}

function contentOf(state: Uint8Array): PlanVersionContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return snapshotPlan(doc);
  } finally {
    doc.destroy();
  }
}

export function createPlanVersions(deps: PlanVersionDeps): PlanVersions {
  /** The document as stored: every update acknowledged so far is in it, whichever instance took it. */
  async function durableDoc(documentName: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    applyStoredParts(doc, await deps.log.load(documentName), documentName);
    return doc;
  }

  return {
    async save(projectId, name, authorId) {
      const documentName = planDocumentName(projectId);
      const doc = await durableDoc(documentName);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return recordOf(await deps.versions.save({ documentName, name, state, createdById: authorId }))!;
    },

    async list(projectId) {
      const versions = await deps.versions.list(planDocumentName(projectId));
      return versions.map(recordOf).filter((v): v is PlanVersionRecord => v !== null);
    },

    async find(versionId) {
      const version = await deps.versions.find(versionId);
      const record = version && recordOf(version);
      return record ? { ...record, content: contentOf(version.state) } : null;
    },

    async current(projectId) {
      const doc = await durableDoc(planDocumentName(projectId));
      try {
        return snapshotPlan(doc);
      } finally {
        doc.destroy();
      }
    },

    compare: (from, to) => diffPlans(from, to),

    async restore(versionId, author) {
      const version = await deps.versions.find(versionId);
      const record = version && recordOf(version);
      if (!record) throw new Error(`Unknown plan version: ${versionId}`);
      const doc = await durableDoc(version.documentName);
      const updates: Uint8Array[] = [];
      try {
        const before = snapshotPlan(doc);
        doc.on('update', (update: Uint8Array) => updates.push(update));
        restoreAsNewChange(doc, version.state, author);
        const description = describeChange(before, snapshotPlan(doc), author);
        // One transaction, hence one update: logged even when nothing the plan shows differs (formatting of notes).
        for (const update of updates) await deps.appendServerUpdate(version.documentName, update, author.userId);
        if (!description.empty) deps.publish?.(record.projectId, description, [author]);
      } finally {
        doc.destroy();
      }
    },
  };
}
