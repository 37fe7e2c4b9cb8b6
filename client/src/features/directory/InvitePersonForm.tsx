import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { MembershipRole } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';

const InviteToOrganizationMutation = graphql(`
  mutation InviteToOrganization($organizationId: ID!, $email: String!, $role: MembershipRole) {
    inviteToOrganization(organizationId: $organizationId, email: $email, role: $role) {
      path
      email
      expiresAt
    }
  }
`);

/**
 * For the organisation's admins and its territory's facilitators: an invitation link for one person, shown once to
 * be sent to them (it works once, for a week, and makes their account as an approved member).
 */
export function InvitePersonForm({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('MEMBER');
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);
  const [{ fetching, error }, invite] = useMutation(InviteToOrganizationMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await invite({ organizationId, email, role });
    const made = result.data?.inviteToOrganization;
    if (made) {
      setLink({ url: `${location.origin}${made.path}`, email: made.email });
      setEmail('');
    }
  }

  return (
    <section className="card-lite invite-person" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('invite.title')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('invite.email')}</label>
          <input id={`${id}-email`} type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('invite.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as MembershipRole)}>
            <option value="MEMBER">{t('invite.role.MEMBER')}</option>
            <option value="ADMIN">{t('invite.role.ADMIN')}</option>
          </select>
        </div>
        <button type="submit" className="secondary" disabled={fetching || email.trim() === ''}>
          {t('invite.submit')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
      {link && (
        <div role="status" className="invite-link">
          <p>{t('invite.made', { email: link.email })}</p>
          <code aria-label={t('invite.link')}>{link.url}</code>
        </div>
      )}
    </section>
  );
}
