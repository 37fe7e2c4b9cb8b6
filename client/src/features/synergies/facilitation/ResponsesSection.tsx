import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../../i18n/useI18n';
import { describeError } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { ScrollRegion } from '../../../ui/ScrollRegion';
import { PutPartiesInTouchMutation } from './documents';
import type { FacilitatedSynergy } from './FacilitationPanel';
import { canPutInTouch, RESPONSE_STATE_MESSAGES } from './responses';

/** "Mettre en relation" (every party asked at once) and "Voir qui a répondu": each party with its answer and dates. */
export function ResponsesSection({ synergy }: { synergy: FacilitatedSynergy }) {
  const { t, language } = useI18n();
  const id = useId();
  const [result, putInTouch] = useMutation(PutPartiesInTouchMutation);
  const [done, setDone] = useState(false);
  const date = (value: unknown) => (value ? formatDateTime(value, language) : '—');

  return (
    <section aria-labelledby={`${id}-title`} className="detail-section">
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={result.fetching || !canPutInTouch(synergy)}
          aria-describedby={`${id}-hint`}
          onClick={async () => {
            setDone(false);
            const res = await putInTouch({ id: synergy.id });
            if (!res.error) setDone(true);
          }}
        >
          {t('facilitation.putInTouch')}
        </button>
      </div>
      <p id={`${id}-hint`} className="muted small">
        {t('facilitation.putInTouch.hint')}
      </p>
      <p role="status" className="small">
        {done ? t('facilitation.putInTouch.done') : ''}
      </p>
      {result.error && (
        <p role="alert" className="error">
          {t('facilitation.error', { message: describeError(result.error, t) })}
        </p>
      )}
      <h3 id={`${id}-title`}>{t('facilitation.responses')}</h3>
      <ScrollRegion label={t('facilitation.responses')}>
        <table className="responses">
          <thead>
            <tr>
              <th scope="col">{t('facilitation.responses.party')}</th>
              <th scope="col">{t('facilitation.responses.state')}</th>
              <th scope="col">{t('facilitation.responses.askedAt')}</th>
              <th scope="col">{t('facilitation.responses.answeredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {(synergy.responses ?? []).map((r) => (
              <tr key={r.organizationId}>
                <th scope="row">{r.organizationName}</th>
                <td className={`response response-${r.state.toLowerCase()}`}>{t(RESPONSE_STATE_MESSAGES[r.state])}</td>
                <td>{date(r.askedAt)}</td>
                <td>{date(r.answeredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
