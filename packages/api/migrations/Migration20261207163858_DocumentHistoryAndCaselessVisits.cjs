'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207163858_DocumentHistoryAndCaselessVisits extends Migration {

  async up() {
    this.addSql(`alter table "document" drop constraint "document_case_id_foreign";`);

    this.addSql(`alter table "document" add column "removed_at" timestamptz null, add column "removal_reason" text null, add column "replaced_by_id" uuid null, add column "replaces_id" uuid null;`);
    this.addSql(`alter table "document" alter column "case_id" drop default;`);
    this.addSql(`alter table "document" alter column "case_id" type uuid using ("case_id"::text::uuid);`);
    this.addSql(`alter table "document" alter column "case_id" drop not null;`);
    this.addSql(`alter table "document" add constraint "document_case_id_foreign" foreign key ("case_id") references "medical_case" ("id") on update cascade on delete set null;`);
  }

  async down() {
    this.addSql(`alter table "document" drop constraint "document_case_id_foreign";`);

    this.addSql(`alter table "document" drop column "removed_at", drop column "removal_reason", drop column "replaced_by_id", drop column "replaces_id";`);

    this.addSql(`alter table "document" alter column "case_id" drop default;`);
    this.addSql(`alter table "document" alter column "case_id" type uuid using ("case_id"::text::uuid);`);
    this.addSql(`alter table "document" alter column "case_id" set not null;`);
    this.addSql(`alter table "document" add constraint "document_case_id_foreign" foreign key ("case_id") references "medical_case" ("id") on update cascade on delete no action;`);
  }

}
exports.Migration20261207163858_DocumentHistoryAndCaselessVisits = Migration20261207163858_DocumentHistoryAndCaselessVisits;
