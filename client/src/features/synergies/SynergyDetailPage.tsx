import { useEffect, useId, useRef } from 'react';
import { useQuery } from 'urql';
import { QueryStatus } from '../../ui/QueryStatus';
import { hrefOf } from '../../ui/route';
import { graphql } from '../../gql';
import type { SynergyDetailQuery as SynergyDetailData } from '../../gql/graphql';
import { apiLanguage } from '../../i18n/api-language';
import { useI18n } from '../../i18n/useI18n';
import { SynergyProjects } from '../projects/SynergyProjects';
import { ExplanationSection } from './ExplanationSection';
import { scoreOutOf100 } from './impacts';
import { ImpactsSection } from './ImpactsSection';
import { SYNERGY_KIND_MESSAGES, SYNERGY_ORIGIN_MESSAGES } from './labels';
import { ParticipantsSection } from './ParticipantsSection';
import { synergyTitle } from './parties';
import { StatusBadge } from './StatusBadge';
import { SynergyActions } from './SynergyActions';
import { FacilitationPanel } from './facilitation/FacilitationPanel';
import { useSynergyChanges } from './facilitation/useSynergyChanges';

const SynergyDetailQuery = graphql(`
  query SynergyDetail($id: ID!, $language: Language!) {
    synergy(id: $id, language: $language) {
      id
      kind
      status
      score
      origin
      note
      pathway {
        id
        labelFr
        labelEn
        descriptionFr
        descriptionEn
      }
      ...SynergyDecisionFields
      ...SynergyExplanationFields
      ...SynergyImpactsFields
      ...SynergyParticipantsFields
    }
  }
`);

type Synergy = NonNullable<SynergyDetailData['synergy']>;

/** One synergy as the viewer may see it; its explanation comes in the language of the page. */
export function SynergyDetailPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: SynergyDetailQuery,
    variables: { id, language: apiLanguage(language) },
  });
  const synergy = data?.synergy;
  // Requests, answers, notes and assignments made elsewhere reach this page live.
  useSynergyChanges();

  return (
    <div className="synergy-detail workspace">
      <p>
        <a href={hrefOf({ name: 'synergies' })} className="back-link">
          ← {t('synergy.back')}
        </a>
      </p>
      <QueryStatus loading={fetching && !data} error={error} errorKey="synergy.error" />
      {data && !synergy && !error && <p role="alert">{t('synergy.notFound')}</p>}
      {synergy && <SynergyDetail synergy={synergy} />}
    </div>
  );
}

function SynergyDetail({ synergy }: { synergy: Synergy }) {
  const { t, language } = useI18n();
  const id = useId();
  const title = synergyTitle(synergy, language, t);

  // Moving to a synergy is a new page for assistive technologies: focus its title, once per synergy.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [synergy.id]);

  return (
    <article aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <dl className="synergy-facts">
        <div>
          <dt>{t('synergy.kind')}</dt>
          <dd>{t(SYNERGY_KIND_MESSAGES[synergy.kind])}</dd>
        </div>
        <div>
          <dt>{t('synergy.status')}</dt>
          <dd>
            <StatusBadge status={synergy.status} />
          </dd>
        </div>
        <div>
          <dt>{t('synergy.score')}</dt>
          <dd>{t('synergies.scoreValue', { score: scoreOutOf100(synergy.score) })}</dd>
        </div>
        <div>
          <dt>{t('synergy.origin')}</dt>
          <dd>{t(SYNERGY_ORIGIN_MESSAGES[synergy.origin])}</dd>
        </div>
      </dl>
      {synergy.pathway && <p className="pathway-description">{language === 'fr' ? synergy.pathway.descriptionFr : synergy.pathway.descriptionEn}</p>}
      {synergy.note && (
        <p className="note">
          <strong>{t('synergy.note')}</strong>
          <br />
          {synergy.note}
        </p>
      )}
      <SynergyActions synergy={synergy} />
      <FacilitationPanel synergyId={synergy.id} />
      <SynergyProjects synergy={synergy} title={title} />
      <div className="detail-grid">
        <div>
          <ExplanationSection synergy={synergy} />
          <ImpactsSection synergy={synergy} />
        </div>
        <ParticipantsSection synergy={synergy} />
      </div>
    </article>
  );
}
