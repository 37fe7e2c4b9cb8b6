import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** "Mot de passe oublié ?": asks for a link by e-mail; the answer is the same whether the address has an account. */
export function PasswordResetRequest() {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [{ fetching, error, data }, request] = useMutation(RequestPasswordResetMutation);

  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('reset.forgot')}
      </button>
    );
  }
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await request({ email });
  }
  return (
    <form className="reset-request" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reset.forgot')}</h2>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('reset.email')}</label>
        <input id={`${id}-email`} type="email" required autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <button type="submit" className="secondary" disabled={fetching}>
        {t('reset.send')}
      </button>
      {data?.requestPasswordReset && <p role="status">{t('reset.sent')}</p>}
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
    </form>
  );
}
