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
