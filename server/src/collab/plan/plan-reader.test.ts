import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DomainError } from '../../errors/domain-errors.js';
import type { PlanContent } from '../../project/plan-document.port.js';
import { changeOf, changeStep } from './plan-changes.fixture.js';
import { applyPlanChange } from './plan-editor.js';
import { isIsoDate, plainTextOfNotes, readPlan, refreshSnapshot, snapshotPlan, textOfXmlText, type PlanSnapshot } from './plan-reader.js';
import { planParts, planRoots, touchedParts, type PlanPartName } from './plan-shape.js';

/** Values a malicious client may write anywhere: JSON, binary, and Yjs types of every kind. */
const garbageKind = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((value) => () => value),
  fc.constantFrom(
    () => undefined,
    () => new Uint8Array([1, 2, 3]),
    () => new Y.Map<unknown>([['id', 'g-1'], ['title', 42], ['status', 'BURNING'], ['dueDate', '2027-13-45'], ['amountEur', 'cher']]),
    () => new Y.Array<unknown>(),
    () => new Y.Text('texte'),
    () => new Y.XmlText('texte'),
    () => new Y.XmlElement('paragraph'),
  ),
);
const fieldName = fc.constantFrom('id', 'title', 'status', 'dueDate', 'ownerOrganizationId', 'label', 'amountEur', 'funder', 'summary');
const garbageWrite = fc.oneof(
  fc.record({ where: fc.constantFrom('actions' as const, 'budget' as const), value: garbageKind }),
  fc.record({ where: fc.constantFrom('meta' as const, 'indicators' as const), key: fc.oneof(fieldName, fc.string()), value: garbageKind }),
  fc.record({ where: fc.constant('notes' as const), value: garbageKind }),
  fc.record({ where: fc.constant('field' as const), list: fc.constantFrom('actions' as const, 'budget' as const), key: fieldName, value: garbageKind }),
);

type GarbageWrite = typeof garbageWrite extends fc.Arbitrary<infer T> ? T : never;

function writeGarbage(doc: Y.Doc, write: GarbageWrite): void {
  const parts = planParts(doc);
  const value = write.value() as never;
  switch (write.where) {
    case 'actions':
    case 'budget':
      // Yjs's own API refuses undefined in a list: what it refuses cannot be sent that way.
      if (value !== undefined) parts[write.where].push([value]);
      break;
    case 'meta':
    case 'indicators':
      parts[write.where].set(write.key, value);
      break;
    case 'notes':
      if (value !== undefined) parts.notes.insert(0, [value]);
      break;
    case 'field': {
      const first = parts[write.list].toArray().find((entry) => entry instanceof Y.Map);
      if (first) (first as Y.Map<unknown>).set(write.key, value);
    }
  }
}

function expectWellTyped(plan: PlanContent): void {
  expect(typeof plan.summary).toBe('string');
  for (const action of plan.actions) {
    expect(typeof action.id === 'string' && action.id !== '').toBe(true);
    expect(typeof action.title).toBe('string');
    expect(action.ownerOrganizationId === null || typeof action.ownerOrganizationId === 'string').toBe(true);
    expect(action.dueDate === null || isIsoDate(action.dueDate)).toBe(true);
    expect(['TODO', 'IN_PROGRESS', 'DONE']).toContain(action.status);
  }
  for (const line of plan.budget) {
    expect(typeof line.label).toBe('string');
    expect(Number.isFinite(line.amountEur)).toBe(true);
    expect(line.funder === null || typeof line.funder === 'string').toBe(true);
  }
  for (const entry of plan.indicators) expect(Number.isFinite(entry.expected)).toBe(true);
  expect(new Set(plan.actions.map((action) => action.id)).size).toBe(plan.actions.length);
}

