import path from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { MIGRATIONS } from './migrations/index.js';
import { queryCounter } from './query-counter.js';
import { withoutNamedStatements } from './plain-sql.js';

export interface OrmOptions {
  clientUrl: string;
  poolMax: number;
  /** Every entity class, listed by the composition root (db/ knows no domain). */
  entities: Options['entities'];
  /** Print SQL (DEBUG_SQL=1). */
  debugSql?: boolean;
  /** Embedded PGlite: one session for every connection, so no named prepared statements (see plain-sql.ts). */
  embedded?: boolean;
}

export function ormOptions({ clientUrl, poolMax, entities, debugSql }: OrmOptions): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator, SeedManager],
    pool: { min: 0, max: poolMax },
    debug: debugSql ? ['query', 'query-params'] : false,
    migrations: {
      migrationsList: MIGRATIONS,
      path: path.join(import.meta.dirname, 'migrations'),
      pathTs: path.join(import.meta.dirname, 'migrations'),
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    discovery: { requireEntitiesArray: true },
    // Every statement, raw or generated, passes here: the statement counter of the N+1 tests.
    onQuery: (sql: string) => {
      queryCounter.record();
      return sql;
    },
  };
}

export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(options));
  if (options.embedded) withoutNamedStatements(orm.config);
  return orm;
}

/** Applies every committed migration that has not run yet. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
