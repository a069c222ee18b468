'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207205100_ReportInbox extends Migration {

  async up() {
    this.addSql(`alter table "order_report" add column "acknowledged_at" timestamptz null, add column "acknowledged_by_id" uuid null;`);
    this.addSql(`create index order_report_awaiting_idx on order_report (created_at) where acknowledged_at is null;`);
  }

  async down() {
    this.addSql(`drop index if exists "order_report_awaiting_idx";`);
    this.addSql(`alter table "order_report" drop column "acknowledged_at", drop column "acknowledged_by_id";`);
  }

}
exports.Migration20261207205100_ReportInbox = Migration20261207205100_ReportInbox;
