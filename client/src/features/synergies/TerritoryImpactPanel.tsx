import { useQuery } from 'urql';
import { QueryStatus } from '../../ui/QueryStatus';
import { graphql } from '../../gql';
import type { TerritoryImpactQuery as TerritoryImpactData } from '../../gql/graphql';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/useI18n';
import { SYNERGY_DEPENDENT } from './context';
import { formatImpact, indicatorLabel, sortImpacts } from './impacts';

const TerritoryImpactQuery = graphql(`
  query TerritoryImpact($territoryId: ID!) {
    territoryImpact(territoryId: $territoryId) {
      suggested {
        ...ImpactGroupFields
      }
      inProgress {
        ...ImpactGroupFields
      }
      operational {
        ...ImpactGroupFields
      }
    }
  }

  fragment ImpactGroupFields on ImpactGroup {
    synergyCount
    totals {
      ...ImpactRangeFields
    }
    expectedTotals {
      ...ImpactRangeFields
    }
  }
`);

type ImpactGroup = TerritoryImpactData['territoryImpact']['suggested'];
type Stage = 'suggested' | 'inProgress' | 'operational';

const STAGES: readonly { stage: Stage; title: MessageKey }[] = [
  { stage: 'suggested', title: 'territoryImpact.suggested' },
  { stage: 'inProgress', title: 'territoryImpact.inProgress' },
  { stage: 'operational', title: 'territoryImpact.operational' },
];

/** The summed impacts of a territory's synergies at each stage; refreshed when a synergy changes. */
export function TerritoryImpactPanel({ territoryId, headingId }: { territoryId: string; headingId: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: TerritoryImpactQuery,
    variables: { territoryId },
    context: SYNERGY_DEPENDENT,
  });
  const impact = data?.territoryImpact;
  return (
    <div aria-labelledby={headingId} role="group">
      <QueryStatus loading={fetching && !impact} error={error} errorKey="territoryImpact.error" />
      {impact && (
        <>
          <div className="impact-stages">
            {STAGES.map(({ stage, title }) => (
              <ImpactStage key={stage} title={t(title)} group={impact[stage]} />
            ))}
          </div>
          <p className="muted small">{t('territoryImpact.note')}</p>
        </>
      )}
    </div>
  );
}

function ImpactStage({ title, group }: { title: string; group: ImpactGroup }) {
  const { t, language } = useI18n();
  return (
    <section className="impact-stage card-lite">
      <h3>
        {title} <span className="stage-count">{t('territoryImpact.count', { count: group.synergyCount })}</span>
      </h3>
      {group.totals.length === 0 ? (
        <p className="muted small">{t('territoryImpact.none')}</p>
      ) : (
        <dl className="impact-totals">
          {sortImpacts(group.totals).map((total) => {
            const { central, range } = formatImpact(total, language, t);
            const expectedTotal = group.expectedTotals.find((e) => e.indicator === total.indicator && e.unit === total.unit);
            const expected = expectedTotal && formatImpact(expectedTotal, language, t);
            return (
              <div key={total.indicator}>
                <dt>{indicatorLabel(total.indicator, t)}</dt>
                <dd>
                  <strong>{central}</strong>
                  {range && <span className="range"> ({range})</span>}
                  {expected && (
                    <span className="expected small">
                      {' '}
                      {t('territoryImpact.expected', { central: expected.central, range: expected.range ?? expected.central })}
                    </span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
