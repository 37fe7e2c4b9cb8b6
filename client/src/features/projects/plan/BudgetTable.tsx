import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../../i18n/useI18n';
import { formatAmount } from '../../../ui/format';
import { NumberInput } from './NumberInput';
import { addBudgetLine, removeBudgetLine, updateBudgetLine, type PlanBudgetLine } from './plan-model';

interface BudgetTableProps {
  doc: Y.Doc;
  budget: PlanBudgetLine[];
  readOnly: boolean;
}

/** The budget lines (item, amount in euros, funder) and their total. */
export function BudgetTable({ doc, budget, readOnly }: BudgetTableProps) {
  const { t, language } = useI18n();
  const id = useId();
  const total = budget.reduce((sum, line) => sum + line.amountEur, 0);
  return (
    <section aria-labelledby={`${id}-title`} className="plan-part plan-budget">
      <h3 id={`${id}-title`}>{t('plan.budget')}</h3>
      {budget.length === 0 ? (
        <p className="muted small">{t('plan.budget.empty')}</p>
      ) : (
        <>
          <div className="plan-row plan-budget-row plan-row-head" aria-hidden="true">
            <span>{t('plan.budget.label')}</span>
            <span>{t('plan.budget.amount')}</span>
            <span>{t('plan.budget.funder')}</span>
            <span />
          </div>
          <ol className="plan-rows" aria-labelledby={`${id}-title`}>
            {budget.map((line, index) => (
              <BudgetRow key={line.id} doc={doc} line={line} index={index + 1} readOnly={readOnly} />
            ))}
          </ol>
          <p className="plan-total">{t('plan.budget.total', { amount: `${formatAmount(total, language)} €` })}</p>
        </>
      )}
      {!readOnly && <NewBudgetLineForm doc={doc} />}
    </section>
  );
}

function BudgetRow({ doc, line, index, readOnly }: { doc: Y.Doc; line: PlanBudgetLine; index: number; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <li className="plan-row plan-budget-row">
      <input
        type="text"
        aria-label={t('plan.budget.labelOf', { index })}
        value={line.label}
        maxLength={300}
        disabled={readOnly}
        onChange={(event) => updateBudgetLine(doc, line.id, { label: event.target.value })}
      />
      <NumberInput
        label={t('plan.budget.amountOf', { index })}
        value={line.amountEur}
        disabled={readOnly}
        onCommit={(amountEur) => updateBudgetLine(doc, line.id, { amountEur })}
      />
      <input
        type="text"
        aria-label={t('plan.budget.funderOf', { index })}
        value={line.funder ?? ''}
        maxLength={300}
        disabled={readOnly}
        onChange={(event) => updateBudgetLine(doc, line.id, { funder: event.target.value || null })}
      />
      {readOnly ? (
        <span />
      ) : (
        <button type="button" className="link-button small" aria-label={t('plan.budget.remove', { index })} onClick={() => removeBudgetLine(doc, line.id)}>
          {t('plan.remove')}
        </button>
      )}
    </li>
  );
}

function NewBudgetLineForm({ doc }: { doc: Y.Doc }) {
  const { t } = useI18n();
  const id = useId();
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [funder, setFunder] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const amountEur = Number(amount);
    if (label.trim() === '' || !Number.isFinite(amountEur)) return;
    addBudgetLine(doc, { label: label.trim(), amountEur, funder: funder.trim() || null });
    setLabel('');
    setAmount('');
    setFunder('');
  }

  return (
    <form className="plan-new-row" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('plan.budget.new')}</label>
        <input id={`${id}-label`} type="text" value={label} maxLength={300} required onChange={(event) => setLabel(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-amount`}>{t('plan.budget.amount')}</label>
        <input id={`${id}-amount`} type="number" inputMode="decimal" step="any" value={amount} required onChange={(event) => setAmount(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-funder`}>{t('plan.budget.funder')}</label>
        <input id={`${id}-funder`} type="text" value={funder} maxLength={300} onChange={(event) => setFunder(event.target.value)} />
      </div>
      <button type="submit">{t('plan.budget.add')}</button>
    </form>
  );
}
