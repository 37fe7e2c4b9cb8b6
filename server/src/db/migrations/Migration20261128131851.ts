import { Migration } from '@mikro-orm/migrations';

export class Migration20261128131851 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "territory" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "description" text null, "parent_id" uuid null, "external_ref" varchar(255) null, constraint "territory_pkey" primary key ("id"));`);
    this.addSql(`alter table "territory" add constraint "territory_external_ref_unique" unique ("external_ref");`);

    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "kind" text check ("kind" in ('COMPANY', 'AUTHORITY', 'SSE', 'RESEARCH', 'UNIVERSITY', 'FACILITATOR', 'OTHER')) not null, "territory_id" uuid not null, "nace_code" varchar(255) null, "siren" varchar(9) null, "description" text null, "website" varchar(255) null, "insertion" boolean not null default false, "external_ref" varchar(255) null, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`create index "organization_territory_id_index" on "organization" ("territory_id");`);
    this.addSql(`alter table "organization" add constraint "organization_siren_unique" unique ("siren");`);
    this.addSql(`alter table "organization" add constraint "organization_external_ref_unique" unique ("external_ref");`);

    this.addSql(`create table "site" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "name" varchar(255) not null, "address" varchar(255) null, "postal_code" varchar(255) null, "city" varchar(255) not null, "latitude" double precision not null, "longitude" double precision not null, "siret" varchar(14) null, "external_ref" varchar(255) null, constraint "site_pkey" primary key ("id"));`);
    this.addSql(`create index "site_organization_id_index" on "site" ("organization_id");`);
    this.addSql(`alter table "site" add constraint "site_siret_unique" unique ("siret");`);
    this.addSql(`alter table "site" add constraint "site_external_ref_unique" unique ("external_ref");`);

    this.addSql(`create table "resource_flow" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "site_id" uuid not null, "organization_id" uuid not null, "territory_id" uuid not null, "direction" text check ("direction" in ('OUTPUT', 'INPUT')) not null, "category" text check ("category" in ('MATERIAL', 'WASTE', 'ENERGY', 'WATER', 'EQUIPMENT', 'SERVICE', 'SKILL', 'SPACE', 'LOGISTICS')) not null, "label" varchar(255) not null, "description" text null, "ewc_code" varchar(8) null, "hazardous" boolean not null default false, "quantity" double precision null, "unit" text check ("unit" in ('TONNE', 'KILOGRAM', 'CUBIC_METRE', 'LITRE', 'MEGAWATT_HOUR', 'KILOWATT_HOUR', 'UNIT', 'HOUR', 'SQUARE_METRE')) not null, "period" text check ("period" in ('YEAR', 'MONTH', 'WEEK', 'DAY', 'ONE_OFF')) not null, "yearly_quantity" double precision null, "physical_form" text check ("physical_form" in ('SOLID', 'POWDER', 'LIQUID', 'SLUDGE', 'GAS', 'NOT_APPLICABLE')) null, "temperature_c" double precision null, "available_months" jsonb null, "visibility" text check ("visibility" in ('PRIVATE', 'TERRITORY', 'PUBLIC')) not null, "status" text check ("status" in ('ACTIVE', 'ARCHIVED')) not null default 'ACTIVE', "current_destination" text check ("current_destination" in ('LANDFILL', 'INCINERATION', 'ENERGY_RECOVERY', 'RECYCLING', 'REUSE', 'SEWER', 'OTHER')) null, "yearly_cost_eur" double precision null, "external_ref" varchar(255) null, constraint "resource_flow_pkey" primary key ("id"));`);
    this.addSql(`create index "resource_flow_site_id_index" on "resource_flow" ("site_id");`);
    this.addSql(`create index "resource_flow_organization_id_index" on "resource_flow" ("organization_id");`);
    this.addSql(`create index "resource_flow_ewc_code_index" on "resource_flow" ("ewc_code");`);
    this.addSql(`alter table "resource_flow" add constraint "resource_flow_external_ref_unique" unique ("external_ref");`);
    this.addSql(`create index "resource_flow_territory_id_status_direction_index" on "resource_flow" ("territory_id", "status", "direction");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(255) not null, "name" varchar(255) not null, "password_hash" varchar(255) not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "territory_facilitator" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "territory_id" uuid not null, constraint "territory_facilitator_pkey" primary key ("id"));`);
    this.addSql(`create index "territory_facilitator_user_id_index" on "territory_facilitator" ("user_id");`);
    this.addSql(`alter table "territory_facilitator" add constraint "territory_facilitator_user_id_territory_id_unique" unique ("user_id", "territory_id");`);

    this.addSql(`create table "membership" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "organization_id" uuid not null, "role" text check ("role" in ('ADMIN', 'MEMBER')) not null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`create index "membership_user_id_index" on "membership" ("user_id");`);
    this.addSql(`create index "membership_organization_id_index" on "membership" ("organization_id");`);
    this.addSql(`alter table "membership" add constraint "membership_user_id_organization_id_unique" unique ("user_id", "organization_id");`);

    this.addSql(`create table "api_token" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "name" varchar(255) not null, "prefix" varchar(255) not null, "token_hash" varchar(255) not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`);
    this.addSql(`create index "api_token_user_id_index" on "api_token" ("user_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "user_session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "token_hash" varchar(255) not null, "expires_at" timestamptz not null, constraint "user_session_pkey" primary key ("id"));`);
    this.addSql(`create index "user_session_user_id_index" on "user_session" ("user_id");`);
    this.addSql(`alter table "user_session" add constraint "user_session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "territory" add constraint "territory_parent_id_foreign" foreign key ("parent_id") references "territory" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "organization" add constraint "organization_territory_id_foreign" foreign key ("territory_id") references "territory" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "site" add constraint "site_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "resource_flow" add constraint "resource_flow_site_id_foreign" foreign key ("site_id") references "site" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "resource_flow" add constraint "resource_flow_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "resource_flow" add constraint "resource_flow_territory_id_foreign" foreign key ("territory_id") references "territory" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "territory_facilitator" add constraint "territory_facilitator_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "territory_facilitator" add constraint "territory_facilitator_territory_id_foreign" foreign key ("territory_id") references "territory" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_session" add constraint "user_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

}
