import type { SynergyFilterInput, SynergyKind, SynergyStatus } from '../../gql/graphql';
import { SYNERGY_STATUSES } from './labels';

/** The choices of the filter form. OPEN is the API's default set of statuses (suggested, contact requested, accepted). */
export interface SynergyFilterChoice {
  kind: SynergyKind | 'ALL';
  status: SynergyStatus | 'OPEN' | 'ALL';
  /** Only the synergies assigned to the viewer (a facilitator). */
  assignedToMe: boolean;
}

export const DEFAULT_FILTER: SynergyFilterChoice = { kind: 'ALL', status: 'OPEN', assignedToMe: false };

/** The `filter` argument of `synergies` for the choices of the form. */
export function toFilterInput(choice: SynergyFilterChoice): SynergyFilterInput {
  const filter: SynergyFilterInput = {};
  if (choice.kind !== 'ALL') filter.kinds = [choice.kind];
  if (choice.status === 'ALL') filter.statuses = [...SYNERGY_STATUSES];
  else if (choice.status !== 'OPEN') filter.statuses = [choice.status];
  if (choice.assignedToMe) filter.assignedToMe = true;
  return filter;
}

/** A stable key for a filter, to start the list over when it changes. */
export function filterKey(choice: SynergyFilterChoice): string {
  return `${choice.kind}/${choice.status}/${choice.assignedToMe ? 'mine' : 'all'}`;
}
