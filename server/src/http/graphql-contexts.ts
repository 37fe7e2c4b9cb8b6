import type { HttpSession } from '../auth/auth.context.js';
import type { Credentials } from '../auth/auth.service.js';
import type { Principal } from '../auth/principal.loader.js';

/** What the GraphQL adapters need of the composition root: a principal from credentials, a context for it. */
export interface GraphQLContexts {
  authenticate(credentials: Credentials): Promise<Principal | null>;
  forPrincipal(principal: Principal | null, http?: HttpSession): object;
}
