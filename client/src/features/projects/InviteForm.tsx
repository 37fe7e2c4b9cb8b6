import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ProjectRole } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { useDebounced } from '../../ui/useDebounced';
import { INVITABLE_ROLES, ROLE_MESSAGES } from './labels';
import { PROJECT_DEPENDENT } from './live';

const InviteCandidatesQuery = graphql(`
  query InviteCandidates($filter: OrganizationFilterInput) {
    organizations(filter: $filter, first: 50) {
      totalCount
      nodes {
        id
        name
      }
    }
  }
`);

const InviteToProjectMutation = graphql(`
  mutation InviteToProject($projectId: ID!, $organizationId: ID!, $role: ProjectRole!) {
    inviteToProject(projectId: $projectId, organizationId: $organizationId, role: $role) {
      id
      participants {
        status
        organization {
          id
        }
      }
    }
  }
`);

interface InviteFormProps {
  projectId: string;
  territoryId: string;
  /** Organisations already in the project or invited: not offered. */
  taken: ReadonlySet<string>;
}

/** Invites an organisation of the territory's directory, found by name, with the role offered. */
export function InviteForm({ projectId, territoryId, taken }: InviteFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<ProjectRole>('PARTNER');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const settled = useDebounced(search.trim(), 300);
  const filter = useMemo(() => ({ territoryId, ...(settled ? { search: settled } : {}) }), [territoryId, settled]);
  const [{ data, error: loadError }] = useQuery({ query: InviteCandidatesQuery, variables: { filter } });
  const [{ fetching, error }, invite] = useMutation(InviteToProjectMutation);
  const candidates = (data?.organizations.nodes ?? []).filter((organization) => !taken.has(organization.id));
  const chosen = candidates.find((organization) => organization.id === organizationId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    setSentTo(null);
    const result = await invite({ projectId, organizationId: chosen.id, role }, PROJECT_DEPENDENT);
    if (!result.error) {
      setSentTo(chosen.name);
      setOrganizationId('');
    }
  }

  return (
    <form className="invite-form actions card-lite" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('project.invite')}</h3>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('project.invite.search')}</label>
        <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-organization`}>{t('project.invite.organization')}</label>
        <select id={`${id}-organization`} value={chosen ? organizationId : ''} onChange={(event) => setOrganizationId(event.target.value)}>
          <option value="">{candidates.length > 0 ? t('project.invite.choose') : t('project.invite.none')}</option>
          {candidates.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('project.invite.role')}</label>
        <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as ProjectRole)}>
          {INVITABLE_ROLES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(ROLE_MESSAGES[candidate])}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={fetching || !chosen}>
          {t('project.invite.submit')}
        </button>
      </div>
      <p role="status" className="small muted">
        {fetching ? t('actions.saving') : sentTo ? t('project.invite.sent', { organization: sentTo }) : ''}
      </p>
      {(error ?? loadError) && (
        <p role="alert" className="error">
          {t('project.invite.error', { message: describeError((error ?? loadError)!, t) })}
        </p>
      )}
    </form>
  );
}
