import { useI18n } from '../../i18n/useI18n';
import {
  DESTINATIONS,
  MONTHS,
  PERIODS,
  PHYSICAL_FORMS,
  UNITS,
  VISIBILITIES,
  physicalFormMatters,
  temperatureMatters,
  type FlowField,
  type FlowFormState,
} from './flow-form';
import { FormField } from '../../ui/FormField';

// The flow form's later steps, shown once the kind of resource is chosen.

export interface StepProps {
  id: string;
  state: FlowFormState;
  update(change: Partial<FlowFormState>): void;
  problemsOf(field: FlowField): string[];
}

export function QuantityStep({ id, state, update, problemsOf }: StepProps) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('flowForm.step.how')}</legend>
      <div className="field-row">
        <FormField id={`${id}-quantity`} label={t('flowForm.quantity')} hint={t('flowForm.quantity.hint')} problems={problemsOf('quantity')}>
          {(control) => (
            <input {...control} inputMode="decimal" value={state.quantity} onChange={(event) => update({ quantity: event.target.value })} />
          )}
        </FormField>
        <FormField id={`${id}-unit`} label={t('flowForm.unit')} problems={problemsOf('unit')}>
          {(control) => (
            <select {...control} value={state.unit} onChange={(event) => update({ unit: event.target.value as FlowFormState['unit'] })}>
              {UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`unit.${unit}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`${id}-period`} label={t('flowForm.period')} problems={problemsOf('period')}>
          {(control) => (
            <select {...control} value={state.period} onChange={(event) => update({ period: event.target.value as FlowFormState['period'] })}>
              {PERIODS.map((period) => (
                <option key={period} value={period}>
                  {t(`period.${period}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {physicalFormMatters(state.category) && (
        <FormField id={`${id}-form`} label={t('flowForm.physicalForm')} problems={problemsOf('physicalForm')}>
          {(control) => (
            <select
              {...control}
              value={state.physicalForm}
              onChange={(event) => update({ physicalForm: event.target.value as FlowFormState['physicalForm'] })}
            >
              <option value="">{t('flowForm.physicalForm.none')}</option>
              {PHYSICAL_FORMS.map((form) => (
                <option key={form} value={form}>
                  {t(`physicalForm.${form}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {temperatureMatters(state.category) && (
        <FormField
          id={`${id}-temperature`}
          label={t('flowForm.temperatureC')}
          hint={t('flowForm.temperatureC.hint')}
          problems={problemsOf('temperatureC')}
        >
          {(control) => (
            <input {...control} inputMode="decimal" value={state.temperatureC} onChange={(event) => update({ temperatureC: event.target.value })} />
          )}
        </FormField>
      )}
    </fieldset>
  );
}

export function WhenStep({ id, state, update, problemsOf }: StepProps) {
  const { t } = useI18n();
  const problems = problemsOf('availableMonths');
  const toggle = (month: number) =>
    update({ months: state.months.includes(month) ? state.months.filter((m) => m !== month) : [...state.months, month] });
  return (
    <fieldset aria-describedby={problems.length > 0 ? `${id}-months-problem` : undefined}>
      <legend>{t('flowForm.step.when')}</legend>
      <label className="choice">
        <input type="checkbox" checked={state.allYear} onChange={(event) => update({ allYear: event.target.checked })} />
        {t('flowForm.allYear')}
      </label>
      {!state.allYear && (
        <fieldset className="months">
          <legend className="small">{t('flowForm.months')}</legend>
          {MONTHS.map((month) => (
            <label key={month} className="choice month">
              <input type="checkbox" checked={state.months.includes(month)} onChange={() => toggle(month)} />
              {t(`month.${month}`)}
            </label>
          ))}
        </fieldset>
      )}
      {problems.length > 0 && (
        <p id={`${id}-months-problem`} className="field-problem">
          {problems.join(' ')}
        </p>
      )}
    </fieldset>
  );
}

export function DiagnosticStep({ id, state, update, problemsOf }: StepProps) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('flowForm.step.diagnostic')}</legend>
      {state.direction === 'OUTPUT' && (
        <FormField id={`${id}-destination`} label={t('flowForm.currentDestination')} problems={problemsOf('currentDestination')}>
          {(control) => (
            <select
              {...control}
              value={state.currentDestination}
              onChange={(event) => update({ currentDestination: event.target.value as FlowFormState['currentDestination'] })}
            >
              <option value="">{t('flowForm.currentDestination.none')}</option>
              {DESTINATIONS.map((destination) => (
                <option key={destination} value={destination}>
                  {t(`destination.${destination}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField id={`${id}-cost`} label={t('flowForm.yearlyCostEur')} hint={t('flowForm.yearlyCostEur.hint')} problems={problemsOf('yearlyCostEur')}>
        {(control) => (
          <input {...control} inputMode="decimal" value={state.yearlyCostEur} onChange={(event) => update({ yearlyCostEur: event.target.value })} />
        )}
      </FormField>
    </fieldset>
  );
}

export function VisibilityStep({ id, state, update, problemsOf }: StepProps) {
  const { t } = useI18n();
  const problems = problemsOf('visibility');
  return (
    <fieldset className="visibility-choice">
      <legend>{t('flowForm.step.visibility')}</legend>
      {VISIBILITIES.map((visibility) => (
        <div key={visibility} className="choice explained">
          <input
            id={`${id}-visibility-${visibility}`}
            type="radio"
            name={`${id}-visibility`}
            checked={state.visibility === visibility}
            aria-describedby={`${id}-visibility-${visibility}-explained`}
            onChange={() => update({ visibility })}
          />
          <div>
            <label htmlFor={`${id}-visibility-${visibility}`}>
              <strong>{t(`visibility.${visibility}`)}</strong>
            </label>
            <p id={`${id}-visibility-${visibility}-explained`} className="muted small">
              {t(`visibility.${visibility}.explained`)}
            </p>
          </div>
        </div>
      ))}
      {problems.length > 0 && <p className="field-problem">{problems.join(' ')}</p>}
    </fieldset>
  );
}
