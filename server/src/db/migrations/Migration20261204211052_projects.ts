import { Migration } from '@mikro-orm/migrations';

export class Migration20261204211052_projects extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "synergy_project" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(200) not null, "territory_id" uuid not null, "synergy_id" uuid null, "stage" text check ("stage" in ('IDEA', 'STUDY', 'IMPLEMENTATION', 'OPERATIONAL', 'ABANDONED')) not null default 'IDEA', "abandon_reason" text null, "created_by_id" uuid null, constraint "synergy_project_pkey" primary key ("id"));`);
    this.addSql(`create index "synergy_project_synergy_id_index" on "synergy_project" ("synergy_id");`);
    this.addSql(`create index "synergy_project_territory_id_stage_index" on "synergy_project" ("territory_id", "stage");`);

    this.addSql(`create table "project_stage_change" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" uuid not null, "from_stage" text check ("from_stage" in ('IDEA', 'STUDY', 'IMPLEMENTATION', 'OPERATIONAL', 'ABANDONED')) null, "to_stage" text check ("to_stage" in ('IDEA', 'STUDY', 'IMPLEMENTATION', 'OPERATIONAL', 'ABANDONED')) not null, "reason" text null, "changed_by_id" uuid null, constraint "project_stage_change_pkey" primary key ("id"));`);
    this.addSql(`create index "project_stage_change_project_id_index" on "project_stage_change" ("project_id");`);

    this.addSql(`create table "project_participant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" uuid not null, "organization_id" uuid not null, "role" text check ("role" in ('LEAD', 'PARTNER', 'OBSERVER', 'FACILITATOR')) not null, "status" text check ("status" in ('INVITED', 'ACCEPTED', 'DECLINED', 'REMOVED')) not null default 'INVITED', "invited_by_id" uuid null, "invited_by_organization_id" uuid null, "invited_at" timestamptz not null, "responded_by_id" uuid null, "responded_at" timestamptz null, "removed_by_id" uuid null, "removed_at" timestamptz null, constraint "project_participant_pkey" primary key ("id"));`);
    this.addSql(`create index "project_participant_organization_id_index" on "project_participant" ("organization_id");`);
    this.addSql(`alter table "project_participant" add constraint "project_participant_project_id_organization_id_unique" unique ("project_id", "organization_id");`);

    this.addSql(`alter table "synergy_project" add constraint "synergy_project_territory_id_foreign" foreign key ("territory_id") references "territory" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "synergy_project" add constraint "synergy_project_synergy_id_foreign" foreign key ("synergy_id") references "synergy" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "synergy_project" add constraint "synergy_project_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project_stage_change" add constraint "project_stage_change_project_id_foreign" foreign key ("project_id") references "synergy_project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_stage_change" add constraint "project_stage_change_changed_by_id_foreign" foreign key ("changed_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project_participant" add constraint "project_participant_project_id_foreign" foreign key ("project_id") references "synergy_project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_participant" add constraint "project_participant_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_participant" add constraint "project_participant_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "project_participant" add constraint "project_participant_invited_by_organization_id_foreign" foreign key ("invited_by_organization_id") references "organization" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "project_participant" add constraint "project_participant_responded_by_id_foreign" foreign key ("responded_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "project_participant" add constraint "project_participant_removed_by_id_foreign" foreign key ("removed_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "project_stage_change" drop constraint "project_stage_change_project_id_foreign";`);

    this.addSql(`alter table "project_participant" drop constraint "project_participant_project_id_foreign";`);

    this.addSql(`drop table if exists "synergy_project" cascade;`);

    this.addSql(`drop table if exists "project_stage_change" cascade;`);

    this.addSql(`drop table if exists "project_participant" cascade;`);
  }

}
