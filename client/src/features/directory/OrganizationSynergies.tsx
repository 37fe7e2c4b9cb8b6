import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { QueryStatus } from '../../ui/QueryStatus';
import { SYNERGY_DEPENDENT } from '../synergies/context';
import { SynergyRow } from '../synergies/SynergyRow';

/** How many of the viewer's synergies are read to find those with one organisation. */
const READ = 100;

const ViewerSynergiesQuery = graphql(`
  query ViewerSynergies($first: Int!) {
    synergies(first: $first) {
      totalCount
      nodes {
        ...SynergyRow
      }
    }
  }
`);

/**
 * The synergies the viewer sees in which this organisation is named. They are picked from the viewer's own list, not
 * asked of the server by organisation: a counterpart stays anonymous until both sides consent, and asking "those
 * with X" would reveal that X is one. Only the first `READ` synergies are read.
 */
export function OrganizationSynergies({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: ViewerSynergiesQuery, variables: { first: READ }, context: SYNERGY_DEPENDENT });
  const synergies = (data?.synergies.nodes ?? []).filter((synergy) =>
    synergy.participants.some((participant) => participant.organization?.id === organizationId),
  );
  return (
    <section className="organization-synergies">
      <h2>{t('organization.synergies')}</h2>
      <p className="muted small">{t('organization.synergiesNote')}</p>
      <QueryStatus loading={fetching && !data} error={error} errorKey="synergies.error" />
      {data && synergies.length === 0 && <p>{t('organization.noSynergies')}</p>}
      {synergies.length > 0 && <ol className="synergy-rows">{synergies.map((synergy) => <SynergyRow key={synergy.id} synergy={synergy} />)}</ol>}
    </section>
  );
}
