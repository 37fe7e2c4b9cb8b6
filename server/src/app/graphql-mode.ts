/**
 * graphql-js checks, at every type test, that no schema object comes from another copy of graphql — unless
 * NODE_ENV was 'production' when graphql was loaded. The compiled server (`npm start`, Docker) needs no such
 * development check, yet its NODE_ENV also means secure cookies and a required secret (config/config.ts), which the
 * local demo must not get. So graphql alone is loaded in production mode: this module sets NODE_ENV just before it
 * (`graphql-production.ts` imports this, then graphql, then puts NODE_ENV back). Under tsx (`npm run dev`, tests)
 * nothing changes.
 */
export const NODE_ENV_AS_GIVEN = process.env.NODE_ENV;
export const COMPILED = import.meta.url.endsWith('.js');
if (COMPILED) process.env.NODE_ENV = 'production';
