import type { MikroORM } from '@mikro-orm/postgresql';
import type { HttpSession } from '../auth/auth.context.js';
import type { Principal } from '../auth/principal.loader.js';
import { createAuthenticator } from '../auth/authenticate.js';
import type { GraphQLContext } from './context.js';
import { createLoaders } from './loaders.js';
import { createServices, type AppDeps } from './services.js';

/**
 * Builds resolver contexts. Each HTTP request and each WebSocket operation gets its own unit of work (a forked
 * entity manager, forked when first used), its own services and loaders; only the principal may be shared by a socket's operations.
 */
export function createContextFactory(orm: MikroORM, deps: AppDeps) {
  function forPrincipal(principal: Principal | null, http?: HttpSession): GraphQLContext {
    // Made when first read: a query answered from plain rows (a node, the directory) needs no unit of work, and the
    // services and loaders it does not touch are never built.
    let em: GraphQLContext['em'] | undefined;
    let services: GraphQLContext['services'] | undefined;
    let loaders: GraphQLContext['loaders'] | undefined;
    const unitOfWork = () => (em ??= orm.em.fork());
    const ctx: GraphQLContext = {
      principal,
      viewer: principal?.viewer ?? null,
      get em() {
        return unitOfWork();
      },
      get services() {
        return (services ??= createServices(unitOfWork(), deps));
      },
      get loaders() {
        return (loaders ??= createLoaders(unitOfWork(), () => ctx.viewer, ctx.services));
      },
      pubSub: deps.pubSub,
      knowledgeBase: deps.knowledgeBase,
      http,
    };
    return ctx;
  }

  return {
    forPrincipal,
    authenticate: createAuthenticator(orm.em, deps.sessionSecret),
  };
}

export type ContextFactory = ReturnType<typeof createContextFactory>;
