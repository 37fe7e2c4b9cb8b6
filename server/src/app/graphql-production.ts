// Order matters: graphql-mode sets NODE_ENV, graphql reads it once as it loads, then it is put back (see graphql-mode.ts).
import { COMPILED, NODE_ENV_AS_GIVEN } from './graphql-mode.js';
import 'graphql';

if (COMPILED) {
  if (NODE_ENV_AS_GIVEN === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = NODE_ENV_AS_GIVEN;
}
