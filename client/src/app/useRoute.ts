import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../ui/route';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/** The current route; changes when the hash does (links, back and forward). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  return parseRoute(hash);
}
