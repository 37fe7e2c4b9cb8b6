import { useId } from 'react';
import { useQuery } from 'urql';
import { QueryStatus } from '../../ui/QueryStatus';
import { graphql } from '../../gql';
import type { DirectoryQuery as DirectoryData } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { organizationKindMessage } from '../../ui/organization-kind';

const DirectoryQuery = graphql(`
  query Directory {
    organizations(first: 50) {
      totalCount
      nodes {
        id
        name
        kind
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

/** The actors of the viewer's territories, by name (the server's order). */
export function DirectoryPage() {
  const { t } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: DirectoryQuery });
  const organizations = data?.organizations.nodes ?? [];

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('directory.title')}</h1>
      <p className="muted">{t('directory.intro')}</p>
      <QueryStatus loading={fetching && !data} error={error} errorKey="directory.error" />
      {data && organizations.length === 0 && <p>{t('directory.empty')}</p>}
      {organizations.length > 0 && (
        <div className="table-scroll">
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
              </tr>
            </thead>
            <tbody>
              {organizations.map((organization) => (
                <OrganizationRow key={organization.id} organization={organization} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function OrganizationRow({ organization }: { organization: DirectoryOrganization }) {
  const { t, language } = useI18n();
  const count = new Intl.NumberFormat(language);
  return (
    <tr>
      <th scope="row">{organization.name}</th>
      <td>
        <span className={`kind kind-${organization.kind.toLowerCase()}`}>{t(organizationKindMessage(organization.kind))}</span>
      </td>
      <td>{organization.sites[0]?.city ?? t('directory.noCity')}</td>
      <td className="number">{count.format(organization.sites.length)}</td>
      <td className="number">{count.format(organization.flows.totalCount)}</td>
    </tr>
  );
}
