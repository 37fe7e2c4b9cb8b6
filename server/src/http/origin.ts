import type { IncomingMessage } from 'node:http';

/**
 * Browsers always send Origin on WebSocket upgrades; a page of another site must not open a socket that carries
 * our session cookie (cross-site WebSocket hijacking). Non-browser clients (integrators) send no Origin and
 * authenticate with a bearer token.
 */
export function isAllowedOrigin(request: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  const host = request.headers.host;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
