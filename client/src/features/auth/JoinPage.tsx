import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { QueryStatus } from '../../ui/QueryStatus';

const InvitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      organizationName
      email
      expiresAt
      accountExists
    }
  }
`);

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      viewer {
        id
        name
      }
    }
  }
`);

/**
 * The page of an invitation link (`#/join/<secret>`), shown whether or not someone is signed in: who invites to
 * what, then a name and a new password (or the existing account's password); on success the session is open.
 */
export function JoinPage({ token, onJoined }: { token: string; onJoined: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [{ data, fetching, error }] = useQuery({ query: InvitationQuery, variables: { token } });
  const [accepted, accept] = useMutation(AcceptInvitationMutation);
  const invitation = data?.invitation;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await accept({ input: { token, name, password } });
    if (result.data?.acceptInvitation) {
      location.hash = '#/';
      onJoined();
    }
  }

  return (
    <section className="card log-in" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('join.title')}</h1>
      <QueryStatus loading={fetching && !data} error={error} errorKey="join.invalid" />
      {invitation && (
        <>
          <p>{t('join.intro', { organization: invitation.organizationName, email: invitation.email })}</p>
          <form onSubmit={(event) => void submit(event)}>
            {!invitation.accountExists && (
              <div className="field">
                <label htmlFor={`${id}-name`}>{t('join.name')}</label>
                <input id={`${id}-name`} required autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />
              </div>
            )}
            <div className="field">
              <label htmlFor={`${id}-password`}>{invitation.accountExists ? t('join.existingPassword') : t('join.newPassword')}</label>
              <input
                id={`${id}-password`}
                type="password"
                required
                minLength={invitation.accountExists ? undefined : 10}
                autoComplete={invitation.accountExists ? 'current-password' : 'new-password'}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            {accepted.error && (
              <p className="error" role="alert">
                {describeError(accepted.error, t)}
              </p>
            )}
            <button type="submit" className="primary" disabled={accepted.fetching}>
              {t('join.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
