import type { HttpSession, ViewerContext } from './auth.context.js';
import type { NewSession } from './auth.service.js';
import { type AuthPayload, UserNode } from './auth.types.js';

/**
 * The answer of every mutation that opens a session (log-in, sign-up, an invitation, a reset or a setup link):
 * the session cookie on an HTTP exchange, and the new viewer for the rest of the same response.
 */
export function signedIn(session: NewSession, ctx: ViewerContext & { http?: HttpSession }): AuthPayload {
  ctx.http?.setSessionCookie(session.sessionToken, session.expiresAt);
  ctx.principal = session.principal;
  ctx.viewer = session.principal.viewer;
  return { viewer: UserNode.from(session.principal.user) };
}
