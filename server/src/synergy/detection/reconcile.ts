import type { EntityManager } from '@mikro-orm/postgresql';
import { ResourceFlow } from '../../flow/resource-flow.entity.js';
import { Organization } from '../../organization/organization.entity.js';
import type { expandTerritories } from '../../territory/territory-tree.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import { Territory } from '../../territory/territory.entity.js';
import type { DetectedSynergy, EngineFlow } from '../engine/engine.types.js';
import { materialFingerprint } from './engine-input.js';
import { Synergy, SynergyParticipant } from '../model/synergy.entity.js';
import { Consent, ParticipantRole, SynergyKind, SynergyOrigin, SynergyStatus } from '../model/synergy.enums.js';

export interface ReconcileResult {
  /** Synergies newly suggested, or suggested again because their data changed after a refusal. */
  suggested: Synergy[];
  updated: number;
  stale: number;
  withdrawn: number;
  /** Pools that gained or lost members and kept their identity (see pool-identity.ts). */
  regrouped: number;
}

export type TerritoryTree = ReturnType<typeof expandTerritories>;

export interface ReconcileContext {
  knowledgeBaseVersion: string;
  /** Read once by the caller for all its batches: territories do not change between them. */
  tree: TerritoryTree;
  /** New pool key → the stored pool key it takes over, if that pool may be (matchPools). */
  pools?: Map<string, string>;
  /**
   * Which synergies the counts (updated, stale, withdrawn, regrouped) are about, by the territory each is stored in:
   * a run over a root asked for a nested territory reports that territory's only. Every one when absent; `suggested`
   * always lists them all (each is announced to its parties).
   */
  counted?: (territoryId: string) => boolean;
}

/**
 * Brings stored synergies in line with what the engine found, keeping decisions: a decision holds while its flows
 * have not changed materially; a refusal is not suggested again unless they did; a decided synergy whose flows
 * changed (or disappeared) becomes STALE; an undecided one that no longer holds is withdrawn.
 * `consider` are the stored keys the detection could have produced again (the whole scope, or a flow's neighbourhood).
 * A pool whose membership changed keeps its row (its id) when `pools` pairs it with a stored pool that nobody has
 * decided on yet; a pool with a decision or a project keeps its row for that membership, as before, and the new
 * membership starts as a new pool with fresh consents.
 */
