import type { ProjectStage } from '../../gql/graphql';
import type { MessageKey } from '../../i18n/messages';

const REASON_MAX = 2000;

/** What is wrong with a stage change before it is sent (the API checks the same), or null. */
export function stageChangeProblem(stage: ProjectStage, reason: string): MessageKey | null {
  if (stage === 'ABANDONED' && reason.trim() === '') return 'project.stage.reasonRequired';
  if (reason.length > REASON_MAX) return 'project.stage.reasonTooLong';
  return null;
}

/** The reason as the API takes it: none rather than blank. */
export function reasonInput(reason: string): string | null {
  const trimmed = reason.trim();
  return trimmed === '' ? null : trimmed;
}
