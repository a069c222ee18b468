'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207221000_NotificationTraceparent extends Migration {

  async up() {
    this.addSql(`alter table "notification" add column "traceparent" text null;`);
  }

  async down() {
    this.addSql(`alter table "notification" drop column "traceparent";`);
  }

}
exports.Migration20261207221000_NotificationTraceparent = Migration20261207221000_NotificationTraceparent;
