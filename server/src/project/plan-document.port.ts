import type { ImpactIndicatorValue } from '../vocabulary/impact.enums.js';

/**
 * The project's live plan, as the project domain needs it: a port. The collaboration server (collab/, the plan
 * editor over the Yjs document) implements it and app/ wires it in; project/ never imports collab/. Access is
 * decided before the port is called (ProjectService.planAccess: observers read, never write).
 */

/** The live document of a project's plan: documents are named by kind and owner, so workshop boards fit beside. */
export function planDocumentName(projectId: string): string {
  return `project-plan:${projectId}`;
}

export type PlanActionStatus = 'TODO' | 'IN_PROGRESS' | 'DONE';

export interface PlanAction {
  id: string;
  title: string;
  ownerOrganizationId: string | null;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string | null;
  status: PlanActionStatus;
}

export interface PlanBudgetLine {
  id: string;
  label: string;
  amountEur: number;
  funder: string | null;
}

/**
 * An expected impact (indicator and unit), optionally linked to one of the figures the synergy's impacts are
 * estimated in, so that the plan shows the estimate beside the target (read as the viewer may see the synergy).
 */
export interface PlanIndicator {
  indicator: string;
  unit: string;
  expected: number;
  /** The synergy's figure it is linked to; absent when it is linked to none. */
  figure?: ImpactIndicatorValue | null;
}

/** The structured parts of the plan (the rich-text notes stay in the document). */
export interface PlanContent {
  summary: string;
  actions: PlanAction[];
  budget: PlanBudgetLine[];
  indicators: PlanIndicator[];
}

/** The plan as the API shows it: its structured parts and the plain text of its rich-text notes. */
export type PlanReading = PlanContent & { notesText: string };

/** One change made through the API; applied as one transaction on the live document, so open browsers see it at once. */
export type PlanChange =
  | { kind: 'ADD_ACTION'; action: Omit<PlanAction, 'id'> }
  | { kind: 'UPDATE_ACTION'; id: string; fields: Partial<Omit<PlanAction, 'id'>> }
  | { kind: 'REMOVE_ACTION'; id: string }
  | { kind: 'SET_BUDGET_LINE'; line: PlanBudgetLine }
  | { kind: 'REMOVE_BUDGET_LINE'; id: string }
  | { kind: 'SET_INDICATOR'; indicator: PlanIndicator }
  | { kind: 'REMOVE_INDICATOR'; indicator: string; unit: string }
  | { kind: 'SET_SUMMARY'; summary: string }
  | { kind: 'APPEND_NOTES'; blocks: PlanNoteBlock[] };

/** A block of rich text appended to the notes, as the browser's editor writes it (TipTap: heading or paragraph). */
export interface PlanNoteBlock {
  kind: 'HEADING' | 'PARAGRAPH';
  text: string;
}

/**
 * Who makes a change, for the document's history and the planChanged event: the user, and the organisation in whose
 * name they take part in the project (null for a territory's facilitator who is not a participant).
 */
export interface PlanAuthor {
  userId: string;
  organizationId: string | null;
}

export interface PlanDocuments {
  /** The plan's structured parts as they stand in the live document (an empty plan for a new project). */
  read(projectId: string): Promise<PlanReading>;
  /**
   * Applies a change durably (through the document's update log, like a browser's edit), tells the plan's
   * subscribers who changed what, and returns the plan after it. A change that is invalid (BAD_USER_INPUT) or names
   * an item that is not there (NOT_FOUND) writes nothing.
   */
  apply(projectId: string, change: PlanChange, author: PlanAuthor): Promise<PlanReading>;
}
