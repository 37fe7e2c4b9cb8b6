import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n } from '../../../i18n/useI18n';
import { FormField } from '../../../ui/FormField';
import { useDebounced } from '../../../ui/useDebounced';
import type { ChosenOrganization } from './record-form';

const RecordOrganizationsQuery = graphql(`
  query RecordOrganizations($territoryId: ID!, $search: String) {
    organizations(first: 20, filter: { territoryId: $territoryId, search: $search }) {
      nodes {
        id
        name
        flows(first: 100) {
          nodes {
            id
            label
            direction
          }
        }
      }
    }
  }
`);

interface OrganizationPickerProps {
  territoryId: string;
  chosen: readonly ChosenOrganization[];
  problems: string[];
  onToggle: (org: Omit<ChosenOrganization, 'chosenFlowIds'>) => void;
  onToggleFlow: (organizationId: string, flowId: string) => void;
}

/** Search the territory's organisations as you type, tick the parties, then the flows of each that are concerned. */
export function OrganizationPicker({ territoryId, chosen, problems, onToggle, onToggleFlow }: OrganizationPickerProps) {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim(), 250);
  const [{ data }] = useQuery({ query: RecordOrganizationsQuery, variables: { territoryId, search: settled || null } });
  const found = data?.organizations.nodes ?? [];

  return (
    <fieldset className="organization-picker">
      <legend>{t('record.organizations')}</legend>
      <FormField id={`${id}-search`} label={t('record.search')} hint={t('record.search.hint')} problems={problems}>
        {(control) => <input {...control} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />}
      </FormField>
      <ul className="picker-results" aria-label={t('record.organizations')}>
        {found.length === 0 && data && <li className="muted">{t('record.organizations.none')}</li>}
        {found.map((org) => (
          <li key={org.id}>
            <input
              id={`${id}-org-${org.id}`}
              type="checkbox"
              checked={chosen.some((c) => c.id === org.id)}
              onChange={() => onToggle({ id: org.id, name: org.name, flows: org.flows.nodes })}
            />
            <label htmlFor={`${id}-org-${org.id}`}>{org.name}</label>
          </li>
        ))}
      </ul>
      <h2 className="small-heading">{t('record.chosen')}</h2>
      {chosen.length === 0 && <p className="muted">{t('record.chosen.none')}</p>}
      {chosen.map((org) => (
        <fieldset key={org.id} className="chosen-organization">
          <legend>{t('record.flows', { name: org.name })}</legend>
          {org.flows.length === 0 && <p className="muted small">{t('record.flows.none')}</p>}
          {org.flows.map((flow) => (
            <div key={flow.id} className="field checkbox">
              <input
                id={`${id}-flow-${flow.id}`}
                type="checkbox"
                checked={org.chosenFlowIds.includes(flow.id)}
                onChange={() => onToggleFlow(org.id, flow.id)}
              />
              <label htmlFor={`${id}-flow-${flow.id}`}>{flow.label}</label>
            </div>
          ))}
          <button type="button" className="link-button" onClick={() => onToggle(org)}>
            {t('record.remove')}
          </button>
        </fieldset>
      ))}
    </fieldset>
  );
}
