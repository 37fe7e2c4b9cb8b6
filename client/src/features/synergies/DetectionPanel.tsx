import { useMutation, useSubscription } from 'urql';
import { describeError } from '../../ui/errors';
import { graphql } from '../../gql';
import type { DetectionProgressSubscription } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { SYNERGY_DEPENDENT } from './context';
import { followRuns, isRunning, type ProgressEvent } from './detection-progress';

const DetectSynergiesMutation = graphql(`
  mutation DetectSynergies($territoryId: ID!) {
    detectSynergies(territoryId: $territoryId) {
      runId
      detected
      suggested
      updated
      stale
      withdrawn
    }
  }
`);

const DetectionProgressDocument = graphql(`
  subscription DetectionProgress($territoryId: ID!) {
    detectionProgress(territoryId: $territoryId) {
      runId
      phase
      percent
      report {
        detected
        suggested
        updated
        stale
        withdrawn
      }
    }
  }
`);

/**
 * For the facilitators of a territory: run the engine again, follow it live (phase and percentage, also of a run
 * another facilitator started), then see what it did.
 */
export function DetectionPanel({ territoryId }: { territoryId: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, detect] = useMutation(DetectSynergiesMutation);
  const [{ data: progress = null }] = useSubscription(
    { query: DetectionProgressDocument, variables: { territoryId } },
    (shown: ProgressEvent | null = null, event: DetectionProgressSubscription): ProgressEvent => followRuns(shown, event.detectionProgress),
  );
  const running = fetching || isRunning(progress);
  // Another facilitator's run: not this page's own (in flight, so its id not known yet, or answered with its id).
  const byOther = progress !== null && !fetching && progress.runId !== data?.detectSynergies.runId;
  const report = data?.detectSynergies ?? (progress?.phase === 'DONE' ? progress.report : null);
  return (
    <div className="detection">
      <p className="muted small">{t('detection.intro')}</p>
      <button
        type="button"
        className="secondary"
        disabled={running}
        // The report names no synergy: say that every list of synergies is out of date.
        onClick={() => detect({ territoryId }, SYNERGY_DEPENDENT)}
      >
        {running ? t('detection.running') : t('detection.run')}
      </button>
      {progress && isRunning(progress) && (
        <div className="detection-progress">
          <progress max={100} value={progress.percent} aria-label={t('detection.progress')} />
          <p className="small" aria-live="polite">
            {t(`detection.phase.${progress.phase}`, { percent: progress.percent })}
            {byOther && <> {t('detection.byOther')}</>}
          </p>
        </div>
      )}
      <p role="status" className="detection-report">
        {report && !running && t('detection.report', { ...report })}
        {progress?.phase === 'FAILED' && !running && t('detection.phase.FAILED')}
      </p>
      {error && (
        <p role="alert" className="error">
          {t('detection.error', { message: describeError(error, t) })}
        </p>
      )}
    </div>
  );
}
