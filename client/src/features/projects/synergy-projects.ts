/** What the synergy page knows when it decides whether to offer "Créer un projet". */
export interface ProjectOfferFacts {
  /** The viewer facilitates at least one territory (a synergy they see as a non-party is one of theirs). */
  facilitates: boolean;
  identitiesRevealed: boolean;
  participants: readonly { isYours: boolean }[];
  /** Projects of this synergy the viewer sees that are still under way. */
  activeProjects: number;
}

/**
 * Whether to offer to start a project from a synergy: to its territory's facilitators, and to a party once every
 * side consented (identities are then revealed), while no project of it is under way. The API has the last word:
 * its refusal (FORBIDDEN, CONFLICT) is shown as it is.
 */
export function mayOfferProject(facts: ProjectOfferFacts): boolean {
  if (facts.activeProjects > 0) return false;
  if (facts.facilitates) return true;
  return facts.identitiesRevealed && facts.participants.some((p) => p.isYours);
}
