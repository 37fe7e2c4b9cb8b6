/** Part of the public API: add values, never rename them. */
export enum SynergyKind {
  /** An OUTPUT of one organisation replaces an INPUT of another. */
  SUBSTITUTION = 'SUBSTITUTION',
  /** Several nearby organisations pool a stream or a need. */
  MUTUALISATION = 'MUTUALISATION',
}

export enum SynergyStatus {
  SUGGESTED = 'SUGGESTED',
  /** One side asked to be put in touch; the others have not answered yet. */
  CONTACT_REQUESTED = 'CONTACT_REQUESTED',
  /** Every side consented: identities are revealed to all of them. */
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** A flow it rests on changed materially (or left) after a decision: to be looked at again. */
  STALE = 'STALE',
}

export enum SynergyOrigin {
  DETECTED = 'DETECTED',
  /** Recorded by hand by a facilitator (a synergy found in a workshop, or already running). */
  RECORDED = 'RECORDED',
}

export enum ParticipantRole {
  OUTPUT = 'OUTPUT',
  INPUT = 'INPUT',
  MEMBER = 'MEMBER',
}

export enum Consent {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
