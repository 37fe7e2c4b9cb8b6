import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { SynergyKind } from '../../../gql/graphql';
import { useI18n } from '../../../i18n/useI18n';
import { describeError } from '../../../ui/errors';
import { serverProblems } from '../../../ui/field-problems';
import { FormField } from '../../../ui/FormField';
import { hrefOf } from '../../../ui/route';
import { SYNERGY_KINDS, SYNERGY_KIND_MESSAGES } from '../labels';
import { OrganizationPicker } from './OrganizationPicker';
import { canSubmit, RECORD_STATUSES, toggleFlow, toggleOrganization, toRecordInput, type RecordFormState } from './record-form';

const FacilitatedTerritoriesQuery = graphql(`
  query RecordSynergyTerritories {
    viewer {
      id
      facilitatedTerritories {
        id
        name
      }
    }
  }
`);

const RecordSynergyMutation = graphql(`
  mutation RecordSynergy($input: RecordSynergyInput!) {
    recordSynergy(input: $input) {
      id
      status
    }
  }
`);

const FIELDS = ['territoryId', 'kind', 'organizationIds', 'flowIds', 'note', 'status'] as const;

/** A facilitator records a synergy by hand (found in a workshop, or already running) with `recordSynergy`. */
export function RecordSynergyPage() {
  const { t } = useI18n();
  const id = useId();
  const [{ data }] = useQuery({ query: FacilitatedTerritoriesQuery });
  const territories = data?.viewer?.facilitatedTerritories ?? [];
  const [state, setState] = useState<RecordFormState>({ territoryId: '', kind: 'SUBSTITUTION', status: 'ACCEPTED', operational: false, note: '', organizations: [] });
  const territoryId = state.territoryId || territories[0]?.id || '';
  const [result, record] = useMutation(RecordSynergyMutation);
  const problems = serverProblems(result.error, FIELDS);
  const update = (patch: Partial<RecordFormState>) => setState((s) => ({ ...s, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const res = await record({ input: toRecordInput({ ...state, territoryId }) });
    if (res.data) window.location.hash = hrefOf({ name: 'synergy', id: res.data.recordSynergy.id });
  }

  if (data && territories.length === 0) return <p role="alert">{t('record.notFacilitator')}</p>;
  return (
    <section className="workspace record-synergy" aria-labelledby={`${id}-title`}>
      <p>
        <a href={hrefOf({ name: 'synergies' })} className="back-link">
          ← {t('synergy.back')}
        </a>
      </p>
      <h1 id={`${id}-title`}>{t('record.title')}</h1>
      <p className="muted">{t('record.intro')}</p>
      <form onSubmit={submit} noValidate>
        {territories.length > 1 && (
          <FormField id={`${id}-territory`} label={t('record.territory')} problems={problems.fields.territoryId}>
            {(control) => (
              <select {...control} value={territoryId} onChange={(event) => update({ territoryId: event.target.value, organizations: [] })}>
                {territories.map((territory) => (
                  <option key={territory.id} value={territory.id}>
                    {territory.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField id={`${id}-kind`} label={t('record.kind')} problems={problems.fields.kind}>
          {(control) => (
            <select {...control} value={state.kind} onChange={(event) => update({ kind: event.target.value as SynergyKind })}>
              {SYNERGY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(SYNERGY_KIND_MESSAGES[kind])}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {territoryId && (
          <OrganizationPicker
            territoryId={territoryId}
            chosen={state.organizations}
            problems={[...(problems.fields.organizationIds ?? []), ...(problems.fields.flowIds ?? [])]}
            onToggle={(org) => update({ organizations: toggleOrganization(state.organizations, org) })}
            onToggleFlow={(orgId, flowId) => update({ organizations: toggleFlow(state.organizations, orgId, flowId) })}
          />
        )}
        <FormField id={`${id}-status`} label={t('record.status')} problems={problems.fields.status}>
          {(control) => (
            <select {...control} value={state.status} onChange={(event) => update({ status: event.target.value as RecordFormState['status'] })}>
              {RECORD_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`record.status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="field checkbox">
          <input id={`${id}-operational`} type="checkbox" checked={state.operational} onChange={(event) => update({ operational: event.target.checked })} />
          <label htmlFor={`${id}-operational`}>{t('record.operational')}</label>
        </div>
        <FormField id={`${id}-note`} label={t('record.note')} problems={problems.fields.note}>
          {(control) => <textarea {...control} rows={3} maxLength={5000} value={state.note} onChange={(event) => update({ note: event.target.value })} />}
        </FormField>
        {result.error && (
          <p role="alert" className="error">
            {t('record.error', { message: problems.general.length ? problems.general.join(' ') : describeError(result.error, t) })}
          </p>
        )}
        <button type="submit" className="primary" disabled={result.fetching || !canSubmit({ ...state, territoryId })}>
          {result.fetching ? t('record.saving') : t('record.submit')}
        </button>
      </form>
    </section>
  );
}
