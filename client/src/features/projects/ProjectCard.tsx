import { graphql } from '../../gql';
import type { ProjectCardFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { hrefOf } from '../../ui/route';
import { ROLE_MESSAGES } from './labels';
import { currentParticipants } from './participants';

export const ProjectCardFields = graphql(`
  fragment ProjectCardFields on SynergyProject {
    id
    title
    stage
    participants {
      isYours
      role
      status
      organization {
        id
        name
      }
    }
  }
`);

/** A project on the board: its title and who takes part, pending invitations without a name unless the API gives it. */
export function ProjectCard({ project }: { project: ProjectCardFieldsFragment }) {
  const { t } = useI18n();
  const participants = currentParticipants(project.participants);
  return (
    <article className="project-card" aria-label={project.title}>
      <h3>
        <a href={hrefOf({ name: 'project', id: project.id })}>{project.title}</a>
      </h3>
      <ul className="project-card-participants" aria-label={t('project.participants')}>
        {participants.map((participant, index) => (
          <li key={participant.organization?.id ?? `pending-${index}`} className={participant.status === 'INVITED' ? 'pending' : undefined}>
            <span className="participant-label">
              {participant.organization?.name ?? t('project.pendingInvitation')}
              {participant.organization && participant.status === 'INVITED' && ` (${t('project.pendingInvitation')})`}
            </span>{' '}
            <span className="tag">{t(ROLE_MESSAGES[participant.role])}</span>
            {participant.isYours && <span className="tag yours-tag">{t('project.participant.yours')}</span>}
          </li>
        ))}
      </ul>
    </article>
  );
}
