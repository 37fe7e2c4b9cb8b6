import type { Consent, SynergyKind, SynergyOrigin, SynergyRole, SynergyStatus } from '../../gql/graphql';
import type { MessageKey } from '../../i18n/messages';

/** Messages naming the enums of synergies; a value added to the schema does not compile until it is named here. */
export const SYNERGY_KIND_MESSAGES: Record<SynergyKind, MessageKey> = {
  SUBSTITUTION: 'synergyKind.SUBSTITUTION',
  MUTUALISATION: 'synergyKind.MUTUALISATION',
};

export const SYNERGY_STATUS_MESSAGES: Record<SynergyStatus, MessageKey> = {
  SUGGESTED: 'synergyStatus.SUGGESTED',
  CONTACT_REQUESTED: 'synergyStatus.CONTACT_REQUESTED',
  ACCEPTED: 'synergyStatus.ACCEPTED',
  DECLINED: 'synergyStatus.DECLINED',
  STALE: 'synergyStatus.STALE',
};

export const SYNERGY_ORIGIN_MESSAGES: Record<SynergyOrigin, MessageKey> = {
  DETECTED: 'synergyOrigin.DETECTED',
  RECORDED: 'synergyOrigin.RECORDED',
};

export const SYNERGY_ROLE_MESSAGES: Record<SynergyRole, MessageKey> = {
  OUTPUT: 'synergyRole.OUTPUT',
  INPUT: 'synergyRole.INPUT',
  MEMBER: 'synergyRole.MEMBER',
};

export const CONSENT_MESSAGES: Record<Consent, MessageKey> = {
  PENDING: 'consent.PENDING',
  ACCEPTED: 'consent.ACCEPTED',
  DECLINED: 'consent.DECLINED',
};

/** Statuses in the order of a synergy's life, for the status filter. */
export const SYNERGY_STATUSES: readonly SynergyStatus[] = ['SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED', 'DECLINED', 'STALE'];
export const SYNERGY_KINDS: readonly SynergyKind[] = ['SUBSTITUTION', 'MUTUALISATION'];
