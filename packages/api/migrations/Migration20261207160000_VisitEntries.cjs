'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207160000_VisitEntries extends Migration {

  async up() {
    this.addSql(`create table "visit_entry" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "visit_id" uuid not null, "actor_kind" text not null, "actor_id" uuid null, "actor_organization_id" uuid null, "conclusion" text null, "changes" jsonb not null, constraint "visit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "visit_entry_visit_id_created_at_index" on "visit_entry" ("visit_id", "created_at");`);
    this.addSql(`alter table "visit_entry" add constraint "visit_entry_visit_id_foreign" foreign key ("visit_id") references "visit" ("id") on update cascade;`);
  }

  async down() {
    this.addSql(`drop table if exists "visit_entry" cascade;`);
  }

}
exports.Migration20261207160000_VisitEntries = Migration20261207160000_VisitEntries;
