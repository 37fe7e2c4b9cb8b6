import { Migration } from '@mikro-orm/migrations';

/**
 * The update log's `author_id` without its foreign key. Every INSERT of the log (every keystroke of every editor,
 * on the relay's path) ran the key's check per row: a lookup of the author in `app_user` that takes a FOR KEY SHARE
 * lock on the author's row, so four INSERTs in flight for the same authors wrote row locks (multixacts) on the same
 * few `app_user` rows. Measured on this machine (EXPLAIN ANALYZE, 10,000 rows, under load): 278–379 ms with the key
 * against 130–136 ms without, the INSERT's PostgreSQL time more than doubled. The column is written only (who made
 * an update, for audit), never joined; its rows are folded into the snapshot and deleted within a compaction round;
 * accounts are never deleted, so the key's ON DELETE SET NULL never fired. The writer's id comes from the
 * connection's authenticated principal (collab-socket.ts), never from the client.
 */
export class Migration20261206080000_collab_update_author_unchecked extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "collab_update" drop constraint if exists "collab_update_author_id_foreign";`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "collab_update" set "author_id" = null where "author_id" is not null and not exists (select 1 from "app_user" u where u."id" = "author_id");`);
    this.addSql(`alter table "collab_update" add constraint "collab_update_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`);
  }
}
