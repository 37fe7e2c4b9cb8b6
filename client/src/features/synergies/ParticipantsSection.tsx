import { useId } from 'react';
import { graphql } from '../../gql';
import type { SynergyParticipantsFieldsFragment } from '../../gql/graphql';
import { organizationKindMessage } from '../../ui/organization-kind';
import { useI18n } from '../../i18n/useI18n';
import { CONSENT_MESSAGES, SYNERGY_ROLE_MESSAGES } from './labels';

export const SynergyParticipantsFields = graphql(`
  fragment SynergyParticipantsFields on Synergy {
    participants {
      isYours
      role
      consent
      organization {
        id
        name
        kind
      }
      flow {
        id
        label
      }
      anonymous {
        organizationKind
        descriptionFr
        descriptionEn
        distanceBand
      }
    }
  }
`);

/** Every side with its role and answer: named when the API says who it is, otherwise as it describes it. */
export function ParticipantsSection({ synergy }: { synergy: SynergyParticipantsFieldsFragment }) {
  const { t, language } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="detail-section">
      <h2 id={`${id}-title`}>{t('synergy.participants')}</h2>
      <ul className="participants">
        {synergy.participants.map((participant, index) => (
          <li key={`${participant.organization?.id ?? 'anonymous'}-${participant.flow?.id ?? index}`} className="participant">
            <p className="participant-name">
              {participant.organization ? (
                <strong>{participant.organization.name}</strong>
              ) : (
                <strong>{t('synergy.participant.anonymous')}</strong>
              )}
              {participant.isYours && <span className="tag yours-tag">{t('synergy.participant.yours')}</span>}
              <span className="tag role-tag">{t(SYNERGY_ROLE_MESSAGES[participant.role])}</span>
            </p>
            {participant.organization && (
              <p className="muted small">{t(organizationKindMessage(participant.organization.kind))}</p>
            )}
            {participant.anonymous && (
              <p className="anonymous-description">
                {language === 'fr' ? participant.anonymous.descriptionFr : participant.anonymous.descriptionEn}
              </p>
            )}
            {participant.flow && <p className="small">{t('synergy.participant.flow', { flow: participant.flow.label })}</p>}
            <p className={`consent consent-${participant.consent.toLowerCase()}`}>{t(CONSENT_MESSAGES[participant.consent])}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
