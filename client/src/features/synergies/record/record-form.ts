import type { RecordSynergyInput, SynergyKind, SynergyStatus } from '../../../gql/graphql';

/** An organisation chosen in the form, with the flows ticked among its own. */
export interface ChosenOrganization {
  id: string;
  name: string;
  flows: readonly { id: string; label: string; direction: string }[];
  chosenFlowIds: readonly string[];
}

export interface RecordFormState {
  territoryId: string;
  kind: SynergyKind;
  status: Extract<SynergyStatus, 'ACCEPTED' | 'CONTACT_REQUESTED' | 'SUGGESTED'>;
  operational: boolean;
  note: string;
  organizations: readonly ChosenOrganization[];
}

export const RECORD_STATUSES = ['ACCEPTED', 'CONTACT_REQUESTED', 'SUGGESTED'] as const;

/** The `recordSynergy` input for the form; the server checks everything again (at least two organisations…). */
export function toRecordInput(state: RecordFormState): RecordSynergyInput {
  const note = state.note.trim();
  return {
    territoryId: state.territoryId,
    kind: state.kind,
    status: state.status,
    operational: state.operational,
    organizationIds: state.organizations.map((o) => o.id),
    flowIds: state.organizations.flatMap((o) => o.chosenFlowIds),
    ...(note ? { note } : {}),
  };
}

/** Adds an organisation once; removing it drops its ticked flows with it. */
export function toggleOrganization(chosen: readonly ChosenOrganization[], org: Omit<ChosenOrganization, 'chosenFlowIds'>): ChosenOrganization[] {
  return chosen.some((o) => o.id === org.id) ? chosen.filter((o) => o.id !== org.id) : [...chosen, { ...org, chosenFlowIds: [] }];
}

export function toggleFlow(chosen: readonly ChosenOrganization[], organizationId: string, flowId: string): ChosenOrganization[] {
  return chosen.map((o) =>
    o.id !== organizationId
      ? o
      : { ...o, chosenFlowIds: o.chosenFlowIds.includes(flowId) ? o.chosenFlowIds.filter((f) => f !== flowId) : [...o.chosenFlowIds, flowId] },
  );
}

/** The form may be sent once at least two organisations are chosen (the server says why otherwise). */
export function canSubmit(state: RecordFormState): boolean {
  return state.territoryId !== '' && state.organizations.length >= 2;
}
