import { useId } from 'react';
import { graphql } from '../gql';
import type { SynergyExplanationFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/useI18n';
import { describeItem, splitSentences } from './explanation';

export const SynergyExplanationFields = graphql(`
  fragment SynergyExplanationFields on Synergy {
    explanation {
      sentences
      reasons {
        code
      }
      conditionsMet {
        code
      }
      conditionsToCheck {
        code
      }
    }
  }
`);

/**
 * Why the synergy is suggested. The API renders the sentences, with figures, in the language asked for; for a
 * party before consent it withholds them and gives only codes, which are then described in general terms.
 */
export function ExplanationSection({ synergy }: { synergy: SynergyExplanationFieldsFragment }) {
  const { t } = useI18n();
  const id = useId();
  const explanation = synergy.explanation;

  let body;
  if (!explanation) {
    body = <p className="muted">{t('synergy.noExplanation')}</p>;
  } else {
    const sections = splitSentences(explanation.sentences, explanation.conditionsMet.length, explanation.conditionsToCheck.length);
    if (sections) {
      body = (
        <>
          <SentenceList sentences={sections.summary} className="explanation-sentences" />
          <Conditions met={sections.conditionsMet} toCheck={sections.conditionsToCheck} />
        </>
      );
    } else if (explanation.sentences.length > 0) {
      body = <SentenceList sentences={explanation.sentences} className="explanation-sentences" />;
    } else {
      const describe = (items: readonly { code: string }[]) => items.map((item) => describeItem(item.code, t));
      body = (
        <>
          <p className="notice">{t('synergy.withheld')}</p>
          <SentenceList sentences={describe(explanation.reasons)} className="explanation-sentences" />
          <Conditions met={describe(explanation.conditionsMet)} toCheck={describe(explanation.conditionsToCheck)} />
        </>
      );
    }
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
