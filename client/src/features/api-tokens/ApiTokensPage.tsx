import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, type OperationContext } from 'urql';
import { graphql } from '../../gql';
import type { ApiTokensQuery as ApiTokensData } from '../../gql/graphql';
import { useI18n } from '../../i18n/useI18n';
import { describeError } from '../../ui/errors';
import { QueryStatus } from '../../ui/QueryStatus';
import { formatDateTime } from '../../ui/format';
import { tokenState } from './token-state';
import './api-tokens.css';

const ApiTokensQuery = graphql(`
  query ApiTokens {
    viewer {
      id
      apiTokens {
        id
        name
        prefix
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name) {
      token
      apiToken {
        id
        name
      }
    }
  }
`);

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

/** Refreshes the list after a creation even while it holds no token yet. A constant: see urql's context rules. */
const TOKEN_DEPENDENT: Partial<OperationContext> = { additionalTypenames: ['ApiToken'] };

type ApiToken = NonNullable<ApiTokensData['viewer']>['apiTokens'][number];

/** The integrator's tokens: create one with a name (its secret shown once), see when each was last used, revoke. */
export function ApiTokensPage() {
  const { t } = useI18n();
  const id = useId();
  const [{ data, fetching, error }] = useQuery({ query: ApiTokensQuery, context: TOKEN_DEPENDENT });
  const tokens = data?.viewer?.apiTokens ?? [];

  return (
    <section aria-labelledby={`${id}-title`} className="api-tokens-page workspace">
      <h1 id={`${id}-title`}>{t('tokens.title')}</h1>
      <p className="muted">{t('tokens.intro')}</p>
      <CreateTokenForm />
      <h2>{t('tokens.listTitle')}</h2>
      <QueryStatus loading={fetching && !data} error={error} errorKey="tokens.error" />
      {data && tokens.length === 0 && <p>{t('tokens.empty')}</p>}
      <ul className="token-list">
        {tokens.map((token) => (
          <TokenItem key={token.id} token={token} />
        ))}
      </ul>
    </section>
  );
}

function CreateTokenForm() {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [created, create] = useMutation(CreateApiTokenMutation);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await create({ name: name.trim() });
    if (result.data) {
      setSecret({ name: result.data.createApiToken.apiToken.name, token: result.data.createApiToken.token });
      setName('');
    }
  }

  return (
    <section className="card-lite create-token" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('tokens.create')}</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
          <input id={`${id}-name`} required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} aria-describedby={`${id}-hint`} />
          <p id={`${id}-hint`} className="muted small field-hint">
            {t('tokens.nameHint')}
          </p>
        </div>
        <button type="submit" className="primary" disabled={created.fetching || name.trim() === ''}>
          {t('tokens.createButton')}
        </button>
      </form>
      {created.error && (
        <p role="alert" className="error">
          {t('tokens.createError', { message: describeError(created.error, t) })}
        </p>
      )}
      {secret && (
        <div className="token-secret" role="status">
          <p>
            <strong>{t('tokens.secretTitle', { name: secret.name })}</strong>
          </p>
          <p className="notice">{t('tokens.secretOnce')}</p>
          <code aria-label={t('tokens.secretLabel')}>{secret.token}</code>
          <p className="small">{t('tokens.usage')}</p>
          <button type="button" className="secondary" onClick={() => setSecret(null)}>
            {t('tokens.secretDone')}
          </button>
        </div>
      )}
    </section>
  );
}

function TokenItem({ token }: { token: ApiToken }) {
  const { t, language } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [revoked, revoke] = useMutation(RevokeApiTokenMutation);
  const state = tokenState(token);
  return (
    <li className={`token-item ${state}`}>
      <h3>{token.name}</h3>
      <p className="small">
        <span className="code">{token.prefix}…</span> · {t('tokens.createdAt', { date: formatDateTime(token.createdAt, language) })} ·{' '}
        {token.lastUsedAt ? t('tokens.lastUsedAt', { date: formatDateTime(token.lastUsedAt, language) }) : t('tokens.neverUsed')}
      </p>
      {token.revokedAt ? (
        <p className="small">
          <span className="tag archived">{t('tokens.revoked', { date: formatDateTime(token.revokedAt, language) })}</span>
        </p>
      ) : confirming ? (
        <div className="confirm" role="group" aria-label={t('tokens.confirm', { name: token.name })}>
          <p>{t('tokens.confirm', { name: token.name })}</p>
          <button type="button" className="danger" disabled={revoked.fetching} onClick={() => revoke({ id: token.id })}>
            {t('tokens.revokeConfirm')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t('actions.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          {t('tokens.revoke')}
        </button>
      )}
      {revoked.error && (
        <p role="alert" className="error">
          {t('tokens.revokeError', { message: describeError(revoked.error, t) })}
        </p>
      )}
    </li>
  );
}
