import { useI18n } from '../../../i18n/useI18n';
import { formatImpact, indicatorLabel } from '../../synergies/impacts';
import type { PlanIndicator } from './plan-model';
import { figuresFor, type SynergyFigure } from './synergy-figures';

export type { SynergyFigure } from './synergy-figures';

/**
 * The synergy's estimate beside an indicator's target: central value and range, per organisation for euros. Only
 * the figures the API gave this viewer; a link whose figure the viewer may not see says so, without a number.
 */
export function SynergyEstimate({ item, figures }: { item: PlanIndicator; figures: SynergyFigure[] }) {
  const { t, language } = useI18n();
  if (!item.figure) return <span className="muted small">{t('plan.indicator.estimate.unlinked')}</span>;
  const shown = figuresFor(item.figure, figures);
  const label = t('plan.indicator.estimateOf', { indicator: item.indicator, figure: indicatorLabel(item.figure, t) });
  if (shown.length === 0) {
    return (
      <ul className="plan-estimate small" aria-label={label}>
        <li className="muted">{t('plan.indicator.estimate.hidden')}</li>
      </ul>
    );
  }
  return (
    <ul className="plan-estimate small" aria-label={label}>
      {shown.map((figure, index) => {
        const { central, range } = formatImpact(figure, language, t);
        return (
          <li key={index}>
            <strong>{central}</strong>
            {range && <span className="muted"> ({range})</span>}
            {figure.organization && <span className="muted"> {t('synergy.impacts.for', { organization: figure.organization.name })}</span>}
          </li>
        );
      })}
    </ul>
  );
}
