import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../../i18n/useI18n';
import { NumberInput } from './NumberInput';
import { removeIndicator, setIndicator, type PlanIndicator } from './plan-model';

interface IndicatorsTableProps {
  doc: Y.Doc;
  indicators: PlanIndicator[];
  readOnly: boolean;
}

/**
 * The expected indicators, one per name and unit (the document keys them so): the expected value is edited in
 * place; a new name or unit is a new indicator.
 */
export function IndicatorsTable({ doc, indicators, readOnly }: IndicatorsTableProps) {
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
                  onCommit={(expected) => setIndicator(doc, item.indicator, item.unit, expected)}
                />
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
      {!readOnly && <NewIndicatorForm doc={doc} />}
    </section>
  );
}

function NewIndicatorForm({ doc }: { doc: Y.Doc }) {
  const { t } = useI18n();
  const id = useId();
  const [indicator, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [expected, setExpected] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(expected);
    if (indicator.trim() === '' || unit.trim() === '' || expected === '' || !Number.isFinite(value)) return;
    setIndicator(doc, indicator.trim(), unit.trim(), value);
    setName('');
    setUnit('');
    setExpected('');
  }

  return (
    <form className="plan-new-row" onSubmit={submit}>
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
