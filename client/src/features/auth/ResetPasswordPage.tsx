import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      viewer {
        id
        name
      }
    }
  }
`);

/** The page of a password-reset link (`#/reset/<secret>`): a new password, then signed in. */
export function ResetPasswordPage({ token, onReset }: { token: string; onReset: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [password, setPassword] = useState('');
  const [{ fetching, error }, reset] = useMutation(ResetPasswordMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await reset({ input: { token, password } });
    if (result.data?.resetPassword) {
      location.hash = '#/';
      onReset();
    }
  }

  return (
    <section className="card log-in" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('reset.title')}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('reset.newPassword')}</label>
          <input id={`${id}-password`} type="password" required minLength={10} autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </div>
        {error && (
          <p className="error" role="alert">
            {describeError(error, t)}
          </p>
        )}
        <button type="submit" className="primary" disabled={fetching}>
          {t('reset.submit')}
        </button>
      </form>
    </section>
  );
}
