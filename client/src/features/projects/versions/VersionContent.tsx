import { useId } from 'react';
import { useQuery } from 'urql';
import type { PlanVersionContentFragment } from '../../../gql/graphql';
import { useI18n } from '../../../i18n/useI18n';
import { formatAmount } from '../../../ui/format';
import { QueryStatus } from '../../../ui/QueryStatus';
import { comparisonLines } from './comparison';
import { ComparePlanVersionsQuery, PlanVersionQuery, VERSIONS_DEPENDENT } from './documents';

/** A version as it was saved, read-only: its summary, notes, actions, budget and indicators. */
export function VersionContent({ versionId }: { versionId: string }) {
  const { t } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: PlanVersionQuery, variables: { id: versionId } });
  const version = data?.projectPlanVersion;
  return (
    <section className="version-content" aria-labelledby={`${id}-title`}>
      <QueryStatus loading={fetching && !data} error={error} errorKey="versions.loadError" />
      {version && (
        <>
          <h3 id={`${id}-title`}>{t('versions.content.title', { name: version.name })}</h3>
          <PlanParts plan={version.plan} />
        </>
      )}
    </section>
  );
}

function PlanParts({ plan }: { plan: PlanVersionContentFragment }) {
  const { t, language } = useI18n();
  const none = <p className="small muted">{t('versions.content.none')}</p>;
  return (
    <dl className="version-parts">
      <dt>{t('versions.content.summary')}</dt>
      <dd>{plan.summary || none}</dd>
      <dt>{t('versions.content.notes')}</dt>
      <dd className="version-notes">{plan.notesText || none}</dd>
      <dt>{t('versions.content.actions')}</dt>
      <dd>
        {plan.actions.length === 0 ? none : (
          <ul>
            {plan.actions.map((a) => (
              <li key={a.id}>
                {t('versions.content.action', {
                  title: a.title,
                  status: t(`versions.status.${a.status}`),
                  due: a.dueDate ? t('versions.content.due', { date: a.dueDate }) : '',
                })}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('versions.content.budget')}</dt>
      <dd>
        {plan.budget.length === 0 ? none : (
          <ul>
            {plan.budget.map((b) => (
              <li key={b.id}>
                {t('versions.content.budgetLine', {
                  label: b.label,
                  amount: formatAmount(b.amountEur, language),
                  funder: b.funder ? t('versions.content.funder', { funder: b.funder }) : '',
                })}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('versions.content.indicators')}</dt>
      <dd>
        {plan.indicators.length === 0 ? none : (
          <ul>
            {plan.indicators.map((i) => (
              <li key={`${i.indicator}|${i.unit}`}>{t('versions.content.indicator', { indicator: i.indicator, expected: formatAmount(i.expected, language), unit: i.unit })}</li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

/** What changed from a version to another one, or to the plan now (`to` null), one sentence per change. */
export function VersionComparison({ from, to }: { from: string; to: string | null }) {
  const { t, language } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: ComparePlanVersionsQuery, variables: { from, to }, context: VERSIONS_DEPENDENT, requestPolicy: 'cache-and-network' });
  const comparison = data?.compareProjectPlanVersions;
  const lines = comparison ? comparisonLines(comparison, t, language) : [];
  return (
    <section className="version-comparison" aria-labelledby={`${id}-title`}>
      <QueryStatus loading={fetching && !data} error={error} errorKey="versions.loadError" />
      {comparison && (
        <>
          <h3 id={`${id}-title`}>
            {t('versions.comparison.title', {
              from: comparison.from.name,
              to: comparison.to ? t('versions.comparison.version', { name: comparison.to.name }) : t('versions.comparison.now'),
            })}
          </h3>
          {lines.length === 0 ? (
            <p>{t('versions.comparison.none')}</p>
          ) : (
            <ul className="version-changes">
              {lines.map((line, k) => (
                <li key={k}>{line}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
