/**
 * Named versions of a project's plan, as the project domain needs them: a port, implemented by collab/ (the
 * version store and the plan model) and wired in app/. Access is decided before it is called
 * (PlanVersionService asks ProjectService.planAccess): the port itself checks nothing.
 */
import type { PlanAction, PlanAuthor, PlanBudgetLine, PlanIndicator, PlanReading } from './plan-document.port.js';

export interface PlanVersionRecord {
  id: string;
  /** The project whose plan it is. */
  projectId: string;
  name: string;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
}

/** What a version (or the plan now) shows: its structured parts and its notes as plain text. */
export type PlanVersionContent = PlanReading;

export interface PlanItemChange<T> {
  before: T;
  after: T;
  /** The fields whose value differs. */
  fields: (keyof T)[];
}

export interface PlanListDiff<T> {
  added: T[];
  removed: T[];
  changed: PlanItemChange<T>[];
}

/** What differs from one state of the plan to another. */
export interface PlanVersionDiff {
  actions: PlanListDiff<PlanAction>;
  budget: PlanListDiff<PlanBudgetLine>;
  indicators: PlanListDiff<PlanIndicator>;
  summaryChanged: boolean;
  notesChanged: boolean;
}

export interface PlanVersions {
  /** Saves the plan as it stands durably now (what every acknowledged edit made it) under a name. */
  save(projectId: string, name: string, authorId: string): Promise<PlanVersionRecord>;
  /** The plan's versions, newest first. */
  list(projectId: string): Promise<PlanVersionRecord[]>;
  /** A version of any project's plan, with what it shows; null when there is none with this id. */
  find(versionId: string): Promise<(PlanVersionRecord & { content: PlanVersionContent }) | null>;
  /** The plan as it stands durably now. */
  current(projectId: string): Promise<PlanVersionContent>;
  compare(from: PlanVersionContent, to: PlanVersionContent): PlanVersionDiff;
  /**
   * Makes the plan's content the version's through a new change on top of its history (which is never rewritten):
   * logged, then applied to the live document, so every open browser receives it like any edit, and told on
   * planChanged like an API change.
   */
  restore(versionId: string, author: PlanAuthor): Promise<void>;
}
