import { useState } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../../ui/errors';
import { graphql } from '../../gql';
import type { SynergyDecisionFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { ACTION_MESSAGES, availableActions, decisionHint, needsConfirmation, type SynergyAction } from './actions';

export const SynergyDecisionFields = graphql(`
  fragment SynergyDecisionFields on Synergy {
    id
    status
    identitiesRevealed
    viewerCanRequestContact
    viewerCanRespond
    viewerCanDecline
    participants {
      isYours
      consent
    }
  }
`);

const RequestContactMutation = graphql(`
  mutation RequestContact($id: ID!) {
    requestContact(id: $id) {
      ...SynergyDecisionFields
    }
  }
`);

const RespondToContactMutation = graphql(`
  mutation RespondToContact($id: ID!, $accept: Boolean!) {
    respondToContact(id: $id, accept: $accept) {
      ...SynergyDecisionFields
    }
  }
`);

const DeclineSynergyMutation = graphql(`
  mutation DeclineSynergy($id: ID!) {
    declineSynergy(id: $id) {
      ...SynergyDecisionFields
    }
  }
`);

/**
 * The decisions the API allows the viewer on this synergy (it says which through `viewerCan…`). Declining and
 * refusing are confirmed first. Each decision is taken for all of the viewer's organisations in the synergy.
 * The mutation's result invalidates every query holding a synergy, so the page and the lists refresh.
 */
export function SynergyActions({ synergy }: { synergy: SynergyDecisionFieldsFragment }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<SynergyAction | null>(null);
  const [request, requestContact] = useMutation(RequestContactMutation);
  const [respond, respondToContact] = useMutation(RespondToContactMutation);
  const [decline, declineSynergy] = useMutation(DeclineSynergyMutation);
  const [saved, setSaved] = useState(false);
  const actions = availableActions(synergy);
  const hint = decisionHint(synergy);
  const fetching = request.fetching || respond.fetching || decline.fetching;
  const error = request.error ?? respond.error ?? decline.error;

  async function run(action: SynergyAction) {
    setConfirming(null);
    setSaved(false);
    const variables = { id: synergy.id };
    const result =
      action === 'REQUEST_CONTACT'
        ? await requestContact(variables)
        : action === 'DECLINE'
          ? await declineSynergy(variables)
          : await respondToContact({ ...variables, accept: action === 'ACCEPT_CONTACT' });
    if (!result.error) setSaved(true);
  }

  if (actions.length === 0 && !hint) return null;
  return (
    <section className="actions card-lite" aria-label={t('actions.title')}>
      {hint && <p className="hint">{t(hint)}</p>}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t(ACTION_MESSAGES[confirming])}>
          <p>{t('actions.confirmDecline')}</p>
          <div className="button-row">
            <button type="button" className="danger" onClick={() => run(confirming)} disabled={fetching}>
              {t('actions.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)} autoFocus>
              {t('actions.cancel')}
            </button>
          </div>
        </div>
      ) : (
        actions.length > 0 && (
          <div className="button-row">
            {actions.map((action, index) => (
              <button
                key={action}
                type="button"
                className={index === 0 && !needsConfirmation(action) ? 'primary' : 'secondary'}
                disabled={fetching}
                onClick={() => (needsConfirmation(action) ? setConfirming(action) : run(action))}
              >
                {t(ACTION_MESSAGES[action])}
              </button>
            ))}
          </div>
        )
      )}
      <p role="status" className="small muted">
        {fetching ? t('actions.saving') : saved ? t('actions.saved') : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {t('actions.error', { message: describeError(error, t) })}
        </p>
      )}
    </section>
  );
}
