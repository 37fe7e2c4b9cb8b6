import type { EntityManager } from '@mikro-orm/postgresql';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import type { SynergyReadScope } from '../../policy/synergy-policy.js';
import type { ExplanationItem } from '../engine/engine.types.js';
import { ParticipantRole, SynergyKind } from '../model/synergy.enums.js';
import type { SynergyRecord } from '../model/synergy.record.js';

/**
 * Each suggestion is scored on its own, so one need can be offered three sources that together bring 250 % of it,
 * and one source promised to three takers. A facilitator must see it before putting anyone in touch: for the flows
 * of a page, this reads in how many open substitutions each takes part on its side, and the share of it they would
 * cover together (the sum of the coverages the engine computed, stored with each synergy's explanation).
 */
export interface FlowCommitment {
  /** Open substitutions the flow takes part in on this side (this one included). */
  count: number;
  /** The share of the flow they would use together (1 = all of it). */
  share: number;
}

/** Beyond this, the flow is promised more than it has: 5 % of slack for rounded quantities. */
export const OVER_ALLOCATED = 1.05;

/**
 * Commitments of `flowIds`, by `flowId:ROLE`, counting only the suggestions in the viewer's `scope`
 * (synergyReadScope): a notice never tells of a suggestion the viewer cannot open. One statement.
 */
export async function loadFlowCommitments(em: EntityManager, scope: SynergyReadScope, flowIds: string[]): Promise<Map<string, FlowCommitment>> {
  if (flowIds.length === 0 || (scope.territoryIds.length === 0 && scope.organizationIds.length === 0)) return new Map();
  const rows: { flow_id: string; role: string; n: number; share: number | string | null }[] = await em.execute(
    `select p.flow_id, p.role, count(*)::int as n,
        sum(coalesce((s.explanation -> 'coverage' ->> (case when p.role = 'OUTPUT' then 'output' else 'input' end))::float, 0)) as share
       from synergy_participant p join synergy s on s.id = p.synergy_id
      where p.flow_id = ${ANY_UUID} and p.role in ('OUTPUT', 'INPUT') and s.kind = 'SUBSTITUTION' and s.current
        and s.status in ('SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED')
        and (s.territory_id = ${ANY_UUID} or exists (select 1 from synergy_participant mine
              where mine.synergy_id = s.id and mine.organization_id = ${ANY_UUID}))
      group by p.flow_id, p.role`,
    [sqlList(flowIds), sqlList(scope.territoryIds), sqlList(scope.organizationIds)],
  );
  return new Map(rows.map((r) => [`${r.flow_id}:${r.role}`, { count: r.n, share: Number(r.share ?? 0) }]));
}

/** For a substitution, a notice on each side whose flow other suggestions also claim beyond what it has. */
export function overAllocationNotices(record: SynergyRecord, commitments: Map<string, FlowCommitment>): ExplanationItem[] {
  if (record.synergy.kind !== SynergyKind.SUBSTITUTION) return [];
  return record.participants.flatMap((p) => {
    if (!p.flow || (p.role !== ParticipantRole.OUTPUT && p.role !== ParticipantRole.INPUT)) return [];
    const item = overAllocationItem(p.role === ParticipantRole.OUTPUT ? 'output' : 'input', commitments.get(`${p.flow.id}:${p.role}`));
    return item ? [item] : [];
  });
}

/** The notice for a side of a substitution whose flow is promised more than it has, or nothing. */
export function overAllocationItem(side: 'output' | 'input', commitment: FlowCommitment | undefined): ExplanationItem | null {
  if (!commitment || commitment.count < 2 || !(commitment.share > OVER_ALLOCATED)) return null;
  return { code: 'ALSO_OFFERED', params: { side, others: commitment.count - 1, share: Math.round(commitment.share * 100) / 100 } };
}
