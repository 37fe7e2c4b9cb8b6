import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { describeError } from '../../ui/errors';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { DetectionPanel } from './DetectionPanel';
import { DEFAULT_FILTER, filterKey, toFilterInput, type SynergyFilterChoice } from './filters';
import { LiveSuggestions } from './LiveSuggestions';
import { SynergyFilters } from './SynergyFilters';
import { SynergyList } from './SynergyList';
import { TerritoryImpactPanel } from './TerritoryImpactPanel';
import { TerritoryChoice, useTerritoryChoice } from '../../ui/TerritoryChoice';
import { workspaceTerritories, type WorkspaceTerritory } from '../../ui/viewer-territories';
import { hrefOf } from '../../ui/route';
import { useSynergyChanges } from './facilitation/useSynergyChanges';

const SynergyWorkspaceQuery = graphql(`
  query SynergyWorkspace {
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

/** The synergies workspace: the impacts of the territory, detection for its facilitators, and the list. */
export function SynergiesPage() {
  const { t } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState<SynergyFilterChoice>(DEFAULT_FILTER);
  const filterInput = useMemo(() => toFilterInput(filter), [filter]);
  const [{ data, error }] = useQuery({ query: SynergyWorkspaceQuery });
  const territories = data?.viewer ? workspaceTerritories(data.viewer) : [];
  const facilitator = (data?.viewer?.facilitatedTerritories.length ?? 0) > 0;
  // Requests, answers and assignments made elsewhere refresh the list live.
  useSynergyChanges();

  return (
    <section aria-labelledby={`${id}-title`} className="synergies-page workspace">
      <h1 id={`${id}-title`}>{t('synergies.title')}</h1>
      <p className="muted">{t('synergies.intro')}</p>
      {facilitator && (
        <p>
          <a className="button primary" href={hrefOf({ name: 'newSynergy' })}>
            {t('synergies.record')}
          </a>
        </p>
      )}
      <LiveSuggestions />
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
      {territories.length > 0 && <TerritoryOverview territories={territories} />}
      <SynergyFilters value={filter} onChange={setFilter} canFilterAssigned={facilitator} />
      <SynergyList key={filterKey(filter)} filter={filterInput} />
    </section>
  );
}

/** Impacts (and detection, for its facilitators) of one of the viewer's territories, chosen when they have several. */
function TerritoryOverview({ territories }: { territories: WorkspaceTerritory[] }) {
  const { t } = useI18n();
  const id = useId();
  const [territory = territories[0], choose] = useTerritoryChoice(territories);
  return (
    <section className="territory-overview" aria-labelledby={`${id}-impacts`}>
      <div className="section-head">
        <h2 id={`${id}-impacts`}>
          {t('territoryImpact.title')}
          {territories.length === 1 && ` — ${territory.name}`}
        </h2>
        <TerritoryChoice id={`${id}-territory`} label={t('territoryImpact.territory')} territories={territories} chosen={territory} onChoose={choose} />
      </div>
      <TerritoryImpactPanel territoryId={territory.id} headingId={`${id}-impacts`} />
      {territory.facilitated && (
        <section aria-labelledby={`${id}-detection`} className="detection-section">
          <h2 id={`${id}-detection`}>{t('detection.title')}</h2>
          <DetectionPanel key={territory.id} territoryId={territory.id} />
        </section>
      )}
    </section>
  );
}
