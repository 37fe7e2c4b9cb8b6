import { useId, useState } from 'react';
import { useQuery } from 'urql';
import type { MyOrganizationsQuery as MyOrganizationsData } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { QueryStatus } from '../../ui/QueryStatus';
import { hrefOf } from '../../ui/route';
import { MyOrganizationsQuery, OrganizationFlowsQuery } from './documents';
import { FlowCard } from './FlowCard';
import { FLOW_DEPENDENT, LiveFlowUpdates, SITE_DEPENDENT } from './live';
import './flows.css';

type MyOrganization = NonNullable<MyOrganizationsData['viewer']>['memberships'][number]['organization'];

/** "Mes flux": the flows of each of the viewer's organisations, and the way to declare more. */
export function FlowsPage() {
  const { t } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: MyOrganizationsQuery, context: SITE_DEPENDENT });
  const [archived, setArchived] = useState(false);
  const organizations = data?.viewer?.memberships.map((m) => m.organization) ?? [];
  const canDeclare = organizations.some((o) => o.viewerCanEdit && o.sites.length > 0);

  return (
    <section aria-labelledby={`${id}-title`} className="flows-page workspace">
      <LiveFlowUpdates />
      <div className="section-head">
        <h1 id={`${id}-title`}>{t('flows.title')}</h1>
        {canDeclare && (
          <a className="button primary" href={hrefOf({ name: 'newFlow' })}>
            {t('flows.declare')}
          </a>
        )}
      </div>
      <p className="muted">{t('flows.intro')}</p>
      <QueryStatus loading={fetching && !data} error={error} errorKey="flows.error" />
      {data && organizations.length === 0 && <p>{t('flows.noOrganization')}</p>}
      {organizations.length > 0 && (
        <label className="choice">
          <input type="checkbox" checked={archived} onChange={(event) => setArchived(event.target.checked)} />
          {t('flows.showArchived')}
        </label>
      )}
      {organizations.map((organization) => (
        <OrganizationFlows key={organization.id} organization={organization} archived={archived} />
      ))}
    </section>
  );
}

function OrganizationFlows({ organization, archived }: { organization: MyOrganization; archived: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({
    query: OrganizationFlowsQuery,
    variables: { organizationId: organization.id, status: archived ? 'ARCHIVED' : 'ACTIVE' },
    context: FLOW_DEPENDENT,
  });
  const flows = data?.flows.nodes ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="organization-flows">
      <h2 id={`${id}-title`}>{t('flows.organizationFlows', { organization: organization.name })}</h2>
      {organization.sites.length === 0 && (
        <p className="muted">
          {t('flows.noSite')} <a href={hrefOf({ name: 'organization', id: organization.id })}>{t('site.add')}</a>
        </p>
      )}
      <QueryStatus loading={fetching && !data} error={error} errorKey="flows.error" />
      {data && (
        <p className="muted small" role="status">
          {t('flows.count', { count: data.flows.totalCount })}
        </p>
      )}
      {data && flows.length === 0 && <p>{t('flows.empty')}</p>}
      <ul className="flow-cards">
        {flows.map((flow) => (
          <li key={flow.id}>
            <FlowCard flow={flow} editable={organization.viewerCanEdit} />
          </li>
        ))}
      </ul>
    </section>
  );
}