export async function reconcileSynergies(
  em: EntityManager,
  detected: DetectedSynergy[],
  flows: Map<string, EngineFlow>,
  consider: Synergy[],
  { knowledgeBaseVersion, tree, pools = new Map(), counted = () => true }: ReconcileContext,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { suggested: [], updated: 0, stale: 0, withdrawn: 0, regrouped: 0 };
  const counts = (s: Synergy) => counted(s.territory.id);
  const stored = new Map(consider.map((s) => [s.key, s]));
  const more = detected.filter((d) => !stored.has(d.key)).map((d) => d.key);
  if (more.length > 0) {
    for (const s of await em.find(Synergy, { key: { $in: more } })) stored.set(s.key, s);
  }
  const takeOver = await poolsToTakeOver(em, detected, stored, pools);
  const seen = new Set<string>();
  for (const d of detected) {
    seen.add(d.key);
    const members = d.flowIds.map((id) => flows.get(id)!);
    const fingerprint = materialFingerprint(members);
    const existing = stored.get(d.key);
    const previous = existing ? undefined : takeOver.get(d.key);
    if (previous) {
      regroup(em, previous.synergy, previous.participants, d, members, { knowledgeBaseVersion, tree, fingerprint });
      // Its stored entry (under the old key) now carries a key in `seen`: it is not withdrawn below.
      result.suggested.push(previous.synergy);
      if (counts(previous.synergy)) result.regrouped++;
      continue;
    }
    if (!existing) {
      const synergy = em.create(Synergy, {
        key: d.key,
        kind: d.kind as SynergyKind,
        origin: SynergyOrigin.DETECTED,
        pathwayId: d.pathwayId,
        knowledgeBaseVersion,
        territory: em.getReference(Territory, commonTerritory(tree, members.map((f) => f.territoryId))),
        score: d.score,
        explanation: d.explanation,
        impacts: d.impacts,
        fingerprint,
      });
      for (const f of members) {
        em.create(SynergyParticipant, {
          synergy,
          organization: em.getReference(Organization, f.organizationId),
          flow: em.getReference(ResourceFlow, f.id),
          role: d.kind === 'MUTUALISATION' ? ParticipantRole.MEMBER : f.direction === 'OUTPUT' ? ParticipantRole.OUTPUT : ParticipantRole.INPUT,
        });
      }
      result.suggested.push(synergy);
      continue;
    }
    // Only what differs is assigned: the stored JSON comes back from PostgreSQL with its keys reordered, and an equal
    // explanation assigned anew would rewrite the row (and move its updatedAt) at every detection.
    if (existing.score !== d.score) existing.score = d.score;
    if (!sameJson(existing.explanation, d.explanation)) existing.explanation = d.explanation;
    if (!sameJson(existing.impacts, d.impacts)) existing.impacts = d.impacts;
    if (existing.knowledgeBaseVersion !== knowledgeBaseVersion) existing.knowledgeBaseVersion = knowledgeBaseVersion;
    if (!existing.current) existing.current = true;
    const changed = existing.decisionFingerprint !== null && existing.decisionFingerprint !== undefined && existing.decisionFingerprint !== fingerprint;
    existing.fingerprint = fingerprint;
    if (changed && existing.status === SynergyStatus.DECLINED) {
      // Refused on other data: worth a second look, with fresh consents.
      existing.status = SynergyStatus.SUGGESTED;
      existing.decisionFingerprint = null;
      await resetConsents(em, existing);
      result.suggested.push(existing);
    } else if (changed && (existing.status === SynergyStatus.CONTACT_REQUESTED || existing.status === SynergyStatus.ACCEPTED)) {
      existing.status = SynergyStatus.STALE;
      if (counts(existing)) result.stale++;
    } else if (counts(existing)) {
      result.updated++;
    }
  }
  const withdraw: Synergy[] = [];
  for (const s of stored.values()) {
    if (seen.has(s.key) || s.origin !== SynergyOrigin.DETECTED || !s.current) continue;
    if (s.status === SynergyStatus.SUGGESTED) {
      withdraw.push(s);
    } else {
      s.current = false;
      if (s.status === SynergyStatus.CONTACT_REQUESTED || s.status === SynergyStatus.ACCEPTED) {
        s.status = SynergyStatus.STALE;
        if (counts(s)) result.stale++;
      }
    }
  }
  await em.flush();
  if (withdraw.length > 0) await withdrawUndecided(em, withdraw, counts, result);
  return result;
}

/**
 * Deletes the synergies that no longer hold and that nobody has answered — checked by the DELETE itself, not by what
 * was read when the reconciliation began: a party may have answered since (a decision locks the row, so the DELETE
 * waits for it and sees its answer). One answered meanwhile is kept as a decided synergy that no longer holds: not
 * current, STALE if a contact was asked or accepted (a refusal stays DECLINED), with its consents.
 */
async function withdrawUndecided(em: EntityManager, withdraw: Synergy[], counts: (s: Synergy) => boolean, result: ReconcileResult): Promise<void> {
  const ids = sqlList(withdraw.map((s) => s.id));
  const deleted: { id: string }[] = await em.execute(`delete from synergy where id = ${ANY_UUID} and status = 'SUGGESTED' and current returning id`, [ids]);
  const gone = new Set(deleted.map((r) => r.id));
  const answered = withdraw.filter((s) => !gone.has(s.id));
  for (const s of withdraw) {
    if (gone.has(s.id)) {
      em.getUnitOfWork().unsetIdentity(s);
      if (counts(s)) result.withdrawn++;
    }
  }
  if (answered.length === 0) return;
  const kept: { id: string; status: SynergyStatus }[] = await em.execute(
    `update synergy set current = false, updated_at = now(),
            status = case when status in ('CONTACT_REQUESTED', 'ACCEPTED') then 'STALE' else status end
      where id = ${ANY_UUID} and current returning id, status`,
    [sqlList(answered.map((s) => s.id))],
  );
  for (const row of kept) {
    const s = answered.find((a) => a.id === row.id)!;
    em.getUnitOfWork().unsetIdentity(s);
    if (row.status === SynergyStatus.STALE && counts(s)) result.stale++;
  }
}

/** A stored pool a new key takes over, with its participants. */
interface TakeOver {
  synergy: Synergy;
  participants: SynergyParticipant[];
}

/**
 * The stored pools the new keys of `detected` may take over: still current, detected, SUGGESTED (so no party has
 * answered: any consent moves a synergy out of SUGGESTED), not linked to a project, and not produced again.
 */
