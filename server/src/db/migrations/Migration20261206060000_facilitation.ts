import { Migration } from '@mikro-orm/migrations';

/** Facilitator tools on synergies (issue 12, item 4): internal notes, assignment, when each party was asked. */
export class Migration20261206060000_facilitation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "synergy_note" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "synergy_id" uuid not null, "author_id" uuid null, "text" text not null, constraint "synergy_note_pkey" primary key ("id"));`);
    this.addSql(`create index "synergy_note_synergy_id_index" on "synergy_note" ("synergy_id");`);
    this.addSql(`alter table "synergy_note" add constraint "synergy_note_synergy_id_foreign" foreign key ("synergy_id") references "synergy" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "synergy_note" add constraint "synergy_note_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "synergy" add column "assigned_to_id" uuid null, add column "assigned_at" timestamptz null;`);
    this.addSql(`alter table "synergy" add constraint "synergy_assigned_to_id_foreign" foreign key ("assigned_to_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "synergy_assigned_to_id_index" on "synergy" ("assigned_to_id");`);
    this.addSql(`alter table "synergy_participant" add column "asked_at" timestamptz null;`);
    // Sides already waiting to answer a request were asked, at the latest, when the synergy last changed.
    this.addSql(`update "synergy_participant" p set "asked_at" = s."updated_at" from "synergy" s
      where s."id" = p."synergy_id" and s."status" = 'CONTACT_REQUESTED' and p."consent" = 'PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "synergy_note" cascade;`);
    this.addSql(`alter table "synergy" drop constraint "synergy_assigned_to_id_foreign";`);
    this.addSql(`alter table "synergy" drop column "assigned_to_id", drop column "assigned_at";`);
    this.addSql(`alter table "synergy_participant" drop column "asked_at";`);
  }
}
