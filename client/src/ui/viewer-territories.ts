/** A territory the workspace can show impacts of; facilitators may also run the detection there. */
export interface WorkspaceTerritory {
  id: string;
  name: string;
  facilitated: boolean;
}

interface ViewerTerritories {
  facilitatedTerritories: readonly { id: string; name: string }[];
  memberships: readonly { organization: { territory: { id: string; name: string } } }[];
}

/**
 * The territories of the viewer, once each: those they facilitate first (in the API's order), then those of
 * their organisations.
 */
export function workspaceTerritories(viewer: ViewerTerritories): WorkspaceTerritory[] {
  const territories = new Map<string, WorkspaceTerritory>();
  for (const { id, name } of viewer.facilitatedTerritories) {
    if (!territories.has(id)) territories.set(id, { id, name, facilitated: true });
  }
  for (const { organization } of viewer.memberships) {
    const { id, name } = organization.territory;
    if (!territories.has(id)) territories.set(id, { id, name, facilitated: false });
  }
  return [...territories.values()];
}

/** The territory the viewer chose, or the first when they chose none (or one no longer theirs); none if they have none. */
export function chosenTerritory(territories: readonly WorkspaceTerritory[], chosenId: string | null): WorkspaceTerritory | undefined {
  return territories.find((candidate) => candidate.id === chosenId) ?? territories[0];
}
