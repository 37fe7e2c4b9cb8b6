import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { QueryStatus } from '../../ui/QueryStatus';
import { hrefOf } from '../../ui/route';
import { TerritoryChoice, useTerritoryChoice } from '../../ui/TerritoryChoice';
import { TerritoryImpactPanel } from '../synergies/TerritoryImpactPanel';
import { workspaceTerritories, type WorkspaceTerritory } from '../../ui/viewer-territories';
import { useDashboardData, type DashboardOrganization } from './dashboard-data';
import { FlowSankey } from './FlowSankey';
import { territoryMapModel } from './map-model';
import { SynergyNetwork } from './SynergyNetwork';
import { TerritoryMap } from './TerritoryMap';
import './dashboard.css';

const DashboardViewerQuery = graphql(`
  query DashboardViewer {
    viewer {
      id
      facilitatedTerritories {
        id
        name
      }
      memberships {
        organization {
          ...DashboardOrganization
          territory {
            id
            name
          }
        }
      }
    }
  }
`);

/** The territory dashboard: indicators by stage, the map, the flows and the network, as the viewer may see them. */
export default function DashboardPage() {
  const { t } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: DashboardViewerQuery });
  const viewer = data?.viewer;
  const territories = viewer ? workspaceTerritories(viewer) : [];
  const [territory, choose] = useTerritoryChoice(territories);
  const own = useMemo(() => viewer?.memberships.map(({ organization }) => organization) ?? [], [viewer]);

  return (
    <section aria-labelledby={`${id}-title`} className="dashboard-page workspace">
      <h1 id={`${id}-title`}>{t('dashboard.title')}</h1>
      <p className="muted">{t('dashboard.intro')}</p>
      <QueryStatus loading={fetching && !data} error={error} errorKey="dashboard.error" />
      {viewer && !territory && <p>{t('dashboard.noTerritory')}</p>}
      <TerritoryChoice id={`${id}-territory`} label={t('dashboard.territory')} territories={territories} chosen={territory} onChoose={choose} />
      {territory && <TerritoryDashboard key={territory.id} territory={territory} own={own} />}
    </section>
  );
}

function TerritoryDashboard({ territory, own }: { territory: WorkspaceTerritory; own: DashboardOrganization[] }) {
  const { t } = useI18n();
  const id = useId();
  const { data, error, loading } = useDashboardData(territory.id, territory.facilitated);
  const map = useMemo(
    () => (data ? territoryMapModel([...data.organizations, ...own], data.synergies) : null),
    [data, own],
  );
  const example = data?.synergies[0];
  return (
    <>
      <section aria-labelledby={`${id}-indicators`} className="dashboard-section">
        <h2 id={`${id}-indicators`}>
          {t('dashboard.indicators')} — {territory.name}
        </h2>
        <TerritoryImpactPanel territoryId={territory.id} headingId={`${id}-indicators`} />
        <details className="method-note">
          <summary>{t('dashboard.method.summary')}</summary>
          <p>{t('dashboard.method.text')}</p>
          <p>
            <a href={hrefOf(example ? { name: 'synergy', id: example.id } : { name: 'synergies' })}>{t('dashboard.method.link')}</a>
          </p>
        </details>
      </section>
      {loading && (
        <p role="status" className="muted">
          {t('app.loading')}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {t('dashboard.error', { message: describeError(error, t) })}
        </p>
      )}
      {data?.truncated && <p className="muted small">{t('dashboard.truncated')}</p>}
      {data && map && (
        <>
          <section aria-labelledby={`${id}-map`} className="dashboard-section">
            <h2 id={`${id}-map`}>{t('dashboard.map')}</h2>
            <TerritoryMap model={map} />
          </section>
          <section aria-labelledby={`${id}-sankey`} className="dashboard-section">
            <h2 id={`${id}-sankey`}>{t('dashboard.sankey')}</h2>
            <FlowSankey flows={data.flows} synergies={data.synergies} />
          </section>
          <section aria-labelledby={`${id}-network`} className="dashboard-section">
            <h2 id={`${id}-network`}>{t('dashboard.network')}</h2>
            <SynergyNetwork synergies={data.synergies} />
          </section>
        </>
      )}
    </>
  );
}
