import { useId, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { QueryStatus } from '../../ui/QueryStatus';
import { hrefOf } from '../../ui/route';
import { ArchiveFlowMutation, DeclareFlowMutation, FlowQuery, MyOrganizationsQuery, UpdateFlowMutation } from './documents';
import { emptyFlowForm, flowFormOf } from './flow-form';
import { SITE_DEPENDENT } from './live';
import { FlowForm, type SiteChoice } from './FlowForm';

const backToList = () => {
  window.location.hash = hrefOf({ name: 'flows' });
};

/** Declaring a flow on one of the sites the viewer may edit; back to "Mes flux" once it is saved. */
export function NewFlowPage() {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyOrganizationsQuery, context: SITE_DEPENDENT });
  const [declared, declare] = useMutation(DeclareFlowMutation);
  const organizations = (data?.viewer?.memberships ?? []).map((m) => m.organization).filter((o) => o.viewerCanEdit);
  const sites: SiteChoice[] = organizations.flatMap((o) => o.sites.map((site) => ({ ...site, name: `${o.name} — ${site.name}` })));

  return (
    <FlowFormFrame title={t('flowForm.newTitle')}>
      <QueryStatus loading={fetching && !data} error={error} errorKey="flows.error" />
      {data && organizations.length === 0 && <p>{t('flows.noOrganization')}</p>}
      {organizations.length > 0 && sites.length === 0 && (
        <p>
          {t('flows.noSite')}{' '}
          <a href={hrefOf({ name: 'organization', id: organizations[0].id })}>{t('site.add')}</a>
        </p>
      )}
      {sites.length > 0 && (
        <FlowForm
          initial={emptyFlowForm(sites.length === 1 ? sites[0].id : '')}
          sites={sites}
          submitLabel={t('flowForm.submitNew')}
          saving={declared.fetching}
          error={declared.error}
          onSubmit={async (input) => {
            const result = await declare({ input });
            if (result.data) backToList();
          }}
        />
      )}
    </FlowFormFrame>
  );
}

/** Editing or archiving a flow of the viewer's organisation. */
export function EditFlowPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: FlowQuery, variables: { id } });
  const [updated, update] = useMutation(UpdateFlowMutation);
  const [archived, archive] = useMutation(ArchiveFlowMutation);
  const flow = data?.node?.__typename === 'ResourceFlow' ? data.node : null;

  return (
    <FlowFormFrame title={t('flowForm.editTitle')}>
      <QueryStatus loading={fetching && !data} error={error} errorKey="flows.error" />
      {data && !flow && <p role="alert">{t('flowForm.notFound')}</p>}
      {flow && !flow.organization?.viewerCanEdit && <p role="alert">{t('flowForm.readOnly')}</p>}
      {flow?.organization?.viewerCanEdit && (
        <>
          {flow.status === 'ARCHIVED' && (
            <div className="notice">
              <p>{t('flowForm.archived')}</p>
              <button
                type="button"
                className="secondary"
                disabled={updated.fetching}
                onClick={async () => {
                  const result = await update({ id, input: { status: 'ACTIVE' } });
                  if (result.data) backToList();
                }}
              >
                {t('flowForm.restore')}
              </button>
            </div>
          )}
          <FlowForm
            initial={flowFormOf(flow)}
            sites={flow.organization.sites}
            wasteCodeLabel={flow.wasteCode ? (language === 'fr' ? flow.wasteCode.labelFr : flow.wasteCode.labelEn) : undefined}
            submitLabel={t('flowForm.submitEdit')}
            saving={updated.fetching}
            error={updated.error}
            onSubmit={async (input) => {
              const result = await update({ id, input });
              if (result.data) backToList();
            }}
          />
          {flow.status === 'ACTIVE' && (
            <section className="archive-flow">
              <p className="muted small">{t('flowForm.archive.hint')}</p>
              <button
                type="button"
                className="secondary"
                disabled={archived.fetching}
                onClick={async () => {
                  const result = await archive({ id });
                  if (result.data) backToList();
                }}
              >
                {t('flowForm.archive')}
              </button>
              {archived.error && (
                <p role="alert" className="error">
                  {t('flowForm.error', { message: describeError(archived.error, t) })}
                </p>
              )}
            </section>
          )}
        </>
      )}
    </FlowFormFrame>
  );
}

function FlowFormFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="flow-form-page workspace">
      <p>
        <a className="back-link" href={hrefOf({ name: 'flows' })}>
          {t('flowForm.back')}
        </a>
      </p>
      <h1 id={`${id}-title`}>{title}</h1>
      <p className="muted">{t('flowForm.intro')}</p>
      {children}
    </section>
  );
}
