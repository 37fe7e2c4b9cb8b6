import { Migration } from '@mikro-orm/migrations';

/**
 * Which detector reconciled each root's synergies last (synergy/detection/root-lock.ts): an instance whose detector
 * did not is behind another instance's writes, and reconciles the root in full rather than incrementally.
 */
export class Migration20261206090000_synergy_root_reconciliation extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "synergy_root_reconciliation" ("root_id" uuid not null, "reconciled_by" varchar(64) not null, "reconciled_at" timestamptz not null default now(), constraint "synergy_root_reconciliation_pkey" primary key ("root_id"), constraint "synergy_root_reconciliation_root_id_foreign" foreign key ("root_id") references "territory" ("id") on delete cascade);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "synergy_root_reconciliation";`);
  }
}
