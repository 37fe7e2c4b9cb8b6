import { useEffect, useId, useRef } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ProjectPageQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { formatDateTime } from '../../ui/format';
import { QueryStatus } from '../../ui/QueryStatus';
import { hrefOf } from '../../ui/route';
import { synergyTitle } from '../synergies/parties';
import { ROLE_MESSAGES, STAGE_MESSAGES } from './labels';
import { FollowProjects, PROJECT_DEPENDENT } from './live';
import { PlanSection } from './plan/PlanSection';
import { ProjectParticipantsSection } from './ProjectParticipantsSection';
import { StageSection } from './StageSection';
import { PlanVersionsPanel } from './versions/PlanVersionsPanel';
import './projects.css';

const ProjectPageQuery = graphql(`
  query ProjectPage($id: ID!) {
    project(id: $id) {
      id
      title
      stage
      createdAt
      viewerCanEditPlan
      planDocumentName
      viewerRoles
      territory {
        id
        name
      }
      originSynergy {
        id
        kind
        pathway {
          id
          labelFr
          labelEn
        }
        impacts {
          indicator
          low
          central
          high
          unit
          organization {
            id
            name
          }
        }
      }
      ...ProjectStageFields
      ...ProjectParticipantsFields
    }
  }
`);

type Project = NonNullable<ProjectPageQuery['project']>;

/** One project as the viewer may see it; one they may not see is "not found", exactly like one that does not exist. */
export function ProjectPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: ProjectPageQuery, variables: { id }, context: PROJECT_DEPENDENT });
  const project = data?.project;
  return (
    <div className="project-page workspace">
      <p>
        <a href={hrefOf({ name: 'projects' })} className="back-link">
          ← {t('project.back')}
        </a>
      </p>
      <FollowProjects projectIds={[id]} />
      <QueryStatus loading={fetching && !data} error={error} errorKey="project.error" />
      {data && !project && !error && <p role="alert">{t('project.notFound')}</p>}
      {project && <ProjectDetail project={project} />}
    </div>
  );
}

function ProjectDetail({ project }: { project: Project }) {
  const { t, language } = useI18n();
  const id = useId();
  // Moving to a project is a new page for assistive technologies: focus its title, once per project.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [project.id]);

  return (
    <article aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {project.title}
      </h1>
      <dl className="project-facts">
        <div>
          <dt>{t('project.stage')}</dt>
          <dd>
            <span className={`tag stage-tag stage-${project.stage.toLowerCase()}`}>{t(STAGE_MESSAGES[project.stage])}</span>
          </dd>
        </div>
        <div>
          <dt>{t('project.territory')}</dt>
          <dd>{project.territory.name}</dd>
        </div>
        <div>
          <dt>{t('project.createdAt')}</dt>
          <dd>{formatDateTime(project.createdAt, language)}</dd>
        </div>
        {project.viewerRoles.length > 0 && (
          <div>
            <dt>{t('project.yourRole')}</dt>
            <dd>{project.viewerRoles.map((role) => t(ROLE_MESSAGES[role])).join(', ')}</dd>
          </div>
        )}
        {project.originSynergy && (
          <div>
            <dt>{t('project.origin')}</dt>
            <dd>
              <a href={hrefOf({ name: 'synergy', id: project.originSynergy.id })}>{synergyTitle(project.originSynergy, language, t)}</a>
            </dd>
          </div>
        )}
      </dl>
      <div className="detail-grid">
        <div>
          <StageSection project={project} />
          <PlanSection project={project} />
          <PlanVersionsPanel projectId={project.id} />
        </div>
        <ProjectParticipantsSection project={project} />
      </div>
    </article>
  );
}
