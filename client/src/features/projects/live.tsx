import type { OperationContext } from 'urql';
import { useSubscription } from 'urql';
import { graphql } from '../../gql';

/**
 * Context for operations whose results must refresh when a project changes (a stage, an invitation, a participant):
 * the document cache re-runs every query marked so, also those that list no project yet (an invitee's empty board).
 * A constant, since urql re-runs a query whose context object changes.
 */
export const PROJECT_DEPENDENT: Partial<OperationContext> = { additionalTypenames: ['SynergyProject', 'ProjectInvitation'] };

const ProjectChangedSubscription = graphql(`
  subscription ProjectChanged($projectId: ID!) {
    projectChanged(projectId: $projectId) {
      change
      projectId
    }
  }
`);

/**
 * Follows these projects while mounted, so that views marked `PROJECT_DEPENDENT` show another participant's change
 * without a reload. The server sends only events the viewer may see, and stops when they lose access.
 */
export function FollowProjects({ projectIds }: { projectIds: readonly string[] }) {
  return (
    <>
      {[...new Set(projectIds)].map((projectId) => (
        <ProjectFeed key={projectId} projectId={projectId} />
      ))}
    </>
  );
}

function ProjectFeed({ projectId }: { projectId: string }) {
  useSubscription({ query: ProjectChangedSubscription, variables: { projectId }, context: PROJECT_DEPENDENT });
  return null;
}
