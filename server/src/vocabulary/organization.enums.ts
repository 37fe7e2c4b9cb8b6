/** Kinds of actors of a territory. Part of the public API: add values, never rename them. */
export enum OrganizationKind {
  COMPANY = 'COMPANY',
  AUTHORITY = 'AUTHORITY',
  /** Social and solidarity economy, including insertion enterprises (SIAE). */
  SSE = 'SSE',
  RESEARCH = 'RESEARCH',
  UNIVERSITY = 'UNIVERSITY',
  /** The territory's facilitator, e.g. VALO'LAB. */
  FACILITATOR = 'FACILITATOR',
  OTHER = 'OTHER',
}

export enum MembershipRole {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

/**
 * Where an organisation's place in its territory, or a user's place in an organisation, stands: until a facilitator
 * (or the organisation's admin, for members) approves it, its holder sees what a visitor sees.
 */
export enum ApprovalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
