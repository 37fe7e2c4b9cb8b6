import { useId } from 'react';
import { graphql } from '../../gql';
import type { SynergyExplanationFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { explanationSections, figuresWithheld } from './explanation';

export const SynergyExplanationFields = graphql(`
  fragment SynergyExplanationFields on Synergy {
    explanation {
      distanceKm
      sentences(language: $language)
      reasons {
        code
        sentence(language: $language)
      }
      conditionsMet {
        code
        sentence(language: $language)
      }
      conditionsToCheck {
        code
        sentence(language: $language)
      }
    }
  }
`);

/**
 * Why the synergy is suggested, in the API's sentences in the language of the page. For a party who may not yet
 * see the other side, the API leaves its figures out or gives them as bands, and says so here.
 */
export function ExplanationSection({ synergy }: { synergy: SynergyExplanationFieldsFragment }) {
  const { t } = useI18n();
  const id = useId();
  const explanation = synergy.explanation;

  let body;
  if (!explanation) {
    body = <p className="muted">{t('synergy.noExplanation')}</p>;
  } else {
    const sections = explanationSections(explanation);
    body = (
      <>
        {figuresWithheld(explanation) && <p className="notice">{t('synergy.withheld')}</p>}
        <SentenceList sentences={sections.lead} className="explanation-sentences explanation-lead" />
        {sections.reasons.length > 0 && (
          <section aria-labelledby={`${id}-reasons`} className="explanation-reasons">
            <h3 id={`${id}-reasons`}>{t('synergy.reasons')}</h3>
            <SentenceList sentences={sections.reasons} className="explanation-sentences" />
          </section>
        )}
        <Conditions met={sections.conditionsMet} toCheck={sections.conditionsToCheck} />
      </>
    );
  }

  return (
    <section aria-labelledby={`${id}-title`} className="detail-section">
      <h2 id={`${id}-title`}>{t('synergy.explanation')}</h2>
      {body}
    </section>
  );
}

function SentenceList({ sentences, className }: { sentences: readonly string[]; className?: string }) {
  if (sentences.length === 0) return null;
  return (
    <ul className={className}>
      {sentences.map((sentence, index) => (
        <li key={index}>{sentence}</li>
      ))}
    </ul>
  );
}

function Conditions({ met, toCheck }: { met: readonly string[]; toCheck: readonly string[] }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="conditions">
      <section aria-labelledby={`${id}-met`} className="conditions-met">
        <h3 id={`${id}-met`}>{t('synergy.conditionsMet')}</h3>
        {met.length > 0 ? <SentenceList sentences={met} /> : <p className="muted small">{t('synergy.noConditions')}</p>}
      </section>
      <section aria-labelledby={`${id}-check`} className="conditions-to-check">
        <h3 id={`${id}-check`}>{t('synergy.conditionsToCheck')}</h3>
        {toCheck.length > 0 ? <SentenceList sentences={toCheck} /> : <p className="muted small">{t('synergy.noConditions')}</p>}
      </section>
    </div>
  );
}
