import { useI18n } from '../../i18n/useI18n';
import { STAGE_COLOURS, STAGES } from './stages';

/** What each colour of a synergy line means. */
export function StageLegend() {
  const { t } = useI18n();
  return (
    <ul className="stage-legend" aria-label={t('dashboard.legend')}>
      {STAGES.map((stage) => (
        <li key={stage}>
          <span className="swatch" style={{ background: STAGE_COLOURS[stage] }} aria-hidden="true" />
          {t(`dashboard.stage.${stage}`)}
        </li>
      ))}
    </ul>
  );
}
