import { ProjectStage } from './project.enums.js';

/**
 * How a project moves. Forward one stage at a time (a study comes before works), back one stage when a step has
 * to be redone, to ABANDONED from any active stage with a reason, and from ABANDONED back to IDEA only: a project
 * taken up again starts over, its history keeps the rest.
 */
const ORDER = [ProjectStage.IDEA, ProjectStage.STUDY, ProjectStage.IMPLEMENTATION, ProjectStage.OPERATIONAL];

export function canMoveStage(from: ProjectStage, to: ProjectStage): boolean {
  if (from === to) return false;
  if (from === ProjectStage.ABANDONED) return to === ProjectStage.IDEA;
  if (to === ProjectStage.ABANDONED) return true;
  return Math.abs(ORDER.indexOf(to) - ORDER.indexOf(from)) === 1;
}

/** The stages reachable from `from`, for clients that offer the choice. */
export function nextStages(from: ProjectStage): ProjectStage[] {
  return Object.values(ProjectStage).filter((to) => canMoveStage(from, to));
}

/**
 * Where the synergy a project came from stands in the territory's indicators ("suggested", "in progress",
 * "operational"): a project being implemented needs its synergy in progress (a party joined, so contact was
 * requested or accepted), and the synergy is operational exactly while its project is.
 */
export function isBeingImplemented(stage: ProjectStage): boolean {
  return stage === ProjectStage.IMPLEMENTATION || stage === ProjectStage.OPERATIONAL;
}
