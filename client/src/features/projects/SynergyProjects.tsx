import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { hrefOf } from '../../ui/route';
import { CreateProjectForm } from './CreateProjectForm';
import { STAGE_MESSAGES } from './labels';
import { PROJECT_DEPENDENT } from './live';
import { mayOfferProject } from './synergy-projects';

const SynergyProjectsQuery = graphql(`
  query SynergyProjects($filter: ProjectFilterInput) {
    viewer {
      id
      facilitatedTerritories {
        id
      }
    }
    projects(filter: $filter, first: 20) {
      nodes {
        id
        title
        stage
      }
    }
  }
`);

interface SynergyProjectsProps {
  synergy: { id: string; identitiesRevealed: boolean; participants: readonly { isYours: boolean }[] };
  /** The synergy's title, suggested as the project's. */
  title: string;
}

/** On a synergy's page: the projects started from it that the viewer sees, and "Créer un projet" when it is for them. */
export function SynergyProjects({ synergy, title }: SynergyProjectsProps) {
  const { t } = useI18n();
  const id = useId();
  const filter = useMemo(() => ({ synergyId: synergy.id }), [synergy.id]);
  const [{ data }] = useQuery({ query: SynergyProjectsQuery, variables: { filter }, context: PROJECT_DEPENDENT });
  if (!data) return null;
  const projects = data.projects.nodes;
  const offer = mayOfferProject({
    facilitates: (data.viewer?.facilitatedTerritories.length ?? 0) > 0,
    identitiesRevealed: synergy.identitiesRevealed,
    participants: synergy.participants,
    activeProjects: projects.filter((project) => project.stage !== 'ABANDONED').length,
  });
  if (projects.length === 0 && !offer) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="synergy-projects">
      <h2 id={`${id}-title`}>{t('projects.fromSynergy')}</h2>
      {projects.length > 0 && (
        <ul>
          {projects.map((project) => (
            <li key={project.id}>
              <a href={hrefOf({ name: 'project', id: project.id })}>{project.title}</a> · {t(STAGE_MESSAGES[project.stage])}
            </li>
          ))}
        </ul>
      )}
      {offer && <CreateProjectForm origin={{ synergyId: synergy.id, suggestedTitle: title }} />}
    </section>
  );
}
