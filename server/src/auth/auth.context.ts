import type { MaybeViewer } from '../policy/viewer.js';
import type { TerritoryResolverContext } from '../territory/territory.context.js';
import type { AuthService } from './auth.service.js';
import type { Principal } from './principal.loader.js';

/** Over HTTP: what log-in and log-out need of the exchange. Absent over WebSocket. */
export interface HttpSession {
  clientAddress: string;
  sessionToken?: string;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

/**
 * Who asks, as every resolver reads it. Log-in, sign-up and the creation of an organisation replace it, so that
 * the rest of the same response sees the new facts.
 */
export interface ViewerContext {
  principal: Principal | null;
  viewer: MaybeViewer;
}

/** What auth resolvers read from the request context (the composition root provides a superset). */
export type AuthResolverContext = ViewerContext & TerritoryResolverContext & {
  services: { auth: AuthService };
  http?: HttpSession;
};
