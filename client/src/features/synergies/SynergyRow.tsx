import type { Ref } from 'react';
import { graphql } from '../../gql';
import type { SynergyRowFragment } from '../../gql/graphql';
import { hrefOf } from '../../ui/route';
import { useI18n } from '../../i18n/useI18n';
import { formatImpact, headlineImpacts, indicatorLabel, scoreOutOf100, sumByIndicator } from './impacts';
import { SYNERGY_KIND_MESSAGES } from './labels';
import { distinctParties, partyLabel, synergyTitle } from './parties';
import { StatusBadge } from './StatusBadge';

export const SynergyRowFields = graphql(`
  fragment SynergyRow on Synergy {
    id
    kind
    status
    score
    pathway {
      id
      labelFr
      labelEn
    }
    participants {
      isYours
      organization {
        id
        name
      }
      anonymous {
        organizationKind
        sectorFr
        sectorEn
        distanceBand
      }
    }
    impacts {
      ...ImpactRangeFields
    }
    assignee {
      id
      name
    }
  }
`);

const MAX_PARTIES = 3;

/** One synergy of the list: its title links to the detail. */
export function SynergyRow({ synergy, linkRef }: { synergy: SynergyRowFragment; linkRef?: Ref<HTMLAnchorElement> }) {
  const { t, language } = useI18n();
  const title = synergyTitle(synergy, language, t);
  const parties = distinctParties(synergy.participants);
  const impacts = headlineImpacts(sumByIndicator(synergy.impacts));
  return (
    <li className="synergy-row">
      <article aria-label={title}>
        <div className="synergy-row-head">
          <h3 className="synergy-row-title">
            <a ref={linkRef} href={hrefOf({ name: 'synergy', id: synergy.id })}>{title}</a>
          </h3>
          <p className="synergy-score">
            <span className="visually-hidden">{t('synergies.score')} </span>
            {t('synergies.scoreValue', { score: scoreOutOf100(synergy.score) })}
          </p>
        </div>
        <p className="synergy-tags">
          <span className={`tag kind-tag kind-tag-${synergy.kind.toLowerCase()}`}>{t(SYNERGY_KIND_MESSAGES[synergy.kind])}</span>
          <StatusBadge status={synergy.status} />
          {synergy.assignee && <span className="tag assignee-tag">{t('facilitation.followedBy', { name: synergy.assignee.name })}</span>}
        </p>
        <p className="synergy-parties">
          <span className="label">{t('synergies.parties')} </span>
          {parties.slice(0, MAX_PARTIES).map((party, index) => (
            <span key={party.organization?.id ?? `anonymous-${index}`} className={party.organization ? 'party' : 'party anonymous'}>
              {index > 0 && ' · '}
              {partyLabel(party, language, t)}
              {party.isYours && ` (${t('synergies.yours')})`}
            </span>
          ))}
          {parties.length > MAX_PARTIES && ` ${t('synergies.moreParties', { count: parties.length - MAX_PARTIES })}`}
        </p>
        {impacts.length > 0 ? (
          <ul className="impact-chips" aria-label={t('synergies.headlineImpacts')}>
            {impacts.map((impact) => (
              <li key={impact.indicator}>
                <span className="impact-chip-label">{indicatorLabel(impact.indicator, t)}</span>{' '}
                <span className="impact-chip-value">{formatImpact(impact, language, t).central}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t('synergies.noImpact')}</p>
        )}
      </article>
    </li>
  );
}
