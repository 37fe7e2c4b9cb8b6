import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { serverProblems } from '../../ui/field-problems';
import { FormField } from '../../ui/FormField';
import { formatDateTime } from '../../ui/format';
import { QueryStatus } from '../../ui/QueryStatus';
import { SETUP_FIELDS, wordSetupProblem, type SetupField } from './setup-problems';

const FirstFacilitatorSetupQuery = graphql(`
  query FirstFacilitatorSetup($token: String!) {
    firstFacilitatorSetup(token: $token) {
      expiresAt
    }
  }
`);

const CreateFirstFacilitatorMutation = graphql(`
  mutation CreateFirstFacilitator($input: CreateFirstFacilitatorInput!) {
    createFirstFacilitator(input: $input) {
      viewer {
        id
        name
      }
    }
  }
`);

const EMPTY: Record<SetupField, string> = { name: '', email: '', password: '', territoryName: '', organizationName: '' };
const INPUT_TYPES: Partial<Record<SetupField, { type: string; autoComplete: string }>> = {
  name: { type: 'text', autoComplete: 'name' },
  email: { type: 'email', autoComplete: 'username' },
  password: { type: 'password', autoComplete: 'new-password' },
  organizationName: { type: 'text', autoComplete: 'organization' },
};
const HINTS: Partial<Record<SetupField, 'setup.territoryHint' | 'setup.organizationHint'>> = {
  territoryName: 'setup.territoryHint',
  organizationName: 'setup.organizationHint',
};

/**
 * The page of the setup link a fresh instance prints in its log (`#/setup/<secret>`): the first facilitator's
 * account, territory and facilitating organisation; on success the session is open.
 */
export function SetupPage({ token, onCreated }: { token: string; onCreated: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [values, setValues] = useState(EMPTY);
  const [{ data, fetching, error }] = useQuery({ query: FirstFacilitatorSetupQuery, variables: { token } });
  const [created, create] = useMutation(CreateFirstFacilitatorMutation);
  const setup = data?.firstFacilitatorSetup;
  const problems = serverProblems(created.error, SETUP_FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await create({ input: { token, ...values } });
    if (result.data?.createFirstFacilitator) {
      location.hash = '#/';
      onCreated();
    }
  }

  return (
    <section className="card log-in" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('setup.title')}</h1>
      <QueryStatus loading={fetching && !data} error={error} errorKey="setup.invalid" />
      {setup && (
        <>
          <p>{t('setup.intro')}</p>
          <p className="muted small">{t('setup.expires', { date: formatDateTime(setup.expiresAt, language) })}</p>
          <form onSubmit={(event) => void submit(event)} noValidate>
            {SETUP_FIELDS.map((field) => (
              <FormField
                key={field}
                id={`${id}-${field}`}
                label={t(`setup.${field}`)}
                hint={HINTS[field] && t(HINTS[field])}
                problems={(problems.fields[field] ?? []).map((message) => wordSetupProblem(message, t))}
              >
                {(control) => (
                  <input
                    {...control}
                    type={INPUT_TYPES[field]?.type ?? 'text'}
                    autoComplete={INPUT_TYPES[field]?.autoComplete ?? 'off'}
                    required
                    value={values[field]}
                    onChange={(event) => setValues((v) => ({ ...v, [field]: event.target.value }))}
                  />
                )}
              </FormField>
            ))}
            {created.error && problems.general.length > 0 && (
              <p className="error" role="alert">
                {describeError(created.error, t)}
              </p>
            )}
            <button type="submit" className="primary" disabled={created.fetching}>
              {t('setup.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
