import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { conflict } from '../errors/domain-errors.js';
import type { OriginSynergyFacts } from '../policy/project-policy.js';
import { Synergy, SynergyParticipant } from '../synergy/model/synergy.entity.js';
import { Consent, SynergyStatus } from '../synergy/model/synergy.enums.js';
import { isBeingImplemented } from './project-stages.js';
import { ProjectStage } from './project.enums.js';

/**
 * What a project does to the synergy it came from, so that the territory's indicators count it in the right
 * column ("in progress" = contact requested or accepted; "operational" = the synergy's operational flag):
 * - a party that accepts the project's invitation thereby asks to be put in touch: its consent is recorded on the
 *   synergy, as `requestContact` would (identities are revealed once every side has consented);
 * - a project can reach IMPLEMENTATION only once a party joined (the synergy is then in progress);
 * - the synergy is operational exactly while its project is; ABANDONED clears that and leaves the consents as
 *   the parties gave them: a party may still decline the synergy, and a new project may start from it.
 */
export interface OriginSynergy {
  synergy: Synergy;
  parties: SynergyParticipant[];
}

export async function loadOriginSynergy(em: EntityManager, synergyId: string): Promise<OriginSynergy | null> {
  const synergy = await em.findOne(Synergy, { id: synergyId });
  if (!synergy) return null;
  return { synergy, parties: await em.find(SynergyParticipant, { synergy: synergyId }, { orderBy: { id: 'asc' } }) };
}

export function originFactsOf({ synergy, parties }: OriginSynergy): OriginSynergyFacts {
  return { territoryId: synergy.territory.id, parties: parties.map((p) => ({ organizationId: p.organization.id, consent: p.consent })) };
}

/** The organisations of a synergy, each once, in a stable order. */
export function partyOrganizationIds({ parties }: OriginSynergy): string[] {
  return [...new Set(parties.map((p) => p.organization.id))];
}

export function recordPartyJoined(em: EntityManager, origin: OriginSynergy, organizationId: string, userId: string, at: Date): void {
  const { synergy, parties } = origin;
  if (synergy.status !== SynergyStatus.SUGGESTED && synergy.status !== SynergyStatus.CONTACT_REQUESTED) return;
  const own = parties.filter((p) => p.organization.id === organizationId && p.consent === Consent.PENDING);
  if (own.length === 0) return;
  for (const p of own) Object.assign(p, { consent: Consent.ACCEPTED, consentAt: at, consentBy: em.getReference(User, userId) });
  synergy.status = parties.every((p) => p.consent === Consent.ACCEPTED) ? SynergyStatus.ACCEPTED : SynergyStatus.CONTACT_REQUESTED;
  synergy.decisionFingerprint = synergy.fingerprint;
}

export function followStage({ synergy }: OriginSynergy, from: ProjectStage, to: ProjectStage): void {
  if (isBeingImplemented(to) && synergy.status === SynergyStatus.SUGGESTED) {
    throw conflict('No party of its synergy has joined the project yet: it cannot be implemented.');
  }
  if (from === ProjectStage.OPERATIONAL || to === ProjectStage.OPERATIONAL) synergy.operational = to === ProjectStage.OPERATIONAL;
}
