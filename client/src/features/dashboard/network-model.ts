import type { OrganizationKind } from '../../gql/graphql';
import type { DashboardSynergy } from './dashboard-data';
import type { SynergyStage } from './stages';
import { synergyLinks } from './synergy-links';

/** An organisation of the network: named when the API names it, else one anonymous party of one synergy. */
export interface NetworkNode {
  id: string;
  name: string | null;
  kind: OrganizationKind;
  isYours: boolean;
  x: number;
  y: number;
}

export interface NetworkEdge {
  synergyId: string;
  stage: SynergyStage;
  from: string;
  to: string;
}

export interface NetworkModel {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/**
 * Organisations as nodes on a circle (named ones by name, anonymous ones after), synergies as edges. An anonymous
 * side is a node of its own in each synergy: merging them would tell the viewer that two suggestions share a party.
 */
export function networkModel(synergies: readonly DashboardSynergy[], radius = 1): NetworkModel {
  const nodes = new Map<string, Omit<NetworkNode, 'x' | 'y'>>();
  const nodeOf = (synergyId: string, index: number, participant: DashboardSynergy['participants'][number]): string | null => {
    if (participant.organization) {
      const { id, name, kind } = participant.organization;
      const known = nodes.get(id);
      nodes.set(id, { id, name, kind, isYours: participant.isYours || (known?.isYours ?? false) });
      return id;
    }
    if (!participant.anonymous) return null;
    const id = `anonymous:${synergyId}:${index}`;
    // A kind the server withholds is drawn as any other organisation's.
    nodes.set(id, { id, name: null, kind: participant.anonymous.organizationKind ?? 'OTHER', isYours: false });
    return id;
  };
  const edges: NetworkEdge[] = [];
  for (const link of synergyLinks(synergies)) {
    const from = nodeOf(link.synergyId, link.fromIndex, link.from);
    const to = nodeOf(link.synergyId, link.toIndex, link.to);
    if (from && to && from !== to) edges.push({ synergyId: link.synergyId, stage: link.stage, from, to });
  }
  const ordered = [...nodes.values()].sort(
    (a, b) => Number(a.name === null) - Number(b.name === null) || (a.name ?? '').localeCompare(b.name ?? '', 'fr') || a.id.localeCompare(b.id),
  );
  const placed = ordered.map((node, index) => {
    const angle = (2 * Math.PI * index) / ordered.length - Math.PI / 2;
    return { ...node, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
  return { nodes: placed, edges };
}
