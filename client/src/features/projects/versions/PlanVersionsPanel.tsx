import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { PlanVersionsQuery as PlanVersionsData } from '../../../gql/graphql';
import { useI18n } from '../../../i18n/useI18n';
import { describeError } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { QueryStatus } from '../../../ui/QueryStatus';
import { versionNameProblem } from './comparison';
import { PlanVersionsQuery, RestorePlanVersionMutation, SavePlanVersionMutation, VERSIONS_DEPENDENT } from './documents';
import { VersionComparison, VersionContent } from './VersionContent';
import './versions.css';

type Version = NonNullable<PlanVersionsData['project']>['planVersions'][number];

/** What the panel shows under the list: one version, a comparison, or a restore waiting for confirmation. */
type Focus = { kind: 'view'; id: string } | { kind: 'compare'; from: string; to: string | null } | { kind: 'restore'; version: Version } | null;

/**
 * The plan's version history: save the plan under a name, view a version read-only, compare it with another or
 * with the plan now, restore it (after confirmation) as a new change that every open editor receives. Observers
 * see and compare; the server refuses them the rest, and the panel does not offer it.
 */
export function PlanVersionsPanel({ projectId }: { projectId: string }) {
  const { t, language } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: PlanVersionsQuery, variables: { id: projectId }, context: VERSIONS_DEPENDENT });
  const [focus, setFocus] = useState<Focus>(null);
  const [done, setDone] = useState('');
  const versions = data?.project?.planVersions ?? [];
  const canEdit = data?.project?.viewerCanEditPlan ?? false;
  const [restoring, restore] = useMutation(RestorePlanVersionMutation);

  async function confirmRestore(version: Version) {
    const result = await restore({ id: version.id }, VERSIONS_DEPENDENT);
    if (!result.error) {
      setDone(t('versions.restored', { name: version.name }));
      setFocus({ kind: 'compare', from: version.id, to: null });
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="detail-section plan-versions">
      <h2 id={`${id}-title`}>{t('versions.title')}</h2>
      <p className="small muted">{canEdit ? t('versions.intro') : t('versions.readOnly')}</p>
      <QueryStatus loading={fetching && !data} error={error} errorKey="versions.loadError" />
      {canEdit && <SaveVersionForm projectId={projectId} onSaved={(name) => setDone(t('versions.saved', { name }))} />}
      {data && versions.length === 0 && <p>{t('versions.empty')}</p>}
      <ol className="version-list" aria-label={t('versions.title')}>
        {versions.map((v) => (
          <li key={v.id}>
            <p className="version-name">{v.name}</p>
            <p className="small muted">
              {v.savedByName
                ? t('versions.by', { name: v.savedByName, date: formatDateTime(v.savedAt, language) })
                : t('versions.on', { date: formatDateTime(v.savedAt, language) })}
            </p>
            <div className="button-row">
              <button type="button" className="secondary" aria-pressed={focus?.kind === 'view' && focus.id === v.id}
                onClick={() => setFocus(focus?.kind === 'view' && focus.id === v.id ? null : { kind: 'view', id: v.id })}>
                {focus?.kind === 'view' && focus.id === v.id ? t('versions.hide') : t('versions.view')}
              </button>
              <button type="button" className="secondary" onClick={() => setFocus({ kind: 'compare', from: v.id, to: null })}>
                {t('versions.compareNow')}
              </button>
              {versions.length > 1 && <CompareWith version={v} versions={versions} onCompare={(to) => setFocus({ kind: 'compare', from: v.id, to })} />}
              {canEdit && (
                <button type="button" className="secondary" onClick={() => setFocus({ kind: 'restore', version: v })}>
                  {t('versions.restore')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <p role="status" className="small muted">
        {restoring.fetching ? t('versions.restoring') : done}
      </p>
      {restoring.error && (
        <p role="alert" className="error">
          {t('versions.error', { message: describeError(restoring.error, t, 'versions.error') })}
        </p>
      )}
      {focus?.kind === 'restore' && (
        <div className="confirm" role="alertdialog" aria-label={t('versions.restore')}>
          <p>{t('versions.restore.confirm', { name: focus.version.name })}</p>
          <div className="button-row">
            <button type="button" className="danger" disabled={restoring.fetching} onClick={() => confirmRestore(focus.version)}>
              {t('versions.restore.yes')}
            </button>
            <button type="button" className="secondary" onClick={() => setFocus(null)}>
              {t('projects.cancel')}
            </button>
          </div>
        </div>
      )}
      {focus?.kind === 'view' && <VersionContent versionId={focus.id} />}
      {focus?.kind === 'compare' && <VersionComparison from={focus.from} to={focus.to} />}
    </section>
  );
}

function SaveVersionForm({ projectId, onSaved }: { projectId: string; onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof versionNameProblem>>(null);
  const [{ fetching, error }, save] = useMutation(SavePlanVersionMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = versionNameProblem(name);
    setProblem(found);
    if (found) return;
    const result = await save({ projectId, name: name.trim() }, VERSIONS_DEPENDENT);
    if (!result.error && result.data) {
      setName('');
      onSaved(result.data.saveProjectPlanVersion.name);
    }
  }

  return (
    <form onSubmit={submit} className="save-version" aria-label={t('versions.save')}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('versions.name')}</label>
        <input id={`${id}-name`} value={name} maxLength={250} placeholder={t('versions.namePlaceholder')}
          aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setName(event.target.value)} />
        {problem && (
          <span id={`${id}-problem`} className="field-problem">
            {t(problem)}
          </span>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={fetching}>
          {fetching ? t('versions.saving') : t('versions.save')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {t('versions.error', { message: describeError(error, t, 'versions.error') })}
        </p>
      )}
    </form>
  );
}

/** Picks another version to compare this one with. */
function CompareWith({ version, versions, onCompare }: { version: Version; versions: Version[]; onCompare: (to: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const others = versions.filter((v) => v.id !== version.id);
  const [to, setTo] = useState(others[0]?.id ?? '');
  return (
    <span className="compare-with">
      <label htmlFor={`${id}-to`} className="visually-hidden">
        {t('versions.compareWithLabel', { name: version.name })}
      </label>
      <select id={`${id}-to`} value={to} onChange={(event) => setTo(event.target.value)}>
        {others.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" disabled={!to} onClick={() => onCompare(to)}>
        {t('versions.compareTo')}
      </button>
    </span>
  );
}
