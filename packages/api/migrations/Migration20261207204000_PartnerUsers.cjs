'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207204000_PartnerUsers extends Migration {

  async up() {
    // A partner organisation's own users sit beside staff in app_user: one login, one session table.
    // The default fills the existing rows (staff); new rows always say their roles.
    this.addSql(`alter table "app_user" add column "partner_roles" jsonb not null default '[]';`);
    this.addSql(`alter table "app_user" alter column "partner_roles" drop default;`);
    this.addSql(`create index "app_user_organization_id_index" on "app_user" ("organization_id");`);
    // A report may answer one requested service of an order with several (the portal's per-service reports).
    this.addSql(`alter table "order_report" add column "service_code" text null;`);
  }

  async down() {
    this.addSql(`alter table "order_report" drop column "service_code";`);
    this.addSql(`drop index "app_user_organization_id_index";`);
    this.addSql(`alter table "app_user" drop column "partner_roles";`);
  }

}
exports.Migration20261207204000_PartnerUsers = Migration20261207204000_PartnerUsers;
