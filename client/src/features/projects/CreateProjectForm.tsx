import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { hrefOf } from '../../ui/route';

const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
      title
      stage
    }
  }
`);

/** Where the project comes from: a synergy (its title suggested) or, for facilitators, their territory. */
export type ProjectOrigin = { synergyId: string; suggestedTitle: string } | { territoryId: string };

const TITLE_MIN = 3;
const TITLE_MAX = 200;

/**
 * "Créer un projet": a button that opens a one-field form, then the new project's page. The API decides who may
 * (a facilitator of the territory, or a party once every side consented) and its refusal is shown as it is.
 */
export function CreateProjectForm({ origin }: { origin: ProjectOrigin }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('synergyId' in origin ? origin.suggestedTitle.slice(0, TITLE_MAX) : '');
  const [{ fetching, error }, createProject] = useMutation(CreateProjectMutation);
  const trimmed = title.trim();
  const valid = trimmed.length >= TITLE_MIN && trimmed.length <= TITLE_MAX;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    const where = 'synergyId' in origin ? { synergyId: origin.synergyId } : { territoryId: origin.territoryId };
    const result = await createProject({ input: { title: trimmed, ...where } });
    const created = result.data?.createProject;
    if (created) window.location.hash = hrefOf({ name: 'project', id: created.id });
  }

  if (!open) {
    return (
      <p className="create-project">
        <button type="button" className="primary" onClick={() => setOpen(true)}>
          {t('projects.create')}
        </button>
      </p>
    );
  }
  return (
    <form className="create-project actions card-lite" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('projects.create.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('projects.create.name')}</label>
        <input
          id={`${id}-name`}
          value={title}
          maxLength={TITLE_MAX}
          autoFocus
          aria-describedby={`${id}-hint`}
          onChange={(event) => setTitle(event.target.value)}
        />
        <span id={`${id}-hint`} className="muted small">
          {t('projects.create.nameHint', { min: TITLE_MIN, max: TITLE_MAX })}
        </span>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={fetching || !valid}>
          {fetching ? t('projects.create.submitting') : t('projects.create.submit')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('projects.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {t('projects.create.error', { message: describeError(error, t, 'projects.create.error') })}
        </p>
      )}
    </form>
  );
}
