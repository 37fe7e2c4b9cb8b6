import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../../i18n/useI18n';
import { describeError } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { AssignSynergyMutation } from './documents';
import type { FacilitatedSynergy } from './FacilitationPanel';

const NOBODY = '';

/** Who follows the synergy, and a choice among the territory's facilitators to assign it to. */
export function AssignmentSection({ synergy }: { synergy: FacilitatedSynergy }) {
  const { t, language } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [result, assign] = useMutation(AssignSynergyMutation);
  const [saved, setSaved] = useState(false);
  const current = synergy.assignee?.id ?? NOBODY;
  const value = chosen ?? current;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const res = await assign({ id: synergy.id, assigneeId: value === NOBODY ? null : value });
    if (!res.error) {
      setSaved(true);
      setChosen(null);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="detail-section">
      <h3 id={`${id}-title`}>{t('facilitation.assignment')}</h3>
      <p className="assignee">
        {synergy.assignee
          ? t('facilitation.assignee.since', { name: synergy.assignee.name, date: formatDateTime(synergy.assignee.assignedAt, language) })
          : t('facilitation.assignee.nobody')}
      </p>
      <form onSubmit={submit} className="inline-form">
        <div className="field inline">
          <label htmlFor={`${id}-assignee`}>{t('facilitation.assignee')}</label>
          <select id={`${id}-assignee`} value={value} onChange={(event) => setChosen(event.target.value)}>
            <option value={NOBODY}>{t('facilitation.assignee.none')}</option>
            {(synergy.assignableFacilitators ?? []).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary" disabled={result.fetching || value === current}>
          {t('facilitation.assign')}
        </button>
      </form>
      <p role="status" className="small">
        {saved ? t('facilitation.saved') : ''}
      </p>
      {result.error && (
        <p role="alert" className="error">
          {t('facilitation.error', { message: describeError(result.error, t) })}
        </p>
      )}
    </section>
  );
}
