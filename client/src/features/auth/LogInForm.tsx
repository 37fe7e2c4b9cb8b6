import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../../ui/errors';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { PasswordResetRequest } from './PasswordResetRequest';

const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      viewer {
        id
        name
      }
    }
  }
`);

/** E-mail and password; on success the server sets the session cookie and `onLoggedIn` reloads the viewer. */
export function LogInForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, logIn] = useMutation(LogInMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await logIn({ input: { email, password } });
    if (result.data?.logIn) onLoggedIn();
  }

  return (
    <>
      <section className="card log-in" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('auth.title')}</h1>
        <p className="muted">{t('auth.intro')}</p>
        <form onSubmit={submit} aria-describedby={error ? `${id}-error` : undefined}>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('auth.email')}</label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          {error && (
            <p id={`${id}-error`} className="error" role="alert">
              {describeError(error, t, 'auth.error')}
            </p>
          )}
          <button type="submit" className="primary" disabled={fetching}>
            {fetching ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
        <PasswordResetRequest />
      </section>
      <AboutFe2i />
    </>
  );
}

/** What FE2I is and who runs it, for someone who arrives here first (issue 12). */
function AboutFe2i() {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="card log-in about" aria-labelledby={`${id}-about`}>
      <h2 id={`${id}-about`}>{t('auth.about.title')}</h2>
      <p>{t('auth.about.fe2i')}</p>
      <p>{t('auth.about.valolab')}</p>
      <p>{t('auth.about.trust')}</p>
      <p className="muted">{t('auth.about.join')}</p>
    </section>
  );
}
