import { describe, expect, it } from 'vitest';
import { canSubmit, toggleFlow, toggleOrganization, toRecordInput, type RecordFormState } from './record-form';

const steel = { id: 'o1', name: 'Aciérie', flows: [{ id: 'f1', label: 'Chaleur', direction: 'OUTPUT' }] };
const joinery = { id: 'o2', name: 'Menuiserie', flows: [{ id: 'f2', label: 'Séchoir', direction: 'INPUT' }] };
const base: RecordFormState = { territoryId: 't', kind: 'SUBSTITUTION', status: 'ACCEPTED', operational: false, note: '  ', organizations: [] };

describe('recording a synergy by hand', () => {
  it('sends the chosen organisations and their ticked flows, and no blank note', () => {
    let organizations = toggleOrganization([], steel);
    organizations = toggleOrganization(organizations, joinery);
    organizations = toggleFlow(organizations, 'o1', 'f1');
    expect(toRecordInput({ ...base, organizations })).toEqual({
      territoryId: 't',
      kind: 'SUBSTITUTION',
      status: 'ACCEPTED',
      operational: false,
      organizationIds: ['o1', 'o2'],
      flowIds: ['f1'],
    });
    expect(toRecordInput({ ...base, organizations, note: ' Convenu en atelier ' }).note).toBe('Convenu en atelier');
  });

  it('removing an organisation drops its flows; a flow ticked twice is unticked', () => {
    const both = toggleFlow(toggleOrganization(toggleOrganization([], steel), joinery), 'o1', 'f1');
    expect(toggleFlow(both, 'o1', 'f1')[0].chosenFlowIds).toEqual([]);
    const left = toggleOrganization(both, steel);
    expect(left.map((o) => o.id)).toEqual(['o2']);
    expect(toRecordInput({ ...base, organizations: left }).flowIds).toEqual([]);
  });

  it('needs a territory and two organisations before it can be sent', () => {
    expect(canSubmit({ ...base, organizations: toggleOrganization([], steel) })).toBe(false);
    expect(canSubmit({ ...base, organizations: toggleOrganization(toggleOrganization([], steel), joinery) })).toBe(true);
    expect(canSubmit({ ...base, territoryId: '', organizations: toggleOrganization(toggleOrganization([], steel), joinery) })).toBe(false);
  });
});
