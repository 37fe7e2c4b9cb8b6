/**
 * The places of the app, kept in the address's hash (`#/synergies/…`) so that links are real links, the browser's
 * back button works and a page can be shared by its address — with no server-side routing.
 */
export type Route =
  | { name: 'directory' }
  | { name: 'organization'; id: string }
  | { name: 'flows' }
  | { name: 'newFlow' }
  | { name: 'flow'; id: string }
  | { name: 'synergies' }
  | { name: 'newSynergy' }
  | { name: 'synergy'; id: string }
  | { name: 'projects' }
  | { name: 'project'; id: string }
  | { name: 'apiTokens' }
  | { name: 'dashboard' }
  | { name: 'report' }
  | { name: 'import' }
  | { name: 'join'; token: string }
  | { name: 'reset'; token: string }
  | { name: 'setup'; token: string }
  | { name: 'notFound'; path: string };

/** Lists whose items open a page of their own at `#/<list>/<id>`; an undecodable id falls back to the list. */
const ITEM_ROUTES = {
  organizations: { list: { name: 'directory' }, item: (id: string): Route => ({ name: 'organization', id }) },
  flows: { list: { name: 'flows' }, item: (id: string): Route => (id === 'new' ? { name: 'newFlow' } : { name: 'flow', id }) },
  synergies: { list: { name: 'synergies' }, item: (id: string): Route => (id === 'new' ? { name: 'newSynergy' } : { name: 'synergy', id }) },
  projects: { list: { name: 'projects' }, item: (id: string): Route => ({ name: 'project', id }) },
} satisfies Record<string, { list: Route; item: (id: string) => Route }>;

/** The route of a location hash; an address that names no page is `notFound`, never silently another page. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'directory' };
  if (parts.length === 1 && parts[0] === 'api-tokens') return { name: 'apiTokens' };
  if (parts.length === 1 && parts[0] === 'dashboard') return { name: 'dashboard' };
  if (parts.length === 1 && parts[0] === 'report') return { name: 'report' };
  if (parts.length === 1 && parts[0] === 'import') return { name: 'import' };
  if (parts.length === 2 && parts[0] === 'join') return { name: 'join', token: parts[1] };
  if (parts.length === 2 && parts[0] === 'reset') return { name: 'reset', token: parts[1] };
  if (parts.length === 2 && parts[0] === 'setup') return { name: 'setup', token: parts[1] };
  if (Object.hasOwn(ITEM_ROUTES, parts[0]) && parts.length <= 2) {
    const { list, item } = ITEM_ROUTES[parts[0] as keyof typeof ITEM_ROUTES];
    if (parts.length === 1) return list;
    try {
      return item(decodeURIComponent(parts[1]));
    } catch {
      return list;
    }
  }
  return { name: 'notFound', path: `/${path}` };
}

/** The `href` of a route. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'directory':
      return '#/';
    case 'organization':
      return `#/organizations/${encodeURIComponent(route.id)}`;
    case 'flows':
      return '#/flows';
    case 'newFlow':
      return '#/flows/new';
    case 'flow':
      return `#/flows/${encodeURIComponent(route.id)}`;
    case 'synergies':
      return '#/synergies';
    case 'newSynergy':
      return '#/synergies/new';
    case 'synergy':
      return `#/synergies/${encodeURIComponent(route.id)}`;
    case 'projects':
      return '#/projects';
    case 'project':
      return `#/projects/${encodeURIComponent(route.id)}`;
    case 'apiTokens':
      return '#/api-tokens';
    case 'dashboard':
      return '#/dashboard';
    case 'report':
      return '#/report';
    case 'import':
      return '#/import';
    case 'join':
      return `#/join/${route.token}`;
    case 'reset':
      return `#/reset/${route.token}`;
    case 'setup':
      return `#/setup/${route.token}`;
    case 'notFound':
      return `#${route.path}`;
  }
}

/** The section of the main navigation a route belongs to, if any. */
export function sectionOf(route: Route): 'directory' | 'flows' | 'synergies' | 'projects' | 'dashboard' | 'report' | 'import' | 'apiTokens' | null {
  switch (route.name) {
    case 'directory':
    case 'organization':
      return 'directory';
    case 'flows':
    case 'newFlow':
    case 'flow':
      return 'flows';
    case 'synergies':
    case 'newSynergy':
    case 'synergy':
      return 'synergies';
    case 'dashboard':
      return 'dashboard';
    case 'report':
      return 'report';
    case 'import':
      return 'import';
    case 'join':
    case 'reset':
    case 'setup':
      return null;
    case 'projects':
    case 'project':
      return 'projects';
    case 'apiTokens':
      return 'apiTokens';
    case 'notFound':
      return null;
  }
}
