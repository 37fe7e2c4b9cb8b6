import { Migration } from '@mikro-orm/migrations';

/** Whether a person muted the notifications of new synergies (issue 12), kept on the account across browsers. */
export class Migration20261206070100_notification_preference extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" add column "notifications_muted" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop column "notifications_muted";`);
  }
}
