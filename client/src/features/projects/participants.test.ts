import { describe, expect, it } from 'vitest';
import { currentParticipants, isRemovable, orderedParticipants, takenOrganizationIds, type ProjectParticipantView } from './participants';

const org = (id: string) => ({ id, name: id.toUpperCase() });
const p = (id: string | null, role: ProjectParticipantView['role'], status: ProjectParticipantView['status']): ProjectParticipantView => ({
  isYours: false,
  role,
  status,
  organization: id ? org(id) : null,
});

describe('project participants', () => {
  const list = [
    p('obs', 'OBSERVER', 'ACCEPTED'),
    p(null, 'PARTNER', 'INVITED'),
    p('gone', 'PARTNER', 'REMOVED'),
    p('lead', 'LEAD', 'ACCEPTED'),
    p('no', 'PARTNER', 'DECLINED'),
    p('partner', 'PARTNER', 'ACCEPTED'),
  ];

  it('lists those taking part by role, then pending invitations, then the others', () => {
    expect(orderedParticipants(list).map((x) => `${x.organization?.id ?? '?'}:${x.status}`)).toEqual([
      'lead:ACCEPTED',
      'partner:ACCEPTED',
      'obs:ACCEPTED',
      '?:INVITED',
      'no:DECLINED',
      'gone:REMOVED',
    ]);
  });

  it('shows on a card only those taking part and the pending invitations', () => {
    expect(currentParticipants(list).map((x) => x.organization?.id ?? null)).toEqual(['lead', 'partner', 'obs', null]);
  });

  it('offers to remove only a named participant still in the project or invited', () => {
    expect(list.filter(isRemovable).map((x) => x.organization.id)).toEqual(['obs', 'lead', 'partner']);
  });

  it('does not offer again an organisation already in the project or invited, but does one that declined', () => {
    expect([...takenOrganizationIds([...list, p('invited', 'PARTNER', 'INVITED')])].sort()).toEqual(['invited', 'lead', 'obs', 'partner']);
  });
});
