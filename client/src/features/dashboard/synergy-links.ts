import type { DashboardSynergy } from './dashboard-data';
import { stageOf, type SynergyStage } from './stages';

type Participant = DashboardSynergy['participants'][number];

/** Two sides of a synergy joined by a line: for a substitution the output and the input, for a pooling each member and the first. */
export interface SynergyLink {
  synergyId: string;
  stage: SynergyStage;
  from: Participant;
  fromIndex: number;
  to: Participant;
  toIndex: number;
}

/** The lines of every open synergy, between its sides as the API gives them (named or anonymous). */
export function synergyLinks(synergies: readonly DashboardSynergy[]): SynergyLink[] {
  const links: SynergyLink[] = [];
  for (const synergy of synergies) {
    const stage = stageOf(synergy.status);
    if (!stage) continue;
    const sides = synergy.participants.map((participant, index) => ({ participant, index }));
    const outputs = sides.filter((side) => side.participant.role === 'OUTPUT');
    const inputs = sides.filter((side) => side.participant.role === 'INPUT');
    const pairs =
      outputs.length > 0 && inputs.length > 0
        ? outputs.flatMap((output) => inputs.map((input) => [output, input] as const))
        : sides.slice(1).map((member) => [sides[0], member] as const);
    for (const [from, to] of pairs) {
      links.push({ synergyId: synergy.id, stage, from: from.participant, fromIndex: from.index, to: to.participant, toIndex: to.index });
    }
  }
  return links;
}
