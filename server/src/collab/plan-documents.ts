/**
 * The project domain's `PlanDocuments` port over the live documents: a read is the plan as the document holds it; a
 * change is made on a copy with the plan editor, and the update it produced is appended to the same durable log as
 * a browser's edits, then applied to the live document, which relays it to every open editor and instance.
 */
import * as Y from 'yjs';
import {
  planDocumentName,
  type PlanAuthor,
  type PlanChange,
  type PlanDocuments,
  type PlanReading,
} from '../project/plan-document.port.js';
import { describeChange, type PlanChangeDescription } from './plan/plan-diff.js';
import { applyPlanChange } from './plan/plan-editor.js';
import { snapshotPlan } from './plan/plan-reader.js';
import type { UpdateLog } from './store/update-log.js';

/** Where plan documents are read and written: the live server, or the store alone (command-line seeding). */
export interface PlanDocumentStore {
  /** The document's whole current state, as one update. */
  state(documentName: string): Promise<Uint8Array>;
  /** Logs an update durably, then applies it where the document is live. */
  append(documentName: string, update: Uint8Array, authorId: string | null): Promise<void>;
}

/** Told of every change made through the API that changed something the plan shows. */
export type PlanChangePublisher = (projectId: string, description: PlanChangeDescription, authors: PlanAuthor[]) => void;

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

export function createPlanDocuments(store: PlanDocumentStore, publish: PlanChangePublisher = () => {}): PlanDocuments {
  return {
    async read(projectId: string): Promise<PlanReading> {
      const doc = docOf(await store.state(planDocumentName(projectId)));
      try {
        return snapshotPlan(doc);
      } finally {
        doc.destroy();
      }
    },

    async apply(projectId: string, change: PlanChange, author: PlanAuthor): Promise<PlanReading> {
      const name = planDocumentName(projectId);
      const copy = docOf(await store.state(name));
      try {
        const before = snapshotPlan(copy);
        const known = Y.encodeStateVector(copy);
        // Throws BAD_USER_INPUT or NOT_FOUND before anything is logged: an invalid change writes nothing.
        applyPlanChange(copy, change, author);
        const update = Y.encodeStateAsUpdate(copy, known);
        const after = snapshotPlan(copy);
        const description = describeChange(before, after, author);
        if (description.empty) return after;
        await store.append(name, update, author.userId);
        publish(projectId, description, [author]);
        return after;
      } finally {
        copy.destroy();
      }
    },
  };
}

/** The store alone, for tools that run without the live server (a browser opening the plan later loads it from there). */
export function storedPlanDocuments(log: UpdateLog): PlanDocumentStore {
  return {
    async state(documentName) {
      const parts = await log.load(documentName);
      return parts.length ? Y.mergeUpdates(parts) : Y.encodeStateAsUpdate(new Y.Doc());
    },
    append: (documentName, update, authorId) => log.append({ documentName, update, authorId }),
  };
}
