import type { HttpSession } from '../auth/auth.context.js';
import type { Authenticate } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.loader.js';

/** What the GraphQL adapters need of the composition root: a principal from credentials, a context for it. */
export interface GraphQLContexts {
  authenticate: Authenticate;
  forPrincipal(principal: Principal | null, http?: HttpSession): object;
}
