import { useId } from 'react';
import { graphql } from '../../gql';
import type { SynergyImpactsFieldsFragment } from '../../gql/graphql';
import { isMessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/useI18n';
import { formatAmount, formatQuantity } from '../../ui/format';
import { citedSources, factorLabel, formatImpact, indicatorLabel, sortImpacts, type CitedSource } from './impacts';
import { ScrollRegion } from '../../ui/ScrollRegion';

export const SynergyImpactsFields = graphql(`
  fragment SynergyImpactsFields on Synergy {
    impacts {
      ...ImpactRangeFields
      basis
      formula
      factors {
        id
        labelFr
        labelEn
        unit
        value
        sourceId
        source {
          id
          citation
          url
        }
      }
      organization {
        id
        name
      }
    }
    pathway {
      id
      sources {
        id
        citation
        url
      }
    }
  }
`);

type Impact = SynergyImpactsFieldsFragment['impacts'][number];

/**
 * Estimated impacts with their range, then how each was computed: the formula and factors, and the sources
 * cited. The API withholds formulas from parties before consent, and euros from those who may not see them.
 */
export function ImpactsSection({ synergy }: { synergy: SynergyImpactsFieldsFragment }) {
  const { t } = useI18n();
  const id = useId();
  const impacts = sortImpacts(synergy.impacts);
  return (
    <section aria-labelledby={`${id}-title`} className="detail-section">
      <h2 id={`${id}-title`}>{t('synergy.impacts')}</h2>
      {impacts.length === 0 ? <p className="muted">{t('synergy.impacts.none')}</p> : <ImpactTable impacts={impacts} />}
      {impacts.length > 0 && <Method impacts={impacts} />}
      <Sources synergy={synergy} />
    </section>
  );
}

function ImpactTable({ impacts }: { impacts: Impact[] }) {
  const { t, language } = useI18n();
  return (
    <ScrollRegion label={t('synergy.impacts.caption')}>
      <table className="impacts">
        <caption>{t('synergy.impacts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('synergy.impacts.indicator')}</th>
            <th scope="col" className="number">
              {t('synergy.impacts.low')}
            </th>
            <th scope="col" className="number">
              {t('synergy.impacts.central')}
            </th>
            <th scope="col" className="number">
              {t('synergy.impacts.high')}
            </th>
            <th scope="col">{t('synergy.impacts.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {impacts.map((impact, index) => {
            const basisKey = `impact.basis.${impact.basis}`;
            return (
              <tr key={`${impact.indicator}-${index}`}>
                <th scope="row">
                  {indicatorLabel(impact.indicator, t)}
                  {impact.organization && (
                    <span className="muted small"> {t('synergy.impacts.for', { organization: impact.organization.name })}</span>
                  )}
                </th>
                <td className="number">{formatQuantity(impact.low, impact.unit, language, t)}</td>
                <td className="number">
                  <strong>{formatImpact(impact, language, t).central}</strong>
                </td>
                <td className="number">{formatQuantity(impact.high, impact.unit, language, t)}</td>
                <td>{isMessageKey(basisKey) ? t(basisKey) : impact.basis}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Method({ impacts }: { impacts: Impact[] }) {
  const { t, language } = useI18n();
  const id = useId();
  const withheld = impacts.some((impact) => impact.formula === null);
  return (
    <section aria-labelledby={`${id}-title`} className="method">
      <h3 id={`${id}-title`}>{t('synergy.method')}</h3>
      <dl className="method-list">
        {impacts.map((impact, index) => (
          <div key={`${impact.indicator}-${index}`} className="method-item">
            <dt>{indicatorLabel(impact.indicator, t)}</dt>
            {impact.formula && (
              <dd>
                <span className="visually-hidden">{t('synergy.method.formula')} : </span>
                <code className="formula">{impact.formula}</code>
              </dd>
            )}
            {impact.factors.length > 0 && (
              <dd>
                <span className="muted small">{t('synergy.method.factors')} </span>
                <ul className="factors">
                  {impact.factors.map((factor) => (
                    <li key={factor.id}>
                      {t('synergy.method.factor', { label: factorLabel(factor, language), value: formatAmount(factor.value, language), unit: factor.unit })}
                      {(factor.source || factor.sourceId) && (
                        <span className="muted">
                          {' '}
                          (<FactorSource source={factor.source} sourceId={factor.sourceId} />)
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            )}
          </div>
        ))}
      </dl>
      {withheld && <p className="notice">{t('synergy.method.withheld')}</p>}
    </section>
  );
}

/** "source: <citation>", the citation a link when the source has an address; by its id if the API gives no more. */
function FactorSource({ source, sourceId }: { source: CitedSource | null | undefined; sourceId: string | null | undefined }) {
  const { t } = useI18n();
  const [before, after = ''] = t('synergy.method.source', { source: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <Citation source={source ?? { id: sourceId ?? '', citation: null }} />
      {after}
    </>
  );
}

function Citation({ source }: { source: CitedSource }) {
  const text = source.citation ?? source.id;
  return source.url ? (
    <a href={source.url} rel="noreferrer">
      {text}
    </a>
  ) : (
    <>{text}</>
  );
}

/** The pathway's sources, and those of the impact factors the pathway does not list. */
function Sources({ synergy }: { synergy: SynergyImpactsFieldsFragment }) {
  const { t } = useI18n();
  const id = useId();
  const sources = citedSources(
    synergy.pathway?.sources ?? [],
    synergy.impacts.flatMap((impact) => impact.factors),
  );
  if (sources.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} className="sources">
      <h3 id={`${id}-title`}>{t('synergy.sources')}</h3>
      <ul>
        {sources.map((source) => (
          <li key={source.id} id={`source-${source.id}`}>
            {source.citation && (
              <>
                <Citation source={source} />{' '}
              </>
            )}
            <span className="muted small">[{source.id}]</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
