import DataLoader from 'dataloader';
import type { MaybeViewer } from '../../policy/viewer.js';
import type { Assignee, FacilitationService } from './facilitation.service.js';

/**
 * Per-request batching of who follows each synergy: a list of synergies costs one statement for its assignees.
 * `viewer` is read when a batch runs. Batching only, no cache: a subscription's context lives as long as it does, and
 * each event must read who follows the synergy now.
 */
export function createFacilitationLoaders(facilitation: FacilitationService, viewer: () => MaybeViewer) {
  const synergyAssignees = new DataLoader<string, Assignee | null>(async (ids) => {
    const found = await facilitation.assignees(viewer(), ids);
    return ids.map((id) => found.get(id) ?? null);
  }, { cache: false });
  return { synergyAssignees };
}

export type FacilitationLoaders = ReturnType<typeof createFacilitationLoaders>;
