import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useMemo, useSyncExternalStore } from 'react';
import { presentUsers, type PresentUser } from './presence';

/** Who is in the document now, from the provider's awareness (relayed by the server, never stored). */
export function usePresence(provider: HocuspocusProvider): PresentUser[] {
  const store = useMemo(() => {
    const awareness = provider.awareness;
    const read = () => (awareness ? presentUsers(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID) : []);
    let users = read();
    return {
      subscribe(listener: () => void) {
        const change = () => {
          users = read();
          listener();
        };
        awareness?.on('change', change);
        return () => awareness?.off('change', change);
      },
      snapshot: () => users,
    };
  }, [provider]);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
