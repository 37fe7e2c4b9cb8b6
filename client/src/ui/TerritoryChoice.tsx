import { useState } from 'react';
import { chosenTerritory, type WorkspaceTerritory } from './viewer-territories';

/** The territory a workspace shows among the viewer's (see `chosenTerritory`), and how to choose another. */
export function useTerritoryChoice(territories: readonly WorkspaceTerritory[]): [WorkspaceTerritory | undefined, (id: string) => void] {
  const [chosenId, setChosenId] = useState<string | null>(null);
  return [chosenTerritory(territories, chosenId), setChosenId];
}

interface TerritoryChoiceProps {
  id: string;
  label: string;
  territories: readonly WorkspaceTerritory[];
  chosen: WorkspaceTerritory | undefined;
  onChoose: (id: string) => void;
}

/** A labelled list of the viewer's territories to choose the one a workspace shows; nothing when they have one or none. */
export function TerritoryChoice({ id, label, territories, chosen, onChoose }: TerritoryChoiceProps) {
  if (territories.length < 2) return null;
  return (
    <div className="field inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={chosen?.id} onChange={(event) => onChoose(event.target.value)}>
        {territories.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
    </div>
  );
}
