import { unauthenticated } from '../errors/domain-errors.js';
import type { MaybeViewer, Viewer } from '../policy/viewer.js';

/** A user's memberships, territories and tokens are theirs alone: only that user, signed in, reads them. */
export function ownViewer(user: { dbId: string }, viewer: MaybeViewer): Viewer {
  if (!viewer || viewer.userId !== user.dbId) throw unauthenticated();
  return viewer;
}
