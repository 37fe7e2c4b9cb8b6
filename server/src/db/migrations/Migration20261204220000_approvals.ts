import { Migration } from '@mikro-orm/migrations';

/**
 * Joining is approved (DESIGN.md §6): a new organisation waits for a facilitator of its territory, a new member for
 * the organisation's admin or a facilitator. Everything registered before this rule was approved by being there.
 */
export class Migration20261204220000_approvals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organization" add column "approval" text check ("approval" in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'APPROVED';`);
    this.addSql(`alter table "membership" add column "approval" text check ("approval" in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'APPROVED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organization" drop column "approval";`);
    this.addSql(`alter table "membership" drop column "approval";`);
  }
}
