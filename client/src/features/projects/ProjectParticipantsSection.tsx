import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { ProjectParticipantsFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { hrefOf } from '../../ui/route';
import { InviteForm } from './InviteForm';
import { INVITATION_MESSAGES, ROLE_MESSAGES } from './labels';
import { PROJECT_DEPENDENT } from './live';
import { isRemovable, orderedParticipants, takenOrganizationIds } from './participants';

export const ProjectParticipantsFields = graphql(`
  fragment ProjectParticipantsFields on SynergyProject {
    id
    viewerCanManage
    stage
    territory {
      id
    }
    participants {
      isYours
      role
      status
      invitedAt
      invitedByName
      invitedByOrganization {
        id
        name
      }
      respondedAt
      removedAt
      organization {
        id
        name
      }
    }
  }
`);

const RemoveProjectParticipantMutation = graphql(`
  mutation RemoveProjectParticipant($projectId: ID!, $organizationId: ID!) {
    removeProjectParticipant(projectId: $projectId, organizationId: $organizationId) {
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

type Participant = ProjectParticipantsFieldsFragment['participants'][number];

/**
 * Who takes part, with their role and where their invitation stands; a pending invitation is "invitation en
 * attente" without a name unless the API gives it. Managers invite and remove here.
 */
export function ProjectParticipantsSection({ project }: { project: ProjectParticipantsFieldsFragment }) {
  const { t } = useI18n();
  const id = useId();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [{ fetching, error }, remove] = useMutation(RemoveProjectParticipantMutation);

  async function removeParticipant(organizationId: string) {
    setConfirming(null);
    const result = await remove({ projectId: project.id, organizationId }, PROJECT_DEPENDENT);
    // Removing one's own organisation may leave one without access: back to the board.
    if (!result.error && !result.data?.removeProjectParticipant) window.location.hash = hrefOf({ name: 'projects' });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="detail-section project-participants">
      <h2 id={`${id}-title`}>{t('project.participants')}</h2>
      <ul className="participants">
        {orderedParticipants(project.participants).map((participant, index) => (
          <li key={participant.organization?.id ?? `hidden-${index}`} className={`participant status-${participant.status.toLowerCase()}`}>
            <ParticipantSummary participant={participant} />
            {project.viewerCanManage && isRemovable(participant) && (
              confirming === participant.organization.id ? (
                <div className="confirm" role="group" aria-label={t('project.removeNamed', { organization: participant.organization.name })}>
                  <p className="small">{t('project.removeConfirm', { organization: participant.organization.name })}</p>
                  <div className="button-row">
                    <button type="button" className="danger" disabled={fetching} onClick={() => removeParticipant(participant.organization.id)}>
                      {t('project.remove')}
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirming(null)} autoFocus>
                      {t('projects.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="button"
                  className="link-button small"
                  aria-label={t('project.removeNamed', { organization: participant.organization.name })}
                  onClick={() => setConfirming(participant.organization.id)}
                >
                  {t('project.remove')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {t('project.removeError', { message: describeError(error, t) })}
        </p>
      )}
      {project.viewerCanManage && project.stage !== 'ABANDONED' && (
        <InviteForm projectId={project.id} territoryId={project.territory.id} taken={takenOrganizationIds(project.participants)} />
      )}
    </section>
  );
}

function ParticipantSummary({ participant }: { participant: Participant }) {
  const { t, language } = useI18n();
  // The organisation that started the project took part at once: nobody invited it.
  const selfInvited = participant.organization !== null && participant.invitedByOrganization?.id === participant.organization.id;
  const inviter = selfInvited ? null : (participant.invitedByOrganization?.name ?? participant.invitedByName);
  return (
    <>
      <p className="participant-name">
        <strong>{participant.organization?.name ?? t('project.pendingInvitation')}</strong>{' '}
        {participant.isYours && <span className="tag yours-tag">{t('project.participant.yours')}</span>}
        <span className="tag role-tag">{t(ROLE_MESSAGES[participant.role])}</span>
      </p>
      <p className="small">
        <span className={`invitation-status invitation-${participant.status.toLowerCase()}`}>{t(INVITATION_MESSAGES[participant.status])}</span>
        {inviter && (
          <span className="muted">
            {' · '}
            {t('project.participant.invitedBy', { who: inviter, date: formatDateTime(participant.invitedAt, language) })}
          </span>
        )}
      </p>
    </>
  );
}
