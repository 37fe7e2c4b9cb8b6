import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128131851 } from './Migration20261128131851.js';
import { Migration20261128140000_search_functions } from './Migration20261128140000_search_functions.js';
import { Migration20261128150000_synergies } from './Migration20261128150000_synergies.js';
import { Migration20261128170000_split_compost_need } from './Migration20261128170000_split_compost_need.js';
import { Migration20261204211052_projects } from './Migration20261204211052_projects.js';
import { Migration20261204220000_approvals } from './Migration20261204220000_approvals.js';
import { Migration20261204220000_collab_store } from './Migration20261204220000_collab_store.js';
import { Migration20261204233000_declared_counterfactuals } from './Migration20261204233000_declared_counterfactuals.js';
import { Migration20261205010000_invitations } from './Migration20261205010000_invitations.js';
import { Migration20261205013000_password_resets } from './Migration20261205013000_password_resets.js';
import { Migration20261206060000_facilitation } from './Migration20261206060000_facilitation.js';
import { Migration20261206070000_setup_links } from './Migration20261206070000_setup_links.js';
import { Migration20261206070100_notification_preference } from './Migration20261206070100_notification_preference.js';
import { Migration20261206080000_collab_update_author_unchecked } from './Migration20261206080000_collab_update_author_unchecked.js';
import { Migration20261206090000_synergy_root_reconciliation } from './Migration20261206090000_synergy_root_reconciliation.js';

/** Committed migrations in order. New ones: `npm run migration:create -w server`, then list them here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128131851', class: Migration20261128131851 },
  { name: 'Migration20261128140000_search_functions', class: Migration20261128140000_search_functions },
  { name: 'Migration20261128150000_synergies', class: Migration20261128150000_synergies },
  { name: 'Migration20261128170000_split_compost_need', class: Migration20261128170000_split_compost_need },
  { name: 'Migration20261204211052_projects', class: Migration20261204211052_projects },
  { name: 'Migration20261204220000_approvals', class: Migration20261204220000_approvals },
  { name: 'Migration20261204220000_collab_store', class: Migration20261204220000_collab_store },
  { name: 'Migration20261204233000_declared_counterfactuals', class: Migration20261204233000_declared_counterfactuals },
  { name: 'Migration20261205010000_invitations', class: Migration20261205010000_invitations },
  { name: 'Migration20261205013000_password_resets', class: Migration20261205013000_password_resets },
  { name: 'Migration20261206060000_facilitation', class: Migration20261206060000_facilitation },
  { name: 'Migration20261206070000_setup_links', class: Migration20261206070000_setup_links },
  { name: 'Migration20261206070100_notification_preference', class: Migration20261206070100_notification_preference },
  { name: 'Migration20261206080000_collab_update_author_unchecked', class: Migration20261206080000_collab_update_author_unchecked },
  { name: 'Migration20261206090000_synergy_root_reconciliation', class: Migration20261206090000_synergy_root_reconciliation },
];
