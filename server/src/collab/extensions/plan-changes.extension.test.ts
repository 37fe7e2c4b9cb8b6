import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload } from '@hocuspocus/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Principal } from '../../auth/principal.loader.js';
import type { CollabContext } from '../connection/collab-context.js';
import type { PlanChangeDescription } from '../plan/plan-diff.js';
import { applyPlanChange } from '../plan/plan-editor.js';
import { planParts } from '../plan/plan-shape.js';
import { PlanChangesExtension } from './plan-changes.extension.js';

const DOCUMENT = 'project-plan:00000000-0000-4000-8000-000000000001';

/** Transaction origins as Hocuspocus tags them: a connection's (with its principal), another instance's, the server's. */
const browser = (userId: string) => ({ source: 'connection', connection: { context: { principal: { user: { id: userId } } as Principal } } });
const REDIS = { source: 'redis' };
const API = { source: 'local', context: {} };

interface Told {
  description: PlanChangeDescription;
  authors: string[];
}

/** What a description says, without its empty lists. */
function said({ description: d, authors }: Told) {
  const lists = Object.fromEntries(
    (['actions', 'budget', 'indicators'] as const).flatMap((list) =>
      (['added', 'removed', 'changed'] as const).filter((k) => d[list][k].length).map((k) => [`${list}.${k}`, d[list][k]]),
    ),
  );
  return { ...lists, ...(d.summaryChanged ? { summary: true } : {}), ...(d.notesChanged ? { notes: true } : {}), authors: authors.sort() };
}

