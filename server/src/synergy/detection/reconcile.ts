import type { EntityManager } from '@mikro-orm/postgresql';
import { ResourceFlow } from '../../flow/resource-flow.entity.js';
import { Organization } from '../../organization/organization.entity.js';
import { loadTerritoryTree, type expandTerritories } from '../../territory/territory-tree.js';
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
}

/**
 * Brings stored synergies in line with what the engine found, keeping decisions: a decision holds while its flows
 * have not changed materially; a refusal is not suggested again unless they did; a decided synergy whose flows
 * changed (or disappeared) becomes STALE; an undecided one that no longer holds is withdrawn.
 * `consider` are the stored keys the detection could have produced again (the whole scope, or a flow's neighbourhood).
 */
export async function reconcileSynergies(
  em: EntityManager,
  detected: DetectedSynergy[],
  flows: Map<string, EngineFlow>,
  consider: Synergy[],
  knowledgeBaseVersion: string,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { suggested: [], updated: 0, stale: 0, withdrawn: 0 };
  const stored = new Map(consider.map((s) => [s.key, s]));
  const more = detected.filter((d) => !stored.has(d.key)).map((d) => d.key);
  if (more.length > 0) {
    for (const s of await em.find(Synergy, { key: { $in: more } })) stored.set(s.key, s);
  }
  const tree = await loadTerritoryTree(em);
  const seen = new Set<string>();
  for (const d of detected) {
    seen.add(d.key);
    const members = d.flowIds.map((id) => flows.get(id)!);
    const fingerprint = materialFingerprint(members);
    const existing = stored.get(d.key);
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
      result.stale++;
    } else {
      result.updated++;
    }
  }
  for (const s of stored.values()) {
    if (seen.has(s.key) || s.origin !== SynergyOrigin.DETECTED || !s.current) continue;
    if (s.status === SynergyStatus.SUGGESTED) {
      em.remove(s);
      result.withdrawn++;
    } else {
      s.current = false;
      if (s.status === SynergyStatus.CONTACT_REQUESTED || s.status === SynergyStatus.ACCEPTED) {
        s.status = SynergyStatus.STALE;
        result.stale++;
      }
    }
  }
  await em.flush();
  return result;
}

async function resetConsents(em: EntityManager, synergy: Synergy) {
  for (const p of await em.find(SynergyParticipant, { synergy })) {
    p.consent = Consent.PENDING;
    p.consentAt = null;
    p.consentBy = null;
  }
}

/** The smallest territory containing all of them (their deepest common ancestor). */
export function commonTerritory(tree: ReturnType<typeof expandTerritories>, territoryIds: string[]): string {
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
