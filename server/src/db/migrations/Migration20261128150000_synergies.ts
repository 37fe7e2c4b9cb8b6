import { Migration } from '@mikro-orm/migrations';

export class Migration20261128150000_synergies extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "synergy" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(600) not null, "kind" text check ("kind" in ('SUBSTITUTION', 'MUTUALISATION')) not null, "origin" text check ("origin" in ('DETECTED', 'RECORDED')) not null, "pathway_id" varchar(120) null, "knowledge_base_version" varchar(40) null, "status" text check ("status" in ('SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED', 'DECLINED', 'STALE')) not null default 'SUGGESTED', "territory_id" uuid not null, "score" double precision not null, "explanation" jsonb null, "impacts" jsonb not null, "fingerprint" varchar(64) not null, "decision_fingerprint" varchar(64) null, "current" boolean not null default true, "operational" boolean not null default false, "note" text null, "recorded_by_id" uuid null, constraint "synergy_pkey" primary key ("id"));`);
    this.addSql(`alter table "synergy" add constraint "synergy_key_unique" unique ("key");`);
    this.addSql(`create index "synergy_territory_id_status_index" on "synergy" ("territory_id", "status");`);

    this.addSql(`create table "synergy_participant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "synergy_id" uuid not null, "organization_id" uuid not null, "flow_id" uuid null, "role" text check ("role" in ('OUTPUT', 'INPUT', 'MEMBER')) not null, "consent" text check ("consent" in ('PENDING', 'ACCEPTED', 'DECLINED')) not null default 'PENDING', "consent_at" timestamptz null, "consent_by_id" uuid null, constraint "synergy_participant_pkey" primary key ("id"));`);
    this.addSql(`create index "synergy_participant_synergy_id_index" on "synergy_participant" ("synergy_id");`);
    this.addSql(`create index "synergy_participant_organization_id_index" on "synergy_participant" ("organization_id");`);
    this.addSql(`create index "synergy_participant_flow_id_index" on "synergy_participant" ("flow_id");`);
    this.addSql(`alter table "synergy_participant" add constraint "synergy_participant_synergy_id_organization_id_flow_id_unique" unique ("synergy_id", "organization_id", "flow_id");`);

    this.addSql(`alter table "synergy" add constraint "synergy_territory_id_foreign" foreign key ("territory_id") references "territory" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "synergy" add constraint "synergy_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "synergy_participant" add constraint "synergy_participant_synergy_id_foreign" foreign key ("synergy_id") references "synergy" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "synergy_participant" add constraint "synergy_participant_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "synergy_participant" add constraint "synergy_participant_flow_id_foreign" foreign key ("flow_id") references "resource_flow" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "synergy_participant" add constraint "synergy_participant_consent_by_id_foreign" foreign key ("consent_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "resource_flow" add column "need_code" varchar(80) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "synergy_participant" drop constraint "synergy_participant_synergy_id_foreign";`);

    this.addSql(`drop table if exists "synergy" cascade;`);

    this.addSql(`drop table if exists "synergy_participant" cascade;`);

    this.addSql(`alter table "resource_flow" drop column "need_code";`);
  }

}
