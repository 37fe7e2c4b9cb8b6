import { useSubscription } from 'urql';
import { FACILITATION_DEPENDENT, SynergyChangedSubscription } from './documents';

/**
 * Listens to `synergyChanged` while the page is open. Each event carries a `Synergy`, which makes urql re-run every
 * query marked as depending on synergies: the page shows requests, answers, notes and assignments without reload.
 * Returns how many changes arrived, for a polite announcement.
 */
export function useSynergyChanges(): number {
  const [{ data = 0 }] = useSubscription({ query: SynergyChangedSubscription, context: FACILITATION_DEPENDENT }, (count: number = 0) => count + 1);
  return data;
}
