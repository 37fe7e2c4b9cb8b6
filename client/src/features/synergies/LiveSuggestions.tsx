import { useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { hrefOf } from '../../ui/route';
import { describeError } from '../../ui/errors';
import { graphql } from '../../gql';
import type { SynergySuggestedSubscription } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { SYNERGY_DEPENDENT } from './context';
import { isMuted, setMuted } from './detection-progress';
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

const NotificationSettingQuery = graphql(`
  query NotificationSetting {
    viewer {
      id
      notificationsMuted
    }
  }
`);

const SetNotificationsMutedMutation = graphql(`
  mutation SetNotificationsMuted($muted: Boolean!) {
    setNotificationsMuted(muted: $muted)
  }
`);

type Suggested = SynergySuggestedSubscription['synergySuggested']['synergy'];

const KEPT = 3;

/** The browser's storage, when it has one it lets us use. */
const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/**
 * Synergies suggested to the viewer's organisations while the page is open, newest first, announced to screen
 * readers. Each event also refreshes the lists of synergies (they share the `Synergy` typename). The notices can be
 * muted, per person, on the account (and in this browser, for the moment before the account answers): the lists
 * still update, and a quiet line counts what arrived.
 */
export function LiveSuggestions() {
  const { t, language } = useI18n();
  const [{ data: setting }] = useQuery({ query: NotificationSettingQuery });
  const [, saveSetting] = useMutation(SetNotificationsMutedMutation);
  const userId = setting?.viewer?.id;
  const [muted, setMutedState] = useState<boolean | null>(null);
  const mutedNow = muted ?? setting?.viewer?.notificationsMuted ?? isMuted(storage(), userId);
  const [mutedFrom, setMutedFrom] = useState<number>(0);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [{ data: seen = { count: 0, shown: [] as Suggested[] }, error }] = useSubscription(
    { query: SynergySuggestedSubscriptionDocument, context: SYNERGY_DEPENDENT },
    (previous: { count: number; shown: Suggested[] } = { count: 0, shown: [] }, event: SynergySuggestedSubscription) => ({
      count: previous.count + 1,
      shown: [event.synergySuggested.synergy, ...previous.shown.filter((s) => s.id !== event.synergySuggested.synergyId)].slice(0, KEPT),
    }),
  );
  const visible = mutedNow ? [] : seen.shown.filter((s) => !dismissed.has(s.id));
  const toggle = () => {
    const next = !mutedNow;
    setMuted(storage(), userId, next);
    setMutedState(next);
    void saveSetting({ muted: next });
    if (next) setMutedFrom(seen.count);
    // Turned back on: what arrived while muted is in the lists already; the notices start afresh.
    else setDismissed(new Set(seen.shown.map((s) => s.id)));
  };

  return (
    <div className="live-notifications">
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
        {mutedNow && (
          <p className="muted small">
            {seen.count > mutedFrom ? t('live.mutedCount', { count: seen.count - mutedFrom }) : t('live.muted')}
          </p>
        )}
      </div>
      <button type="button" className="link-button small" onClick={toggle}>
        {mutedNow ? t('live.unmute') : t('live.mute')}
      </button>
      {error && <p className="muted small">{t('live.unavailable', { message: describeError(error, t) })}</p>}
    </div>
  );
}
