/** Part of the public API: add values, never rename them. */
export enum ProjectStage {
  /** Someone wants to work on it; nothing is committed yet. */
  IDEA = 'IDEA',
  /** Feasibility: quantities, regulation, costs, who pays. */
  STUDY = 'STUDY',
  /** Being set up: contracts, equipment, logistics. */
  IMPLEMENTATION = 'IMPLEMENTATION',
  /** Running for real. */
  OPERATIONAL = 'OPERATIONAL',
  /** Given up, with a reason; may be reopened as an IDEA. */
  ABANDONED = 'ABANDONED',
}

export enum ProjectRole {
  /** Carries the project: changes its stage, invites and removes participants, edits the plan. */
  LEAD = 'LEAD',
  /** Takes part and edits the plan. */
  PARTNER = 'PARTNER',
  /** Follows the project read-only (e.g. an authority or a funder). */
  OBSERVER = 'OBSERVER',
  /** The territory's facilitator organisation: manages like a lead. */
  FACILITATOR = 'FACILITATOR',
}

export enum InvitationStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** Taken off the project by its lead or a facilitator: it sees nothing of it any more. */
  REMOVED = 'REMOVED',
}

/** What happened to a project, as told to its subscribers. */
export enum ProjectChange {
  STAGE_CHANGED = 'STAGE_CHANGED',
  PARTICIPANT_INVITED = 'PARTICIPANT_INVITED',
  INVITATION_ACCEPTED = 'INVITATION_ACCEPTED',
  INVITATION_DECLINED = 'INVITATION_DECLINED',
  PARTICIPANT_REMOVED = 'PARTICIPANT_REMOVED',
}
