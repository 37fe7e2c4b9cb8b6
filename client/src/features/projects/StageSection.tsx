import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { ProjectStage, ProjectStageFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { STAGE_MESSAGES } from './labels';
import { PROJECT_DEPENDENT } from './live';
import { reasonInput, stageChangeProblem } from './stage-change';

export const ProjectStageFields = graphql(`
  fragment ProjectStageFields on SynergyProject {
    id
    stage
    abandonReason
    nextStages
    viewerCanManage
    stageHistory {
      changedAt
      changedByName
      from
      to
      reason
    }
  }
`);

const ChangeProjectStageMutation = graphql(`
  mutation ChangeProjectStage($projectId: ID!, $stage: ProjectStage!, $reason: String) {
    changeProjectStage(projectId: $projectId, stage: $stage, reason: $reason) {
      ...ProjectStageFields
    }
  }
`);

/** Where the project stands, the moves its managers may make, and every move so far (newest first). */
export function StageSection({ project }: { project: ProjectStageFieldsFragment }) {
  const { t, language } = useI18n();
  const id = useId();
  const history = [...project.stageHistory].reverse();
  return (
    <section aria-labelledby={`${id}-title`} className="detail-section project-stage">
      <h2 id={`${id}-title`}>{t('project.stageSection')}</h2>
      {project.stage === 'ABANDONED' && project.abandonReason && (
        <p className="note">
          <strong>{t('project.abandonReason')}</strong>
          <br />
          {project.abandonReason}
        </p>
      )}
      {project.viewerCanManage && project.nextStages.length > 0 && <StageChanger project={project} />}
      <h3 id={`${id}-history`}>{t('project.history')}</h3>
      <ol className="stage-history" aria-labelledby={`${id}-history`}>
        {history.map((change, index) => (
          <li key={`${String(change.changedAt)}-${index}`}>
            <p className="stage-move">
              {change.from
                ? t('project.history.move', { from: t(STAGE_MESSAGES[change.from]), to: t(STAGE_MESSAGES[change.to]) })
                : t('project.history.created', { to: t(STAGE_MESSAGES[change.to]) })}
            </p>
            <p className="small muted">
              {change.changedByName
                ? t('project.history.by', { name: change.changedByName, date: formatDateTime(change.changedAt, language) })
                : t('project.history.on', { date: formatDateTime(change.changedAt, language) })}
            </p>
            {change.reason && <p className="small">{t('project.history.reason', { reason: change.reason })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function StageChanger({ project }: { project: ProjectStageFieldsFragment }) {
  const { t } = useI18n();
  const id = useId();
  const [target, setTarget] = useState<ProjectStage | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof stageChangeProblem>>(null);
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, changeStage] = useMutation(ChangeProjectStageMutation);

  function choose(stage: ProjectStage | null) {
    setTarget(stage);
    setReason('');
    setProblem(null);
    setSaved(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    const found = stageChangeProblem(target, reason);
    setProblem(found);
    if (found) return;
    const result = await changeStage({ projectId: project.id, stage: target, reason: reasonInput(reason) }, PROJECT_DEPENDENT);
    if (!result.error) {
      choose(null);
      setSaved(true);
    }
  }

  return (
    <div className="actions stage-changer">
      {target ? (
        <form onSubmit={submit} aria-label={t('project.moveTo', { stage: t(STAGE_MESSAGES[target]) })}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{target === 'ABANDONED' ? t('project.stage.reason') : t('project.stage.comment')}</label>
            <textarea
              id={`${id}-reason`}
              value={reason}
              rows={3}
              autoFocus
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {problem && (
              <span id={`${id}-problem`} className="field-problem">
                {t(problem)}
              </span>
            )}
          </div>
          <div className="button-row">
            <button type="submit" className={target === 'ABANDONED' ? 'danger' : 'primary'} disabled={fetching}>
              {t('project.moveTo', { stage: t(STAGE_MESSAGES[target]) })}
            </button>
            <button type="button" className="secondary" onClick={() => choose(null)}>
              {t('projects.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row" role="group" aria-label={t('project.changeStage')}>
          {project.nextStages.map((stage) => (
            <button key={stage} type="button" className={stage === 'ABANDONED' ? 'secondary' : 'primary'} onClick={() => choose(stage)}>
              {t('project.moveTo', { stage: t(STAGE_MESSAGES[stage]) })}
            </button>
          ))}
        </div>
      )}
      <p role="status" className="small muted">
        {fetching ? t('actions.saving') : saved ? t('project.stage.saved') : ''}
      </p>
      {error && (
        <p role="alert" className="error">
          {t('project.stage.error', { message: describeError(error, t) })}
        </p>
      )}
    </div>
  );
}
