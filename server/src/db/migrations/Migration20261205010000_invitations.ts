import { Migration } from '@mikro-orm/migrations';

/** Joining by invitation link (issue 12): a single-use secret per invited person, stored as its keyed hash. */
export class Migration20261205010000_invitations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "invitation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "email" varchar(255) not null, "role" text check ("role" in ('ADMIN', 'MEMBER')) not null, "token_hash" varchar(255) not null, "invited_by_id" uuid null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "invitation_organization_id_index" on "invitation" ("organization_id");`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);
    this.addSql(`alter table "invitation" add constraint "invitation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invitation" cascade;`);
  }
}
