import { useEffect, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { hrefOf } from '../../ui/route';
import { describeError } from '../../ui/errors';
import { graphql } from '../../gql';
import type { SynergySuggestedSubscription } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { SYNERGY_DEPENDENT } from './context';
import { isMuted, setMuted, setUnsaved, shownMuted, unsavedChoice } from './detection-progress';
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
  const account = setting?.viewer?.notificationsMuted;
  const mutedNow = shownMuted(muted, unsavedChoice(storage(), userId), account, isMuted(storage(), userId));
  /** Saves a choice on the account; once saved (and not changed meanwhile), it is no longer this browser's to keep. */
  const save = (next: boolean) => {
    setUnsaved(storage(), userId, next);
    void saveSetting({ muted: next }).then((result) => {
      if (!result.error && unsavedChoice(storage(), userId) === next) setUnsaved(storage(), userId, null);
    });
  };
  // A choice this browser made that the account did not save (the page was left first): saved now.
  useEffect(() => {
    if (userId === undefined || account === undefined || account === null) return;
    const unsaved = unsavedChoice(storage(), userId);
    if (unsaved === null) return;
    if (unsaved === account) setUnsaved(storage(), userId, null);
    else save(unsaved);
    // Once per account answer (`save` is a new function each render, and not a reason to run again).
  }, [userId, account]);
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
    save(next);
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
