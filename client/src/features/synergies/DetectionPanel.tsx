import { useMutation } from 'urql';
import { describeError } from '../../ui/errors';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { SYNERGY_DEPENDENT } from './context';

const DetectSynergiesMutation = graphql(`
  mutation DetectSynergies($territoryId: ID!) {
    detectSynergies(territoryId: $territoryId) {
      detected
      suggested
      updated
      stale
      withdrawn
    }
  }
`);

/** For the facilitators of a territory: run the engine again, then see what it did. */
export function DetectionPanel({ territoryId }: { territoryId: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, detect] = useMutation(DetectSynergiesMutation);
  const report = data?.detectSynergies;
  return (
    <div className="detection">
      <p className="muted small">{t('detection.intro')}</p>
      <button
        type="button"
        className="secondary"
        disabled={fetching}
        // The report names no synergy: say that every list of synergies is out of date.
        onClick={() => detect({ territoryId }, SYNERGY_DEPENDENT)}
      >
        {fetching ? t('detection.running') : t('detection.run')}
      </button>
      <p role="status" className="detection-report">
        {report && !fetching && t('detection.report', { ...report })}
      </p>
      {error && (
        <p role="alert" className="error">
          {t('detection.error', { message: describeError(error, t) })}
        </p>
      )}
    </div>
  );
}
