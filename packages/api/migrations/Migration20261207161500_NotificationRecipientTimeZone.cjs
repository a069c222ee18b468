'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207161500_NotificationRecipientTimeZone extends Migration {

  async up() {
    // Quiet hours are the recipient's: rows queued before this read the organisation's zone, as before.
    this.addSql(`alter table "notification" add column "recipient_time_zone" text null;`);
  }

  async down() {
    this.addSql(`alter table "notification" drop column "recipient_time_zone";`);
  }

}
exports.Migration20261207161500_NotificationRecipientTimeZone = Migration20261207161500_NotificationRecipientTimeZone;
