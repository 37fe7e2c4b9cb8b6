import { Migration } from '@mikro-orm/migrations';

/**
 * The store of live documents: every accepted update is appended to the log before it is applied or acknowledged;
 * compaction folds the log into one snapshot per document; named versions are states kept on purpose.
 * Documents are named by kind and owner (`project-plan:<id>`), so no foreign key ties them to one table.
 */
export class Migration20261204220000_collab_store extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "collab_update" ("seq" bigserial not null, "document_name" varchar(200) not null, "update" bytea not null, "author_id" uuid null, "created_at" timestamptz not null default now(), constraint "collab_update_pkey" primary key ("seq"));`);
    this.addSql(`create index "collab_update_document_name_seq_index" on "collab_update" ("document_name", "seq");`);
    this.addSql(`create table "collab_snapshot" ("document_name" varchar(200) not null, "state" bytea not null, "up_to_seq" bigint not null, "updated_at" timestamptz not null default now(), constraint "collab_snapshot_pkey" primary key ("document_name"));`);
    this.addSql(`create table "collab_version" ("id" uuid not null default gen_random_uuid(), "document_name" varchar(200) not null, "name" varchar(200) not null, "state" bytea not null, "created_by_id" uuid null, "created_at" timestamptz not null default now(), constraint "collab_version_pkey" primary key ("id"));`);
    this.addSql(`create index "collab_version_document_name_created_at_index" on "collab_version" ("document_name", "created_at");`);
    this.addSql(`alter table "collab_update" add constraint "collab_update_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "collab_version" add constraint "collab_version_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "collab_version" cascade;`);
    this.addSql(`drop table if exists "collab_snapshot" cascade;`);
    this.addSql(`drop table if exists "collab_update" cascade;`);
  }
}