describe('the planChanged extension', () => {
  let told: Told[];
  let extension: PlanChangesExtension;
  let doc: Y.Doc;

  beforeEach(async () => {
    vi.useFakeTimers();
    told = [];
    extension = new PlanChangesExtension((documentName, description, authors) => {
      expect(documentName).toBe(DOCUMENT);
      told.push({ description, authors: authors.map((a) => a.user.id) });
    });
    doc = new Y.Doc();
    // A plan with content before it is loaded: an action the API made, notes in a paragraph.
    applyPlanChange(doc, { kind: 'ADD_ACTION', action: { title: 'Étude', ownerOrganizationId: null, dueDate: null, status: 'TODO' } }, API, () => 'a-1');
    applyPlanChange(doc, { kind: 'APPEND_NOTES', blocks: [{ kind: 'PARAGRAPH', text: 'Réunion' }] }, API);
    await extension.afterLoadDocument({ document: doc, documentName: DOCUMENT } as unknown as afterLoadDocumentPayload<CollabContext>);
  });

  afterEach(async () => {
    await extension.onDestroy();
    vi.useRealTimers();
  });

  const notesText = () => (planParts(doc).notes.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const action = (index: number) => planParts(doc).actions.get(index) as Y.Map<unknown>;
  const batchEnds = () => vi.advanceTimersByTime(100);

  it('tells who changed what, however the plan changed before, in between and meanwhile', () => {
    // Typing in the notes, by two browsers in one batch.
    doc.transact(() => notesText().insert(7, ' du'), browser('u1'));
    doc.transact(() => notesText().insert(10, ' lundi'), browser('u2'));
    batchEnds();
    expect(told.map(said)).toEqual([{ notes: true, authors: ['u1', 'u2'] }]);

    // The API adds an action (told by the API's side, not here); a browser then edits it: a change, not an addition.
    applyPlanChange(doc, { kind: 'ADD_ACTION', action: { title: 'Tournée', ownerOrganizationId: null, dueDate: null, status: 'TODO' } }, API, () => 'a-2');
    doc.transact(() => action(1).set('status', 'DONE'), browser('u1'));
    batchEnds();
    expect(told.map(said).slice(1)).toEqual([{ 'actions.changed': ['a-2'], authors: ['u1'] }]);

    // Another instance's update arrives while a browser's batch is pending: the batch is told first, as it stood,
    // and what the other instance did is nobody's here.
    doc.transact(() => planParts(doc).meta.set('summary', 'Boucle bois'), browser('u2'));
    doc.transact(() => planParts(doc).actions.delete(0, 1), REDIS);
    expect(told.map(said).slice(2)).toEqual([{ summary: true, authors: ['u2'] }]);
    doc.transact(() => planParts(doc).budget.push([new Y.Map<unknown>([['id', 'b-1'], ['label', 'Broyeur'], ['amountEur', 1000]])]), browser('u2'));
    doc.transact(() => planParts(doc).indicators.set('CO2 évité|t/an', { indicator: 'CO2 évité', unit: 't/an', expected: 12 }), browser('u1'));
    batchEnds();
    expect(told.map(said).slice(3)).toEqual([{ 'budget.added': ['b-1'], 'indicators.added': ['CO2 évité|t/an'], authors: ['u1', 'u2'] }]);

    // Another instance changes the action a browser then removes, and the budget line the browser then edits.
    doc.transact(() => {
      action(0).set('title', 'Tournée mutualisée');
      (planParts(doc).budget.get(0) as Y.Map<unknown>).set('amountEur', 2000);
    }, REDIS);
    doc.transact(() => {
      planParts(doc).actions.delete(0, 1);
      (planParts(doc).budget.get(0) as Y.Map<unknown>).set('funder', 'ADEME');
    }, browser('u1'));
    batchEnds();
    expect(told.map(said).slice(4)).toEqual([{ 'actions.removed': ['a-2'], 'budget.changed': ['b-1'], authors: ['u1'] }]);
  });

  it('tells nothing for edits that change nothing the plan shows', () => {
    // Bold on existing text, a root that is no part of the plan, a title (not shown by planChanged).
    doc.transact(() => notesText().format(0, 4, { bold: true }), browser('u1'));
    doc.transact(() => doc.getXmlFragment('default').insert(0, [new Y.XmlText('ailleurs')]), browser('u1'));
    doc.transact(() => planParts(doc).meta.set('title', 'Titre'), browser('u2'));
    batchEnds();
    expect(told).toEqual([]);
    // Typing afterwards is still told, against the plan as it stands.
    doc.transact(() => notesText().delete(0, 3), browser('u2'));
    batchEnds();
    expect(told.map(said)).toEqual([{ notes: true, authors: ['u2'] }]);
  });

  it('describes nothing while nobody listens, and tells a subscriber every change made once it listens', async () => {
    let listening = false;
    const quiet = new PlanChangesExtension((_name, description, authors) => told.push({ description, authors: authors.map((a) => a.user.id) }), () => listening);
    const other = new Y.Doc();
    applyPlanChange(other, { kind: 'ADD_ACTION', action: { title: 'Étude', ownerOrganizationId: null, dueDate: null, status: 'TODO' } }, API, () => 'a-1');
    await quiet.afterLoadDocument({ document: other, documentName: DOCUMENT } as unknown as afterLoadDocumentPayload<CollabContext>);
    const first = () => planParts(other).actions.get(0) as Y.Map<unknown>;
    try {
      // Nobody listens: an edit is described for nobody.
      other.transact(() => first().set('status', 'DONE'), browser('u1'));
      other.transact(() => planParts(other).meta.set('summary', 'Sans public'), browser('u1'));
      batchEnds();
      expect(told).toEqual([]);
      // A subscriber comes: the next edits are told, and only they (not the ones made before it listened).
      listening = true;
      other.transact(() => planParts(other).meta.set('summary', 'Écouté'), browser('u2'));
      batchEnds();
      expect(told.map(said)).toEqual([{ summary: true, authors: ['u2'] }]);
      other.transact(() => first().set('status', 'TODO'), browser('u1'));
      batchEnds();
      expect(told.map(said).slice(1)).toEqual([{ 'actions.changed': ['a-1'], authors: ['u1'] }]);
      // It leaves mid-batch: the batch open is still told; the next edits are not.
      other.transact(() => planParts(other).meta.set('summary', 'Dernier'), browser('u2'));
      listening = false;
      batchEnds();
      other.transact(() => planParts(other).meta.set('summary', 'Personne'), browser('u2'));
      batchEnds();
      expect(told.map(said).slice(2)).toEqual([{ summary: true, authors: ['u2'] }]);
    } finally {
      await quiet.onDestroy();
    }
  });

  it('tells a pending batch when the document unloads', async () => {
    doc.transact(() => notesText().insert(0, 'Ordre du jour : '), browser('u1'));
    await extension.beforeUnloadDocument({ document: doc, documentName: DOCUMENT } as unknown as beforeUnloadDocumentPayload);
    expect(told.map(said)).toEqual([{ notes: true, authors: ['u1'] }]);
    // Detached: nothing more is told for this document.
    doc.transact(() => notesText().insert(0, 'x'), browser('u1'));
    batchEnds();
    expect(told).toHaveLength(1);
  });
});
