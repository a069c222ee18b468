'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207205000_FormTemplateAuthoring extends Migration {

  async up() {
    this.addSql(`alter table "form_template" add column "created_by_kind" text not null default 'SYSTEM', add column "created_by_id" uuid null;`);
    // Before the one-active index: keep only the newest active version of each specialty.
    this.addSql(`update "form_template" t set "active" = false where "active" and exists (select 1 from "form_template" n where n."specialty" = t."specialty" and n."active" and n."template_version" > t."template_version");`);
    this.addSql(`create unique index form_template_one_active_per_specialty on form_template (specialty) where active;`);
  }

  async down() {
    this.addSql(`drop index if exists "form_template_one_active_per_specialty";`);
    this.addSql(`alter table "form_template" drop column "created_by_kind", drop column "created_by_id";`);
  }

}
exports.Migration20261207205000_FormTemplateAuthoring = Migration20261207205000_FormTemplateAuthoring;
