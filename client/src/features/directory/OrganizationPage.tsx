import { lazy, Suspense, useId, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { organizationKindMessage } from '../../ui/organization-kind';
import { QueryStatus } from '../../ui/QueryStatus';
import { hrefOf } from '../../ui/route';
import { FlowCard } from '../flows/FlowCard';
import { FLOW_DEPENDENT, LiveFlowUpdates } from '../flows/live';
import { AddSiteForm } from './AddSiteForm';
import { siteFormState } from './site-form';
import { OrganizationSynergies } from './OrganizationSynergies';
import './directory.css';
import { InvitePersonForm } from './InvitePersonForm';

// Leaflet is loaded with the first organisation page that has a site, not with the first screen.
const OrganizationSitesMap = lazy(() => import('./OrganizationSitesMap'));

const OrganizationQuery = graphql(`
  query Organization($id: ID!) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        name
        kind
        description
        website
        viewerCanEdit
        viewerCanInvite
        activitySector {
          code
          labelFr
          labelEn
        }
        territory {
          id
          name
        }
        sites {
          id
          name
          address
          postalCode
          city
          latitude
          longitude
          siret
        }
        flows(first: 100) {
          totalCount
          nodes {
            ...FlowFields
          }
        }
      }
    }
  }
`);

/**
 * An organisation of the directory: who it is, its sites, the flows the viewer may attribute to it, and the
 * synergies with it that the viewer may already see it in.
 */
export function OrganizationPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrganizationQuery, variables: { id }, context: FLOW_DEPENDENT });
  const [addingSite, setAddingSite] = useState(false);
  const [editingSite, setEditingSite] = useState<string | null>(null);
  const organization = data?.node?.__typename === 'Organization' ? data.node : null;

  return (
    <section aria-labelledby={`${headingId}-title`} className="organization-page workspace">
      <LiveFlowUpdates />
      <p>
        <a className="back-link" href={hrefOf({ name: 'directory' })}>
          {t('organization.back')}
        </a>
      </p>
      <QueryStatus loading={fetching && !data} error={error} errorKey="organization.error" />
      {data && !organization && (
        <>
          <h1 id={`${headingId}-title`}>{t('notFound.title')}</h1>
          <p role="alert">{t('organization.notFound')}</p>
        </>
      )}
      {organization && (
        <>
          <h1 id={`${headingId}-title`}>{organization.name}</h1>
          <p className="tags">
            <span className={`kind kind-${organization.kind.toLowerCase()}`}>{t(organizationKindMessage(organization.kind))}</span>{' '}
            {organization.activitySector && (
              <span className="tag">{language === 'fr' ? organization.activitySector.labelFr : organization.activitySector.labelEn ?? organization.activitySector.labelFr}</span>
            )}
            <span className="tag">{organization.territory.name}</span>
          </p>
          {organization.description && <p>{organization.description}</p>}
          {organization.website && (
            <p>
              <a href={organization.website} rel="noopener noreferrer">
                {organization.website}
              </a>
            </p>
          )}
          <h2>{t('organization.sites', { count: organization.sites.length })}</h2>
          {organization.sites.length > 0 && (
            <Suspense fallback={null}>
              <OrganizationSitesMap sites={organization.sites} label={t('organization.sitesMap', { name: organization.name })} />
            </Suspense>
          )}
          {organization.sites.length === 0 ? (
            <p className="muted">{t('organization.noSites')}</p>
          ) : (
            <ul className="site-list">
              {organization.sites.map((site) => (
                <li key={site.id}>
                  {editingSite === site.id ? (
                    <AddSiteForm
                      organizationId={organization.id}
                      site={{ id: site.id, name: site.name, state: siteFormState(site, language) }}
                      around={organization.sites}
                      onCancel={() => setEditingSite(null)}
                      onAdded={() => {
                        setEditingSite(null);
                        refetch({ requestPolicy: 'network-only' });
                      }}
                    />
                  ) : (
                    <>
                      <strong>{site.name}</strong>
                      <span className="muted"> — {[site.address, [site.postalCode, site.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</span>
                      {organization.viewerCanEdit && (
                        <>
                          {' '}
                          <button type="button" className="link-button" aria-label={`${t('site.edit')} : ${site.name}`} onClick={() => setEditingSite(site.id)}>
                            {t('site.edit')}
                          </button>
                        </>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {organization.viewerCanEdit &&
            (addingSite ? (
              <AddSiteForm
                organizationId={organization.id}
                around={organization.sites}
                onAdded={() => {
                  setAddingSite(false);
                  refetch({ requestPolicy: 'network-only' });
                }}
              />
            ) : (
              <button type="button" className="secondary" onClick={() => setAddingSite(true)}>
                {t('site.add')}
              </button>
            ))}
          <h2>{t('organization.flows', { count: organization.flows.totalCount })}</h2>
          <p className="muted small">{t('organization.flowsNote')}</p>
          {organization.flows.nodes.length === 0 ? (
            <p>{t('organization.noFlows')}</p>
          ) : (
            <ul className="flow-cards">
              {organization.flows.nodes.map((flow) => (
                <li key={flow.id}>
                  <FlowCard flow={flow} editable={organization.viewerCanEdit} />
                </li>
              ))}
            </ul>
          )}
          {organization.viewerCanInvite && <InvitePersonForm organizationId={organization.id} />}
          <OrganizationSynergies organizationId={organization.id} />
        </>
      )}
    </section>
  );
}
