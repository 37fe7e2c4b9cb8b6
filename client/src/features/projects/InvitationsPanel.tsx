import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ProjectInvitationsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { hrefOf } from '../../ui/route';
import { ROLE_MESSAGES } from './labels';
import { PROJECT_DEPENDENT } from './live';

const ProjectInvitationsQuery = graphql(`
  query ProjectInvitations {
    projectInvitations {
      projectId
      projectTitle
      role
      invitedAt
      invitedByName
      invitedByOrganization {
        id
        name
      }
      organization {
        id
        name
      }
    }
  }
`);

const RespondToProjectInvitationMutation = graphql(`
  mutation RespondToProjectInvitation($projectId: ID!, $organizationId: ID, $accept: Boolean!) {
    respondToProjectInvitation(projectId: $projectId, organizationId: $organizationId, accept: $accept) {
      id
      title
      stage
    }
  }
`);

type Invitation = ProjectInvitationsQuery['projectInvitations'][number];

/** The invitations of the viewer's organisations, each answered here; nothing shows when there is none. */
export function InvitationsPanel() {
  const { t } = useI18n();
  const id = useId();
  // No event tells of a new invitation (the project is not visible yet): asked again each time the panel shows.
  const [{ data, error }] = useQuery({ query: ProjectInvitationsQuery, context: PROJECT_DEPENDENT, requestPolicy: 'cache-and-network' });
  const invitations = data?.projectInvitations ?? [];
  if (error) {
    return (
      <p role="alert" className="error">
        {t('invitations.loadError', { message: describeError(error, t) })}
      </p>
    );
  }
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="project-invitations card-lite">
      <h2 id={`${id}-title`}>{t('invitations.title', { count: invitations.length })}</h2>
      <ul>
        {invitations.map((invitation) => (
          <InvitationItem key={`${invitation.projectId}-${invitation.organization.id}`} invitation={invitation} />
        ))}
      </ul>
    </section>
  );
}

function InvitationItem({ invitation }: { invitation: Invitation }) {
  const { t, language } = useI18n();
  const [{ fetching, error }, respond] = useMutation(RespondToProjectInvitationMutation);
  const [declined, setDeclined] = useState(false);
  const inviter = invitation.invitedByOrganization?.name ?? invitation.invitedByName ?? t('invitations.facilitator');

  async function answer(accept: boolean) {
    const result = await respond(
      { projectId: invitation.projectId, organizationId: invitation.organization.id, accept },
      PROJECT_DEPENDENT,
    );
    if (result.error) return;
    if (accept) window.location.hash = hrefOf({ name: 'project', id: invitation.projectId });
    else setDeclined(true);
  }

  return (
    <li className="invitation" aria-label={invitation.projectTitle}>
      <p>
        <strong>{invitation.projectTitle}</strong>
        <br />
        <span className="small">
          {t('invitations.detail', {
            organization: invitation.organization.name,
            role: t(ROLE_MESSAGES[invitation.role]),
            inviter,
            date: formatDateTime(invitation.invitedAt, language),
          })}
        </span>
      </p>
      {declined ? (
        <p role="status" className="small muted">
          {t('invitations.declined')}
        </p>
      ) : (
        <div className="button-row">
          <button type="button" className="primary" disabled={fetching} onClick={() => answer(true)}>
            {t('invitations.accept')}
          </button>
          <button type="button" className="secondary" disabled={fetching} onClick={() => answer(false)}>
            {t('invitations.decline')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {t('invitations.error', { message: describeError(error, t) })}
        </p>
      )}
    </li>
  );
}
