import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readPlanView, type PlanView } from './plan-model';

/** The plan's structured parts, read again after each change of the document, from this browser or another. */
export function usePlanView(doc: Y.Doc): PlanView {
  const store = useMemo(() => {
    let view = readPlanView(doc);
    return {
      subscribe(listener: () => void) {
        const update = () => {
          view = readPlanView(doc);
          listener();
        };
        doc.on('update', update);
        return () => doc.off('update', update);
      },
      snapshot: () => view,
    };
  }, [doc]);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
