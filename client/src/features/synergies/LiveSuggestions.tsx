import { useState } from 'react';
import { useSubscription } from 'urql';
import { hrefOf } from '../../ui/route';
import { describeError } from '../../ui/errors';
import { graphql } from '../../gql';
import type { SynergySuggestedSubscription } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { SYNERGY_DEPENDENT } from './context';
import { synergyTitle } from './parties';

const SynergySuggestedSubscriptionDocument = graphql(`
  subscription SynergySuggested {
    synergySuggested {
      synergyId
      synergy {
        id
        kind
        pathway {
          id
          labelFr
          labelEn
        }
      }
    }
  }
`);

type Suggested = SynergySuggestedSubscription['synergySuggested']['synergy'];

const KEPT = 3;

/**
 * Synergies suggested to the viewer's organisations while the page is open, newest first, announced to screen
 * readers. Each event also refreshes the lists of synergies (they share the `Synergy` typename).
 */
export function LiveSuggestions() {
  const { t, language } = useI18n();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [{ data: suggested = [], error }] = useSubscription(
    { query: SynergySuggestedSubscriptionDocument, context: SYNERGY_DEPENDENT },
    (shown: Suggested[] = [], event: SynergySuggestedSubscription): Suggested[] =>
      [event.synergySuggested.synergy, ...shown.filter((s) => s.id !== event.synergySuggested.synergyId)].slice(0, KEPT),
  );
  const visible = suggested.filter((s) => !dismissed.has(s.id));

  return (
    <div className="live" aria-live="polite">
      {visible.map((synergy) => (
        <p key={synergy.id} className="live-suggestion">
          <span>{t('live.suggested', { title: synergyTitle(synergy, language, t) })}</span>{' '}
          <a href={hrefOf({ name: 'synergy', id: synergy.id })}>{t('live.open')}</a>{' '}
          <button type="button" className="link-button" onClick={() => setDismissed((d) => new Set(d).add(synergy.id))}>
            {t('live.dismiss')}
          </button>
        </p>
      ))}
      {error && <p className="muted small">{t('live.unavailable', { message: describeError(error, t) })}</p>}
    </div>
  );
}