describe('readPlan on what clients wrote', () => {
  it('never throws on random garbage in every part, and the API can still edit the plan', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(garbageWrite, changeStep.map((step) => ({ where: 'change' as const, step }))), { maxLength: 25 }), (writes) => {
        const client = new Y.Doc();
        const server = new Y.Doc();
        writes.forEach((write, index) => {
          if (write.where !== 'change') writeGarbage(client, write);
          else {
            try {
              applyPlanChange(client, changeOf(write.step, readPlan(client)), 'api', () => `a-${index}`);
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
            }
          }
        });
        // The server reads what came over the wire, not the client's objects.
        Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
        expectWellTyped(readPlan(server));
        expect(typeof plainTextOfNotes(server)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('reads parts a client created with the wrong Yjs type as empty', () => {
    const attacker = new Y.Doc();
    attacker.getMap('actions').set('id', 'a-1');
    attacker.getArray('meta').push(['summary']);
    attacker.getText('indicators').insert(0, 'CO2|t');
    attacker.getArray('notes').push(['texte brut', 3, { paragraph: 'x' }]);
    attacker.getMap('budget').set('b-1', new Y.Map([['id', 'b-1']]));
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(attacker));
    expect(readPlan(server)).toEqual({ summary: '', actions: [], budget: [], indicators: [] });
    expect(plainTextOfNotes(server)).toBe('');
  });

  it('normalises fields of the wrong type and skips entries without an id or under a foreign key', () => {
    const doc = new Y.Doc();
    const parts = planParts(doc);
    parts.meta.set('summary', 12);
    parts.actions.push([
      new Y.Map<unknown>([['id', 'a-1'], ['title', 7], ['status', 'LATER'], ['dueDate', '2027-02-30'], ['ownerOrganizationId', 4]]),
      new Y.Map<unknown>([['title', 'sans id']]),
      { id: 'plain', title: 'objet brut' },
    ]);
    parts.budget.push([new Y.Map<unknown>([['id', 'b-1'], ['label', 'Broyeur'], ['amountEur', Number.NaN], ['funder', false]])]);
    parts.indicators.set('CO2|t/an', { indicator: 'CO2', unit: 't/an', expected: 10 });
    parts.indicators.set('other', { indicator: 'CO2', unit: 't/an', expected: 99 });
    parts.indicators.set('Eau|m3', { indicator: 'Eau', unit: 'm3', expected: 'beaucoup' });
    expect(readPlan(doc)).toEqual({
      summary: '',
      actions: [{ id: 'a-1', title: '', ownerOrganizationId: null, dueDate: null, status: 'TODO' }],
      budget: [{ id: 'b-1', label: 'Broyeur', amountEur: 0, funder: null }],
      indicators: [{ indicator: 'CO2', unit: 't/an', expected: 10 }],
    });
  });

  it('gives the notes as plain text, one line per block, whatever the nesting', () => {
    const doc = new Y.Doc();
    const paragraph = (text: string) => {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    };
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [paragraph('Broyer les palettes')]);
    list.insert(0, [item]);
    const bold = new Y.XmlText();
    bold.insert(0, 'Comité ');
    bold.insert(7, 'du 12 mars', { bold: true });
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [bold]);
    planParts(doc).notes.insert(0, [heading, paragraph(''), list]);
    expect(plainTextOfNotes(doc)).toBe('Comité du 12 mars\n\nBroyer les palettes');
  });

  it("reads an XmlText's characters as its delta's string inserts, whatever the formatting, embeds and deletions", () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 6 }), bold: fc.boolean() }),
      fc.record({ op: fc.constant('format' as const), at: fc.nat(), length: fc.nat(6), bold: fc.boolean() }),
      fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(4) }),
      fc.record({ op: fc.constant('embed' as const), at: fc.nat(), embed: fc.oneof(fc.string({ maxLength: 4 }), fc.constant({ image: 'x.png' })) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        const doc = new Y.Doc();
        const text = new Y.XmlText();
        planParts(doc).notes.insert(0, [text]);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          if (e.op === 'insert') text.insert(at, e.text, e.bold ? { bold: true } : {});
          else if (e.op === 'format') text.format(at, e.length, { bold: e.bold || null });
          else if (e.op === 'delete') text.delete(at, Math.min(e.length, text.length - at));
          else text.insertEmbed(at, e.embed as object);
        }
        // The reference: what reading the notes did before (the delta's string inserts, joined).
        const delta = text.toDelta() as { insert: unknown }[];
        expect(textOfXmlText(text)).toBe(delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('reads an embed a client sent as a bare string as text, as its delta does', () => {
    const client = new Y.Doc();
    const text = new Y.XmlText('avant ');
    planParts(client).notes.insert(0, [text]);
    text.insertEmbed(6, { k: 'MARKER' });
    text.insert(7, ' après');
    // Yjs's API embeds objects only; over the wire an embed is any JSON: the same bytes with a string instead (as
    // many bytes: "chaîne....." is 14 in UTF-8 with its quotes, like {"k":"MARKER"}).
    const update = Y.encodeStateAsUpdate(client);
    const from = new TextEncoder().encode('{"k":"MARKER"}');
    const at = update.findIndex((_, i) => from.every((b, j) => update[i + j] === b));
    update.set(new TextEncoder().encode(JSON.stringify('chaîne.....')), at);
    const server = new Y.Doc();
    Y.applyUpdate(server, update);
    const received = planParts(server).notes.get(0) as Y.XmlText;
    const delta = received.toDelta() as { insert: unknown }[];
    expect(delta.map((op) => op.insert)).toEqual(['avant ', 'chaîne.....', ' après']);
    expect(textOfXmlText(received)).toBe('avant chaîne..... après');
  });

  it('reads again only the parts a transaction touched, and that gives the whole plan as it stands', () => {
    const noteEdit = fc.record({ where: fc.constant('typing' as const), text: fc.string({ minLength: 1, maxLength: 5 }) });
    const step = fc.oneof(garbageWrite, noteEdit, changeStep.map((s) => ({ where: 'change' as const, step: s })));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const doc = new Y.Doc();
        const roots = planRoots(doc);
        let seen: PlanSnapshot = snapshotPlan(doc);
        const touched = new Set<PlanPartName>();
        doc.on('afterTransaction', (transaction: Y.Transaction) => touchedParts(transaction, roots, touched));
        steps.forEach((write, index) => {
          touched.clear();
          if (write.where === 'typing') {
            // Typing into the last paragraph's text, nested below the notes.
            const paragraph = new Y.XmlElement('paragraph');
            if (planParts(doc).notes.length === 0) doc.transact(() => planParts(doc).notes.insert(0, [paragraph]));
            const last = planParts(doc).notes.get(planParts(doc).notes.length - 1);
            if (last instanceof Y.XmlElement) {
              if (!(last.get(0) instanceof Y.XmlText)) doc.transact(() => last.insert(0, [new Y.XmlText()]));
              touched.clear();
              doc.transact(() => (last.get(0) as Y.XmlText).insert(0, write.text));
            }
          } else if (write.where !== 'change') doc.transact(() => writeGarbage(doc, write));
          else {
            try {
              applyPlanChange(doc, changeOf(write.step, readPlan(doc)), 'api', () => `a-${index}`);
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
            }
          }
          seen = refreshSnapshot(doc, seen, touched);
          expect(seen).toEqual(snapshotPlan(doc));
        });
      }),
      { numRuns: 300 },
    );
  });
});
