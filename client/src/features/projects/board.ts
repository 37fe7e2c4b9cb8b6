import type { ProjectStage } from '../../gql/graphql';

/** The columns of the board, in the order a project moves through them; ABANDONED is kept apart, folded. */
export const ACTIVE_STAGES = ['IDEA', 'STUDY', 'IMPLEMENTATION', 'OPERATIONAL'] as const satisfies readonly ProjectStage[];

export interface BoardColumns<P> {
  columns: { stage: (typeof ACTIVE_STAGES)[number]; projects: P[] }[];
  abandoned: P[];
}

/** Projects sorted into the board's columns, each column keeping the API's order (most recently changed first). */
export function boardColumns<P extends { stage: ProjectStage }>(projects: readonly P[]): BoardColumns<P> {
  return {
    columns: ACTIVE_STAGES.map((stage) => ({ stage, projects: projects.filter((p) => p.stage === stage) })),
    abandoned: projects.filter((p) => p.stage === 'ABANDONED'),
  };
}
