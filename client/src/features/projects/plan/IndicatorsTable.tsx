import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../../i18n/useI18n';
import { formatUnit } from '../../../ui/format';
import { indicatorLabel } from '../../synergies/impacts';
import { NumberInput } from './NumberInput';
import { SynergyEstimate, type SynergyFigure } from './SynergyEstimate';
import { linkableFigures } from './synergy-figures';
import { removeIndicator, setIndicator, type PlanIndicator } from './plan-model';

interface IndicatorsTableProps {
  doc: Y.Doc;
  indicators: PlanIndicator[];
  /** The synergy's impact figures as the viewer may see them (empty when none, or no synergy). */
  figures: SynergyFigure[];
  /** Whether the project came from a synergy (a link is offered, even when its figures are hidden from the viewer). */
  hasSynergy: boolean;
  readOnly: boolean;
}

/**
 * The expected indicators, one per name and unit (the document keys them so): the expected value is edited in
 * place; a new name or unit is a new indicator. An indicator linked to one of the synergy's figures shows the
 * synergy's estimate beside its target — the figures the API gave this viewer for the synergy, nothing more.
 */
export function IndicatorsTable({ doc, indicators, figures, hasSynergy, readOnly }: IndicatorsTableProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="plan-part plan-indicators">
      <h3 id={`${id}-title`}>{t('plan.indicators')}</h3>
      {indicators.length === 0 ? (
        <p className="muted small">{t('plan.indicators.empty')}</p>
      ) : (
        <>
          <div className="plan-row plan-indicator-row plan-row-head" aria-hidden="true">
            <span>{t('plan.indicator.name')}</span>
            <span>{t('plan.indicator.unit')}</span>
            <span>{t('plan.indicator.expected')}</span>
            <span>{t('plan.indicator.estimate')}</span>
            <span />
          </div>
          <ol className="plan-rows" aria-labelledby={`${id}-title`}>
            {indicators.map((item) => (
              <li key={item.key} className="plan-row plan-indicator-row">
                <span className="plan-cell-text">{item.indicator}</span>
                <span className="plan-cell-text">{item.unit}</span>
                <NumberInput
                  label={t('plan.indicator.expectedOf', { indicator: item.indicator, unit: item.unit })}
                  value={item.expected}
                  disabled={readOnly}
                  onCommit={(expected) => setIndicator(doc, item.indicator, item.unit, expected, item.figure)}
                />
                <SynergyEstimate item={item} figures={figures} />
                {readOnly ? (
                  <span />
                ) : (
                  <button
                    type="button"
                    className="link-button small"
                    aria-label={t('plan.indicator.remove', { indicator: item.indicator, unit: item.unit })}
                    onClick={() => removeIndicator(doc, item.key)}
                  >
                    {t('plan.remove')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {!readOnly && <NewIndicatorForm doc={doc} figures={figures} hasSynergy={hasSynergy} />}
    </section>
  );
}

function NewIndicatorForm({ doc, figures, hasSynergy }: { doc: Y.Doc; figures: SynergyFigure[]; hasSynergy: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [indicator, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [expected, setExpected] = useState('');
  const [figure, setFigure] = useState('');
  const choices = linkableFigures(figures);

  function link(code: string) {
    setFigure(code);
    const chosen = choices.find((c) => c.indicator === code);
    // The synergy's name and unit as a starting point, when the participant has not typed their own.
    if (chosen && indicator.trim() === '') setName(indicatorLabel(chosen.indicator, t));
    if (chosen && unit.trim() === '') setUnit(formatUnit(chosen.unit, t));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(expected);
    if (indicator.trim() === '' || unit.trim() === '' || expected === '' || !Number.isFinite(value)) return;
    setIndicator(doc, indicator.trim(), unit.trim(), value, figure || null);
    setName('');
    setUnit('');
    setExpected('');
    setFigure('');
  }

  return (
    <form className="plan-new-row" onSubmit={submit}>
      {hasSynergy && choices.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-figure`}>{t('plan.indicator.link')}</label>
          <select id={`${id}-figure`} value={figure} onChange={(event) => link(event.target.value)}>
            <option value="">{t('plan.indicator.link.none')}</option>
            {choices.map((choice) => (
              <option key={choice.indicator} value={choice.indicator}>
                {indicatorLabel(choice.indicator, t)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('plan.indicator.new')}</label>
        <input id={`${id}-name`} type="text" value={indicator} maxLength={200} required onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('plan.indicator.unit')}</label>
        <input id={`${id}-unit`} type="text" value={unit} maxLength={50} required onChange={(event) => setUnit(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-expected`}>{t('plan.indicator.expected')}</label>
        <input id={`${id}-expected`} type="number" inputMode="decimal" step="any" value={expected} required onChange={(event) => setExpected(event.target.value)} />
      </div>
      <button type="submit">{t('plan.indicator.add')}</button>
    </form>
  );
}
