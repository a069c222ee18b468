'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207093448_DeclaredPolicyAndLinePriceChecks extends Migration {

  async up() {
    this.addSql(`alter table "patient" add column "declared_policy_number" text null, add column "declared_policy_confirmed_at" timestamptz null;`);
    this.addSql(`create index "patient_declared_policy_number_index" on "patient" ("declared_policy_number");`);

    this.addSql(`alter table "claim_line" add column "schedule_unit_price" numeric(19,4) null, add column "price_above_schedule" boolean not null default false, add column "price_override_reason" text null;`);
  }

  async down() {
    this.addSql(`alter table "claim_line" drop column "schedule_unit_price", drop column "price_above_schedule", drop column "price_override_reason";`);

    this.addSql(`drop index "patient_declared_policy_number_index";`);
    this.addSql(`alter table "patient" drop column "declared_policy_number", drop column "declared_policy_confirmed_at";`);
  }

}
exports.Migration20261207093448_DeclaredPolicyAndLinePriceChecks = Migration20261207093448_DeclaredPolicyAndLinePriceChecks;
