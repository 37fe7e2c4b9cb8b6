import { useId } from 'react';
import { useQuery } from 'urql';
import type { SynergyFacilitationQuery as SynergyFacilitationData } from '../../../gql/graphql';
import { useI18n } from '../../../i18n/useI18n';
import { QueryStatus } from '../../../ui/QueryStatus';
import { AssignmentSection } from './AssignmentSection';
import { FACILITATION_DEPENDENT, SynergyFacilitationQuery } from './documents';
import { NotesSection } from './NotesSection';
import { ResponsesSection } from './ResponsesSection';

export type FacilitatedSynergy = NonNullable<SynergyFacilitationData['synergy']>;

/**
 * The facilitators' tools on a synergy: put the parties in touch and see who answered, internal notes, assignment.
 * The API gives these fields to the facilitators of the synergy's territory only (null for anyone else); the panel
 * shows nothing when it says the viewer is not one.
 */
export function FacilitationPanel({ synergyId }: { synergyId: string }) {
  const { t } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: SynergyFacilitationQuery, variables: { id: synergyId }, context: FACILITATION_DEPENDENT });
  const synergy = data?.synergy;
  if (!synergy?.viewerCanFacilitate) return error ? <QueryStatus loading={false} error={error} errorKey="synergy.error" /> : null;
  return (
    <section className="facilitation card-lite" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('facilitation.title')}</h2>
      <p className="muted small">{t('facilitation.intro')}</p>
      {fetching && <span className="visually-hidden">{t('app.loading')}</span>}
      <ResponsesSection synergy={synergy} />
      <AssignmentSection synergy={synergy} />
      <NotesSection synergy={synergy} />
    </section>
  );
}
