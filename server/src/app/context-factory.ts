import type { MikroORM } from '@mikro-orm/postgresql';
import type { HttpSession } from '../auth/auth.context.js';
import type { Principal } from '../auth/principal.loader.js';
import { createAuthenticator } from '../auth/authenticate.js';
import type { GraphQLContext } from './context.js';
import { createLoaders } from './loaders.js';
import { createServices, type AppDeps } from './services.js';

/**
 * Builds resolver contexts. Each HTTP request and each WebSocket operation gets its own unit of work (a forked
 * entity manager), its own services and loaders; only the principal may be shared by a socket's operations.
 */
export function createContextFactory(orm: MikroORM, deps: AppDeps) {
  function forPrincipal(principal: Principal | null, http?: HttpSession): GraphQLContext {
    const em = orm.em.fork();
    const services = createServices(em, deps);
    const ctx: GraphQLContext = {
      principal,
      viewer: principal?.viewer ?? null,
      em,
      services,
      loaders: undefined as unknown as GraphQLContext['loaders'],
      pubSub: deps.pubSub,
      knowledgeBase: deps.knowledgeBase,
      http,
    };
    ctx.loaders = createLoaders(em, () => ctx.viewer, services);
    return ctx;
  }

  return {
    forPrincipal,
    authenticate: createAuthenticator(orm.em, deps.sessionSecret),
  };
}

export type ContextFactory = ReturnType<typeof createContextFactory>;
