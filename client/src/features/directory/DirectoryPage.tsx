import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DirectoryQuery as DirectoryData, OrganizationKind } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ORGANIZATION_KIND_MESSAGES, organizationKindMessage } from '../../ui/organization-kind';
import { QueryStatus } from '../../ui/QueryStatus';
import { hrefOf } from '../../ui/route';
import { useDebounced } from '../../ui/useDebounced';
import { FLOW_DEPENDENT, LiveFlowUpdates } from '../flows/live';
import { FIRST_PAGE, NO_SEARCH, currentCursor, isNarrowed, shownCity, nextPage, previousPage, toOrganizationFilter, type DirectorySearch, type PageTrail } from './directory-search';
import './directory.css';
import { ScrollRegion } from '../../ui/ScrollRegion';

const PAGE_SIZE = 25;

const SectionsQuery = graphql(`
  query ActivitySections {
    activitySections {
      code
      labelFr
      labelEn
    }
  }
`);

const DirectoryQuery = graphql(`
  query Directory($filter: OrganizationFilterInput, $first: Int!, $after: String) {
    organizations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        activitySector {
          sectionLabelFr
          sectionLabelEn
        }
        sites {
          id
          city
        }
        flows(first: 0) {
          totalCount
        }
      }
    }
  }
`);

type DirectoryOrganization = DirectoryData['organizations']['nodes'][number];

/**
 * The actors of the viewer's territories, by name (the server's order), searched by name, commune or sector and
 * filtered by kind, sector and commune, a page at a time.
 */
export function DirectoryPage() {
  const { t, language } = useI18n();
  const [{ data: sections }] = useQuery({ query: SectionsQuery });
  const id = useId();
  const [search, setSearch] = useState<DirectorySearch>(NO_SEARCH);
  const [trail, setTrail] = useState<PageTrail>(FIRST_PAGE);
  const settled = useDebounced(search, 300);
  const filter = useMemo(() => toOrganizationFilter(settled), [settled]);
  const [{ data, fetching, error }] = useQuery({
    query: DirectoryQuery,
    variables: { filter, first: PAGE_SIZE, after: currentCursor(trail) },
    context: FLOW_DEPENDENT,
  });
  const organizations = data?.organizations.nodes ?? [];
  const pageInfo = data?.organizations.pageInfo;
  const searchFor = (change: Partial<DirectorySearch>) => {
    setSearch((current) => ({ ...current, ...change }));
    setTrail(FIRST_PAGE);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="directory-page workspace">
      <LiveFlowUpdates />
      <h1 id={`${id}-title`}>{t('directory.title')}</h1>
      <p className="muted">{t('directory.intro')}</p>
      <form className="directory-search" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('directory.search')}</label>
          <input id={`${id}-text`} type="search" value={search.text} onChange={(event) => searchFor({ text: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('directory.column.kind')}</label>
          <select id={`${id}-kind`} value={search.kind} onChange={(event) => searchFor({ kind: event.target.value as OrganizationKind | '' })}>
            <option value="">{t('directory.anyKind')}</option>
            {(Object.keys(ORGANIZATION_KIND_MESSAGES) as OrganizationKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {t(organizationKindMessage(kind))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sector`}>{t('directory.sector')}</label>
          <select id={`${id}-sector`} value={search.sector} onChange={(event) => searchFor({ sector: event.target.value })}>
            <option value="">{t('directory.anySector')}</option>
            {sections?.activitySections.map((section) => (
              <option key={section.code} value={section.code}>
                {language === 'fr' ? section.labelFr : section.labelEn}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-commune`}>{t('directory.commune')}</label>
          <input id={`${id}-commune`} type="search" value={search.commune} onChange={(event) => searchFor({ commune: event.target.value })} />
        </div>
      </form>
      <QueryStatus loading={fetching && !data} error={error} errorKey="directory.error" />
      {data && organizations.length === 0 && <p>{t(isNarrowed(filter) ? 'directory.noMatch' : 'directory.empty')}</p>}
      {organizations.length > 0 && (
        <ScrollRegion label={t('directory.caption', { count: data?.organizations.totalCount ?? organizations.length })}>
          <table className="directory">
            <caption>{t('directory.caption', { count: data?.organizations.totalCount ?? organizations.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.column.name')}</th>
                <th scope="col">{t('directory.column.kind')}</th>
                <th scope="col">{t('directory.column.city')}</th>
                <th scope="col" className="number">
                  {t('directory.column.sites')}
                </th>
                <th scope="col" className="number">
                  {t('directory.column.flows')}
                </th>
                <th scope="col" className="sector">
                  {t('directory.column.sector')}
                </th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((organization) => (
                <OrganizationRow key={organization.id} organization={organization} commune={filter.commune} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {(trail.length > 1 || pageInfo?.hasNextPage) && (
        <nav className="pager" aria-label={t('directory.pages')}>
          <button type="button" className="secondary" disabled={trail.length === 1} onClick={() => setTrail(previousPage)}>
            {t('directory.previous')}
          </button>
          <span>{t('directory.page', { page: trail.length })}</span>
          <button
            type="button"
            className="secondary"
            disabled={!pageInfo?.hasNextPage || !pageInfo.endCursor}
            onClick={() => pageInfo?.endCursor && setTrail((current) => nextPage(current, pageInfo.endCursor!))}
          >
            {t('directory.next')}
          </button>
        </nav>
      )}
    </section>
  );
}

function OrganizationRow({ organization, commune }: { organization: DirectoryOrganization; commune?: string | null }) {
  const { t, language } = useI18n();
  const count = new Intl.NumberFormat(language);
  const sector = organization.activitySector;
  return (
    <tr>
      <th scope="row">
        <a href={hrefOf({ name: 'organization', id: organization.id })}>{organization.name}</a>
      </th>
      <td>
        <span className={`kind kind-${organization.kind.toLowerCase()}`}>{t(organizationKindMessage(organization.kind))}</span>
      </td>
      <td>{shownCity(organization.sites, commune) ?? t('directory.noCity')}</td>
      <td className="number">{count.format(organization.sites.length)}</td>
      <td className="number">{count.format(organization.flows.totalCount)}</td>
      <td className="sector">{sector ? (language === 'fr' ? sector.sectionLabelFr : sector.sectionLabelEn) : t('directory.noCity')}</td>
    </tr>
  );
}