async function poolsToTakeOver(
  em: EntityManager,
  detected: DetectedSynergy[],
  stored: Map<string, Synergy>,
  pools: Map<string, string>,
): Promise<Map<string, TakeOver>> {
  const candidates = new Map<string, Synergy>();
  if (pools.size === 0) return new Map();
  const produced = new Set(detected.map((d) => d.key));
  for (const d of detected) {
    const oldKey = pools.get(d.key);
    const old = oldKey === undefined ? undefined : stored.get(oldKey);
    if (stored.has(d.key) || !old || produced.has(old.key)) continue;
    if (old.origin !== SynergyOrigin.DETECTED || !old.current || old.status !== SynergyStatus.SUGGESTED || old.kind !== SynergyKind.MUTUALISATION) continue;
    candidates.set(d.key, old);
  }
  if (candidates.size === 0) return new Map();
  const inProjects: { synergy_id: string }[] = await em.execute(
    `select distinct synergy_id from synergy_project where synergy_id = ${ANY_UUID}`,
    [sqlList([...candidates.values()].map((s) => s.id))],
  );
  const linked = new Set(inProjects.map((r) => r.synergy_id));
  for (const [key, old] of candidates) if (linked.has(old.id)) candidates.delete(key);
  const participants = new Map<string, SynergyParticipant[]>();
  if (candidates.size > 0) {
    // One query for all the batch's pools, not one per pool: a crowded cell regroups dozens of them at once.
    for (const p of await em.find(SynergyParticipant, { synergy: { $in: [...candidates.values()].map((s) => s.id) } })) {
      const list = participants.get(p.synergy.id);
      if (list) list.push(p);
      else participants.set(p.synergy.id, [p]);
    }
  }
  return new Map([...candidates].map(([key, synergy]) => [key, { synergy, participants: participants.get(synergy.id) ?? [] }]));
}

/**
 * The stored pool `synergy` takes the new membership of `d`: new key and figures; participants whose flow left are
 * removed, new ones added; every consent starts again from PENDING (it was PENDING already: the pool was SUGGESTED;
 * said here so that no answer ever outlives the membership it was given for).
 */
function regroup(
  em: EntityManager,
  synergy: Synergy,
  participants: SynergyParticipant[],
  d: DetectedSynergy,
  members: EngineFlow[],
  { knowledgeBaseVersion, tree, fingerprint }: { knowledgeBaseVersion: string; tree: TerritoryTree; fingerprint: string },
) {
  synergy.key = d.key;
  synergy.pathwayId = d.pathwayId;
  synergy.score = d.score;
  synergy.explanation = d.explanation;
  synergy.impacts = d.impacts;
  synergy.knowledgeBaseVersion = knowledgeBaseVersion;
  synergy.fingerprint = fingerprint;
  synergy.decisionFingerprint = null;
  synergy.territory = em.getReference(Territory, commonTerritory(tree, members.map((f) => f.territoryId)));
  const wanted = new Map(members.map((f) => [f.id, f]));
  for (const p of participants) {
    const flowId = p.flow?.id;
    if (flowId && wanted.has(flowId) && wanted.get(flowId)!.organizationId === p.organization.id) {
      wanted.delete(flowId);
      p.consent = Consent.PENDING;
      p.consentAt = null;
      p.consentBy = null;
      p.askedAt = null;
    } else em.remove(p);
  }
  for (const f of wanted.values()) {
    em.create(SynergyParticipant, {
      synergy,
      organization: em.getReference(Organization, f.organizationId),
      flow: em.getReference(ResourceFlow, f.id),
      role: ParticipantRole.MEMBER,
    });
  }
}

async function resetConsents(em: EntityManager, synergy: Synergy) {
  for (const p of await em.find(SynergyParticipant, { synergy })) {
    p.consent = Consent.PENDING;
    p.consentAt = null;
    p.consentBy = null;
  }
}

/** The smallest territory containing all of them (their deepest common ancestor). */
export function commonTerritory(tree: TerritoryTree, territoryIds: string[]): string {
  const [first, ...rest] = territoryIds;
  const chains = rest.map((t) => new Set(tree.ancestorsOf(t)));
  return tree.ancestorsOf(first).find((candidate) => chains.every((c) => c.has(candidate))) ?? first;
}

/** Whether two values are the same JSON document, whatever the order of their keys (as jsonb stores them). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}
