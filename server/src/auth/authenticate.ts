import type { EntityManager } from '@mikro-orm/postgresql';
import { parseCookie } from 'cookie';
import { unauthenticated } from '../errors/domain-errors.js';
import { loadPrincipal, type Principal } from './principal.loader.js';
import { tokenHash } from './secret-token.js';

export const SESSION_COOKIE = 'fe2i_session';

/**
 * The credentials a connection carries, as header values: the `Cookie` header (session cookie) and the
 * `Authorization` value (`Bearer <API token>`). graphql-ws passes its `connection_init` payload's `authorization`.
 */
export interface CredentialHeaders {
  cookie?: string;
  authorization?: string;
}

/** From credentials to a principal: the one way in for GraphQL over HTTP, graphql-ws and live documents alike. */
export type Authenticate = (headers: CredentialHeaders) => Promise<Principal | null>;

/** The session cookie's value, if any (log-out ends that session). */
export function sessionTokenOf(headers: CredentialHeaders): string | undefined {
  if (!headers.cookie) return undefined;
  return parseCookie(headers.cookie)[SESSION_COOKIE] || undefined;
}

function bearerTokenOf(headers: CredentialHeaders): string | undefined {
  if (!headers.authorization) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(headers.authorization.trim());
  return m ? m[1] : undefined;
}

/**
 * Resolves credentials in one prepared statement (plain rows: no unit of work is needed, so none is forked per
 * request). A bearer token that is wrong is an error (an integrator must know: UNAUTHENTICATED); a stale session
 * cookie just means "signed out".
 */
export function createAuthenticator(em: EntityManager, sessionSecret: string): Authenticate {
  return async (headers) => {
    const bearerToken = bearerTokenOf(headers);
    if (bearerToken !== undefined) {
      const principal = await loadPrincipal(em, 'API_TOKEN', tokenHash(sessionSecret, bearerToken));
      if (!principal) throw unauthenticated('The API token is invalid or revoked.');
      return principal;
    }
    const sessionToken = sessionTokenOf(headers);
    if (sessionToken) return loadPrincipal(em, 'SESSION', tokenHash(sessionSecret, sessionToken));
    return null;
  };
}
