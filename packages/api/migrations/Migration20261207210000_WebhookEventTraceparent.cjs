'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207210000_WebhookEventTraceparent extends Migration {

  async up() {
    this.addSql(`alter table "webhook_event" add column "traceparent" text null;`);
  }

  async down() {
    this.addSql(`alter table "webhook_event" drop column "traceparent";`);
  }

}
exports.Migration20261207210000_WebhookEventTraceparent = Migration20261207210000_WebhookEventTraceparent;
