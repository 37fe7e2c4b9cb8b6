import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { serverProblems } from '../../ui/field-problems';
import { FormField } from '../../ui/FormField';
import { wordProblem } from '../flows/problem-messages';
import type { MappedSite } from './OrganizationSitesMap';
import { EMPTY_SITE, placeOf, SITE_FIELDS, toAddSiteInput, typedDegrees, type SiteField, type SiteFormState } from './site-form';

// Leaflet comes with the form, not with the first screen.
const SitePlacer = lazy(() => import('./SitePlacer'));

const AddSiteMutation = graphql(`
  mutation AddSite($organizationId: ID!, $input: AddSiteInput!) {
    addSite(organizationId: $organizationId, input: $input) {
      id
      name
      city
    }
  }
`);

const UpdateSiteMutation = graphql(`
  mutation UpdateSite($id: ID!, $input: UpdateSiteInput!) {
    updateSite(id: $id, input: $input) {
      id
      name
      address
      postalCode
      city
      latitude
      longitude
      siret
    }
  }
`);

/** The site being edited: its ID, its name as saved (for the title) and its fields as the form shows them. */
export interface EditedSite {
  id: string;
  name: string;
  state: SiteFormState;
}

const FIELD_LABELS = {
  name: 'site.name',
  address: 'site.address',
  postalCode: 'site.postalCode',
  city: 'site.city',
  latitude: 'site.latitude',
  longitude: 'site.longitude',
  siret: 'site.siret',
} as const satisfies Record<SiteField, string>;

/**
 * Adds a located site to an organisation the viewer may edit (its flows can then be declared there), or, given
 * `site`, changes an existing one: its name, address, SIRET and coordinates.
 */
export function AddSiteForm({ organizationId, onAdded, site, onCancel, around = [] }: { organizationId: string; onAdded(): void; site?: EditedSite; onCancel?(): void; around?: readonly MappedSite[] }) {
  const { t, language } = useI18n();
  const id = useId();
  const [state, setState] = useState<SiteFormState>(site?.state ?? EMPTY_SITE);
  const [local, setLocal] = useState<Partial<Record<SiteField, 'required' | 'notANumber'>>>({});
  const [addedResult, add] = useMutation(AddSiteMutation);
  const [updatedResult, update] = useMutation(UpdateSiteMutation);
  const added = site ? updatedResult : addedResult;
  const server = serverProblems(added.error, SITE_FIELDS);
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, added.error]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const outcome = toAddSiteInput(state);
    if (!outcome.ok) {
      setLocal(outcome.problems);
      setAttempt((n) => n + 1);
      return;
    }
    setLocal({});
    const result = site ? await update({ id: site.id, input: outcome.input }) : await add({ organizationId, input: outcome.input });
    if (result.data) {
      setState(EMPTY_SITE);
      onAdded();
    }
  }

  const problemsOf = (field: SiteField) => [
    ...(local[field] ? [t(`flowForm.problem.${local[field]}`)] : []),
    ...(server.fields[field] ?? []).map((message) => wordProblem(message, t)),
  ];

  return (
    <form ref={form} className="site-form card-lite" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{site ? t('site.editTitle', { name: site.name }) : t('site.add')}</h3>
      <div className="field-row">
        {SITE_FIELDS.map((field) => (
          <FormField
            key={field}
            id={`${id}-${field}`}
            label={t(FIELD_LABELS[field])}
            hint={field === 'latitude' ? t('site.coordinatesHint') : undefined}
            problems={problemsOf(field)}
          >
            {(control) => (
              <input
                {...control}
                inputMode={field === 'latitude' || field === 'longitude' ? 'decimal' : undefined}
                value={state[field]}
                onChange={(event) => setState((current) => ({ ...current, [field]: event.target.value }))}
              />
            )}
          </FormField>
        ))}
      </div>
      <Suspense fallback={null}>
        <SitePlacer
          place={placeOf(state)}
          around={around.filter((other) => other.id !== site?.id)}
          label={t('site.placer')}
          onPlace={(latitude, longitude) => setState((current) => ({ ...current, latitude: typedDegrees(latitude, language), longitude: typedDegrees(longitude, language) }))}
        />
      </Suspense>
      <p className="muted small">{t('site.placerHint')}</p>
      {added.error && Object.keys(server.fields).length === 0 && (
        <p role="alert" className="error">
          {t(site ? 'site.editError' : 'site.error', { message: server.general[0] ?? describeError(added.error, t) })}
        </p>
      )}
      <button type="submit" className="primary" disabled={added.fetching}>
        {added.fetching ? t('flowForm.saving') : t(site ? 'site.save' : 'site.submit')}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('site.cancel')}
        </button>
      )}
    </form>
  );
}
