import { lazy, Suspense, useId } from 'react';
import { useQuery } from 'urql';
import type { ProjectParticipantsFieldsFragment } from '../../../gql/graphql';
import { useI18n } from '../../../i18n/useI18n';
import { ViewerQuery } from '../../auth/viewer';
import type { PlanOrganization } from './ActionsTable';
import type { SynergyFigure } from './synergy-figures';

// TipTap, ProseMirror and Yjs are a large chunk of their own, fetched when a project page opens its plan.
const PlanEditor = lazy(() => import('./PlanEditor'));

interface PlanSectionProps {
  project: {
    id: string;
    planDocumentName: string;
    viewerCanEditPlan: boolean;
    participants: ProjectParticipantsFieldsFragment['participants'];
    /** As the viewer may see it (null when the project came from none, or the viewer may not see it). */
    originSynergy?: { impacts: SynergyFigure[] } | null;
  };
}

/** The action plan, co-edited live by the participants; an observer reads it. */
export function PlanSection({ project }: PlanSectionProps) {
  const { t } = useI18n();
  const id = useId();
  const [{ data }] = useQuery({ query: ViewerQuery });
  const viewer = data?.viewer;
  const organizations: PlanOrganization[] = project.participants.flatMap((p) =>
    p.status === 'ACCEPTED' && p.organization ? [{ id: p.organization.id, name: p.organization.name }] : [],
  );
  const mine = project.participants.find((p) => p.isYours && p.status === 'ACCEPTED' && p.organization);
  return (
    <section aria-labelledby={`${id}-title`} className="detail-section project-plan">
      <h2 id={`${id}-title`}>{t('project.plan')}</h2>
      <p className="muted small">{project.viewerCanEditPlan ? t('project.plan.canEdit') : t('project.plan.readOnly')}</p>
      {viewer && (
        <Suspense
          fallback={
            <p role="status" className="muted">
              {t('plan.loading')}
            </p>
          }
        >
          <PlanEditor
            documentName={project.planDocumentName}
            viewer={{ id: viewer.id, name: viewer.name }}
            organizationName={mine?.organization?.name ?? null}
            canEdit={project.viewerCanEditPlan}
            organizations={organizations}
            synergy={project.originSynergy ? { figures: project.originSynergy.impacts } : null}
          />
        </Suspense>
      )}
    </section>
  );
}
