import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128131851 } from './Migration20261128131851.js';

/** Committed migrations in order. New ones: `npm run migration:create -w server`, then list them here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128131851', class: Migration20261128131851 },
];
