/**
 * The few places of the app, kept in the address's hash (`#/synergies/…`) so that links are real links, the
 * browser's back button works and a synergy can be shared by its address — with no server-side routing.
 */
export type Route = { name: 'directory' } | { name: 'synergies' } | { name: 'synergy'; id: string };

const DEFAULT_ROUTE: Route = { name: 'directory' };

/** The route of a location hash; anything unknown falls back to the directory. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'synergies') {
    if (parts.length === 1) return { name: 'synergies' };
    if (parts.length === 2) {
      try {
        return { name: 'synergy', id: decodeURIComponent(parts[1]) };
      } catch {
        return { name: 'synergies' };
      }
    }
  }
  return DEFAULT_ROUTE;
}

/** The `href` of a route. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'directory':
      return '#/';
    case 'synergies':
      return '#/synergies';
    case 'synergy':
      return `#/synergies/${encodeURIComponent(route.id)}`;
  }
}
