import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeParagraphs } from './plan-changes.fixture.js';
import { applyPlanChange } from './plan-editor.js';
import { plainTextOfNotes, readPlan } from './plan-reader.js';
import { restoreAsNewChange } from './restore-version.js';

const author = { userId: 'u-1', organizationId: 'org-1' };

describe('restoreAsNewChange', () => {
  it('brings back the version as one new update tagged with its origin, keeping the history', () => {
    const live = new Y.Doc();
    applyPlanChange(live, { kind: 'ADD_ACTION', action: { title: 'Étude', ownerOrganizationId: null, dueDate: null, status: 'TODO' } }, author, () => 'a-1');
    writeParagraphs(live, ['Après le comité de pilotage du 12 mars']);
    live.getMap('meta').set('title', 'Palettes');
    const version = Y.encodeStateAsUpdate(live);

    applyPlanChange(live, { kind: 'REMOVE_ACTION', id: 'a-1' }, author);
    applyPlanChange(live, { kind: 'SET_INDICATOR', indicator: { indicator: 'CO2', unit: 't/an', expected: 3 } }, author);
    writeParagraphs(live, ['Une idée abandonnée']);
    live.getMap('meta').delete('title');
    const history = Y.encodeStateVector(live);

    const origins: unknown[] = [];
    live.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    restoreAsNewChange(live, version, 'restore by u-1');

    expect(origins).toEqual(['restore by u-1']);
    expect(readPlan(live).actions.map((action) => action.title)).toEqual(['Étude']);
    expect(readPlan(live).indicators).toEqual([]);
    expect(plainTextOfNotes(live)).toBe('Après le comité de pilotage du 12 mars');
    expect(live.getMap('meta').get('title')).toBe('Palettes');
    // Every client's clock moved forward or stayed: nothing of the history was taken back.
    const after = Y.decodeStateVector(Y.encodeStateVector(live));
    for (const [client, clock] of Y.decodeStateVector(history)) expect(after.get(client)).toBeGreaterThanOrEqual(clock);
  });
});
