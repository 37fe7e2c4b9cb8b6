import { stringifySetCookie } from 'cookie';
import { SESSION_COOKIE } from '../auth/authenticate.js';

/** HttpOnly: scripts never read it; SameSite=Lax: other sites cannot post with it. */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return stringifySetCookie({ name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearedSessionCookie(secure: boolean): string {
  return stringifySetCookie({ name: SESSION_COOKIE, value: '', httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0) });
}
