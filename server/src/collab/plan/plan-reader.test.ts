import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DomainError } from '../../errors/domain-errors.js';
import type { PlanContent } from '../../project/plan-document.port.js';
import { changeOf, changeStep } from './plan-changes.fixture.js';
import { applyPlanChange } from './plan-editor.js';
import { isIsoDate, plainTextOfNotes, readPlan } from './plan-reader.js';
import { planParts } from './plan-shape.js';

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
});
