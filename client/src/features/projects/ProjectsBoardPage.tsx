import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { QueryStatus } from '../../ui/QueryStatus';
import { TerritoryChoice, useTerritoryChoice } from '../../ui/TerritoryChoice';
import { workspaceTerritories, type WorkspaceTerritory } from '../../ui/viewer-territories';
import { boardColumns } from './board';
import { CreateProjectForm } from './CreateProjectForm';
import { InvitationsPanel } from './InvitationsPanel';
import { STAGE_MESSAGES } from './labels';
import { FollowProjects, PROJECT_DEPENDENT } from './live';
import { ProjectCard } from './ProjectCard';
import './projects.css';

const ProjectsWorkspaceQuery = graphql(`
  query ProjectsWorkspace {
    viewer {
      id
      facilitatedTerritories {
        id
        name
      }
      memberships {
        organization {
          id
          territory {
            id
            name
          }
        }
      }
    }
  }
`);

const ProjectsBoardQuery = graphql(`
  query ProjectsBoard($filter: ProjectFilterInput) {
    projects(filter: $filter, first: 100) {
      totalCount
      nodes {
        ...ProjectCardFields
      }
    }
  }
`);

/** The projects of one of the viewer's territories by stage, the invitations waiting for them, and, for facilitators, a new project. */
export function ProjectsBoardPage() {
  const { t } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: ProjectsWorkspaceQuery });
  const territories = data?.viewer ? workspaceTerritories(data.viewer) : [];
  const [territory, choose] = useTerritoryChoice(territories);

  return (
    <section aria-labelledby={`${id}-title`} className="projects-page workspace">
      <h1 id={`${id}-title`}>{t('projects.title')}</h1>
      <p className="muted">{t('projects.intro')}</p>
      <InvitationsPanel />
      <QueryStatus loading={fetching && !data} error={error} errorKey="projects.error" />
      <TerritoryChoice id={`${id}-territory`} label={t('projects.territory')} territories={territories} chosen={territory} onChoose={choose} />
      {data && territories.length === 0 && <p className="muted">{t('projects.noTerritory')}</p>}
      {territory?.facilitated && <CreateProjectForm key={territory.id} origin={{ territoryId: territory.id }} />}
      {territory && <ProjectsBoard key={territory.id} territory={territory} />}
    </section>
  );
}

function ProjectsBoard({ territory }: { territory: WorkspaceTerritory }) {
  const { t } = useI18n();
  const id = useId();
  const filter = useMemo(() => ({ territoryId: territory.id }), [territory.id]);
  // Events follow the projects listed; one started elsewhere meanwhile shows when the board is opened again.
  const [{ data, fetching, error }] = useQuery({
    query: ProjectsBoardQuery,
    variables: { filter },
    context: PROJECT_DEPENDENT,
    requestPolicy: 'cache-and-network',
  });
  const projects = data?.projects.nodes ?? [];
  const board = boardColumns(projects);

  return (
    <section aria-labelledby={`${id}-title`} className="projects-board-section">
      <div className="section-head">
        <h2 id={`${id}-title`}>{t('projects.boardTitle', { territory: territory.name })}</h2>
        {data && <p className="muted small">{t('projects.count', { count: data.projects.totalCount })}</p>}
      </div>
      <FollowProjects projectIds={projects.map((project) => project.id)} />
      <QueryStatus loading={fetching && !data} error={error} errorKey="projects.error" />
      {data && (
        <>
          <div className="projects-board">
            {board.columns.map(({ stage, projects: inStage }) => (
              <section key={stage} className={`board-column stage-${stage.toLowerCase()}`} aria-labelledby={`${id}-${stage}`}>
                <h3 id={`${id}-${stage}`}>
                  {t(STAGE_MESSAGES[stage])} <span className="stage-count">({inStage.length})</span>
                </h3>
                {inStage.length === 0 ? (
                  <p className="muted small">{t('projects.columnEmpty')}</p>
                ) : (
                  inStage.map((project) => <ProjectCard key={project.id} project={project} />)
                )}
              </section>
            ))}
          </div>
          {board.abandoned.length > 0 && (
            <details className="abandoned-projects">
              <summary>{t('projects.abandoned', { count: board.abandoned.length })}</summary>
              <div className="abandoned-list">
                {board.abandoned.map((project) => (
                  <ProjectCard key={project.id} project={project} />
                ))}
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}
