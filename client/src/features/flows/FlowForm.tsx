import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import type { DeclareFlowInput } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { CodeSearch } from './CodeSearch';
import { serverProblems } from '../../ui/field-problems';
import { CATEGORIES, FLOW_FIELDS, chooseCategory, chooseDirection, codeKind, toFlowInput, type FlowField, type FlowFormState, type LocalProblem } from './flow-form';
import { FormField } from '../../ui/FormField';
import { wordProblem } from './problem-messages';
import './flows.css';
import { DiagnosticStep, QuantityStep, VisibilityStep, WhenStep, type StepProps } from './FlowFormSteps';

export interface SiteChoice {
  id: string;
  name: string;
  city: string;
}

interface FlowFormProps {
  initial: FlowFormState;
  sites: readonly SiteChoice[];
  /** Label of the waste code already chosen (editing). */
  wasteCodeLabel?: string;
  submitLabel: string;
  saving: boolean;
  error: CombinedError | undefined;
  onSubmit(input: DeclareFlowInput): void;
}

/**
 * The guided flow form: the kind of resource first, then only the questions that apply to it. Problems found before
 * sending and those the server reports are shown at the field they concern.
 */
export function FlowForm({ initial, sites, wasteCodeLabel, submitLabel, saving, error, onSubmit }: FlowFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [state, setState] = useState(initial);
  const [local, setLocal] = useState<Partial<Record<FlowField, LocalProblem>>>({});
  // The last attempt's problems stay until the next one (the mutation's state is reset when it is sent again).
  const server = serverProblems(error, FLOW_FIELDS);

  const problemsOf = (field: FlowField): string[] => [
    ...(local[field] ? [t(`flowForm.problem.${local[field]}`)] : []),
    ...(server.fields[field] ?? []).map((message) => wordProblem(message, t)),
  ];
  // After a refused attempt the first field to fix takes the focus, so that keyboard and screen-reader users land on it.
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, error]);
  const update = (change: Partial<FlowFormState>) => setState((current) => ({ ...current, ...change }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const outcome = toFlowInput(state);
    if (!outcome.ok) {
      setLocal(outcome.problems);
      setAttempt((n) => n + 1);
      return;
    }
    setLocal({});
    onSubmit(outcome.input);
  }

  const kind = codeKind(state);
  const hasProblems = Object.keys(local).length > 0 || Object.keys(server.fields).length > 0;
  const steps: StepProps = { id, state, update, problemsOf };

  return (
    <form ref={form} className="flow-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('flowForm.step.what')}</legend>
        <FormField id={`${id}-category`} label={t('flowForm.category')} problems={problemsOf('category')}>
          {(control) => (
            <select
              {...control}
              value={state.category}
              onChange={(event) => event.target.value && setState((s) => chooseCategory(s, event.target.value as (typeof CATEGORIES)[number]))}
            >
              <option value="" disabled>
                {t('flowForm.category.choose')}
              </option>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`category.${category}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset className="choice-row">
          <legend>{t('flowForm.direction')}</legend>
          {(['OUTPUT', 'INPUT'] as const).map((direction) => (
            <label key={direction} className="choice">
              <input
                type="radio"
                name={`${id}-direction`}
                checked={state.direction === direction}
                onChange={() => setState((s) => chooseDirection(s, direction))}
              />
              {t(`flowForm.direction.${direction}`)}
            </label>
          ))}
        </fieldset>
        {state.category !== '' && (
          <>
            <FormField id={`${id}-site`} label={t('flowForm.site')} problems={problemsOf('siteId')}>
              {(control) => (
                <select {...control} value={state.siteId} onChange={(event) => update({ siteId: event.target.value })}>
                  {state.siteId === '' && <option value="">{t('flowForm.category.choose')}</option>}
                  {sites.map((site) => (
                    <option key={site.id} value={site.id}>
                      {site.name} ({site.city})
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id={`${id}-label`} label={t('flowForm.label')} hint={t('flowForm.label.hint')} problems={problemsOf('label')}>
              {(control) => <input {...control} value={state.label} maxLength={200} onChange={(event) => update({ label: event.target.value })} />}
            </FormField>
            {kind && (
              <FormField
                id={`${id}-${kind}`}
                label={t(kind === 'ewc' ? 'flowForm.ewcCode' : 'flowForm.needCode')}
                hint={t(kind === 'ewc' ? 'flowForm.ewcCode.hint' : 'flowForm.needCode.hint')}
                problems={problemsOf(kind === 'ewc' ? 'ewcCode' : 'needCode')}
              >
                {(control) => (
                  <CodeSearch
                    key={kind}
                    kind={kind}
                    control={control}
                    value={kind === 'ewc' ? state.ewcCode : state.needCode}
                    chosenLabel={kind === 'ewc' ? wasteCodeLabel : undefined}
                    onChange={(code) => update(kind === 'ewc' ? { ewcCode: code } : { needCode: code })}
                  />
                )}
              </FormField>
            )}
            <FormField id={`${id}-description`} label={t('flowForm.description')} problems={problemsOf('description')}>
              {(control) => <textarea {...control} rows={3} value={state.description} onChange={(event) => update({ description: event.target.value })} />}
            </FormField>
          </>
        )}
      </fieldset>
      {state.category !== '' && (
        <>
          <QuantityStep {...steps} />
          <WhenStep {...steps} />
          <DiagnosticStep {...steps} />
          <VisibilityStep {...steps} />
        </>
      )}
      {hasProblems && (
        <p role="alert" className="error">
          {t('flowForm.fix')}
        </p>
      )}
      {error && server.general.length + Object.keys(server.fields).length === 0 && (
        <p role="alert" className="error">
          {t('flowForm.error', { message: describeError(error, t) })}
        </p>
      )}
      {server.general.map((message) => (
        <p key={message} role="alert" className="error">
          {t('flowForm.error', { message })}
        </p>
      ))}
      <button type="submit" className="primary" disabled={saving}>
        {saving ? t('flowForm.saving') : submitLabel}
      </button>
    </form>
  );
}
