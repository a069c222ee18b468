'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207160740_Branches extends Migration {

  async up() {
    this.addSql(`create table "branch" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "operator_id" uuid not null, "code" text not null, "name" text not null, "region" text null, "active" boolean not null default true, constraint "branch_pkey" primary key ("id"));`);
    this.addSql(`alter table "branch" add constraint "branch_code_unique" unique ("code");`);
    this.addSql(`create index "branch_operator_id_index" on "branch" ("operator_id");`);

    this.addSql(`create table "user_branch" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "branch_id" uuid not null, constraint "user_branch_pkey" primary key ("id"));`);
    this.addSql(`create index "user_branch_branch_id_index" on "user_branch" ("branch_id");`);
    this.addSql(`alter table "user_branch" add constraint "user_branch_user_id_branch_id_unique" unique ("user_id", "branch_id");`);

    this.addSql(`alter table "branch" add constraint "branch_operator_id_foreign" foreign key ("operator_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "user_branch" add constraint "user_branch_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "user_branch" add constraint "user_branch_branch_id_foreign" foreign key ("branch_id") references "branch" ("id") on update cascade;`);

    this.addSql(`alter table "organization" add column "branch_id" uuid null;`);
    this.addSql(`alter table "organization" add constraint "organization_branch_id_foreign" foreign key ("branch_id") references "branch" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "refresh_token" add column "branch_id" uuid null;`);

    this.addSql(`alter table "medical_case" add column "branch_id" uuid null;`);
    this.addSql(`alter table "medical_case" add constraint "medical_case_branch_id_foreign" foreign key ("branch_id") references "branch" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "medical_case_branch_id_index" on "medical_case" ("branch_id");`);
  }

  async down() {
    this.addSql(`alter table "organization" drop constraint "organization_branch_id_foreign";`);

    this.addSql(`alter table "user_branch" drop constraint "user_branch_branch_id_foreign";`);

    this.addSql(`alter table "medical_case" drop constraint "medical_case_branch_id_foreign";`);

    this.addSql(`drop table if exists "branch" cascade;`);

    this.addSql(`drop table if exists "user_branch" cascade;`);

    this.addSql(`drop index "medical_case_branch_id_index";`);
    this.addSql(`alter table "medical_case" drop column "branch_id";`);

    this.addSql(`alter table "organization" drop column "branch_id";`);

    this.addSql(`alter table "refresh_token" drop column "branch_id";`);
  }

}
exports.Migration20261207160740_Branches = Migration20261207160740_Branches;
