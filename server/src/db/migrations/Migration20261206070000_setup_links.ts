import { Migration } from '@mikro-orm/migrations';

/** The single-use link that creates the first facilitator of a fresh instance (issue 12). */
export class Migration20261206070000_setup_links extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "setup_link" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "token_hash" varchar(255) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "setup_link_pkey" primary key ("id"));`);
    this.addSql(`alter table "setup_link" add constraint "setup_link_token_hash_unique" unique ("token_hash");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "setup_link" cascade;`);
  }
}
