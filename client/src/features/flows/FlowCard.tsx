import type { FlowFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { formatAmount } from '../../ui/format';
import { hrefOf } from '../../ui/route';

/** One flow as its organisation sees it in "Mes flux", with a link to edit it when allowed. */
export function FlowCard({ flow, editable }: { flow: FlowFieldsFragment; editable: boolean }) {
  const { t } = useI18n();
  return (
    <article className="flow-card" aria-labelledby={`flow-${flow.id}`}>
      <div className="flow-card-head">
        <h3 id={`flow-${flow.id}`}>{flow.label}</h3>
        {editable && (
          <a href={hrefOf({ name: 'flow', id: flow.id })} aria-label={t('flows.editNamed', { label: flow.label })}>
            {t('flows.edit')}
          </a>
        )}
      </div>
      <p className="tags">
        <span className={`tag direction-${flow.direction.toLowerCase()}`}>{t(`direction.${flow.direction}`)}</span>
        <span className="tag">{t(`category.${flow.category}`)}</span>
        <span className="tag">{t(`visibility.${flow.visibility}`)}</span>
        {flow.status === 'ARCHIVED' && <span className="tag archived">{t('flows.archivedTag')}</span>}
      </p>
      <FlowFacts flow={flow} />
    </article>
  );
}

/** What, how much and where: the facts every list of flows shows. */
export function FlowFacts({ flow }: { flow: FlowFieldsFragment }) {
  const { t, language } = useI18n();
  return (
    <p className="small">
      {flow.quantity === null
        ? t('flows.noQuantity')
        : t('flows.perPeriod', { quantity: `${formatAmount(flow.quantity, language)} ${t(`unit.${flow.unit}`)}`, period: t(`period.${flow.period}`) })}
      {flow.wasteCode && (
        <>
          {' · '}
          <span className="code">{flow.wasteCode.code}</span> {language === 'fr' ? flow.wasteCode.labelFr : flow.wasteCode.labelEn}
        </>
      )}
      {flow.site && <> · {t('flows.site', { site: `${flow.site.name} (${flow.site.city})` })}</>}
    </p>
  );
}
