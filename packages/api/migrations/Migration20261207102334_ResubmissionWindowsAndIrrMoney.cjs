'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207102334_ResubmissionWindowsAndIrrMoney extends Migration {

  async up() {
    this.addSql(`alter table "service_code" alter column "fee" type numeric(17,2) using ("fee"::numeric(17,2));`);

    this.addSql(`alter table "policy" alter column "deductible" type numeric(17,2) using ("deductible"::numeric(17,2));`);

    this.addSql(`alter table "liability" alter column "annual_limit" type numeric(17,2) using ("annual_limit"::numeric(17,2));`);
    this.addSql(`alter table "liability" alter column "per_claim_limit" type numeric(17,2) using ("per_claim_limit"::numeric(17,2));`);

    this.addSql(`alter table "attention_order" alter column "amount" type numeric(17,2) using ("amount"::numeric(17,2));`);

    this.addSql(`alter table "claim" add column "delivery_windows" jsonb not null default '[]';`);
    // Existing claims get the window they have: the current deadline, opened at registration
    // (or at the latest return, which is the only one whose due date is still known).
    this.addSql(`update "claim" set "delivery_windows" = jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
      'opensBy', case when "status" = 'RETURNED' then 'RETURN' else 'REGISTER' end,
      'opensAt', to_jsonb(case when "status" = 'RETURNED' then "updated_at" else "created_at" end),
      'dueAt', to_jsonb("delivery_due_at"),
      'deliveredAt', case when "status" in ('DRAFT', 'RETURNED') then null else to_jsonb("last_submitted_at") end)));`);
  }

  async down() {
    this.addSql(`alter table "attention_order" alter column "amount" type numeric(14,2) using ("amount"::numeric(14,2));`);

    this.addSql(`alter table "claim" drop column "delivery_windows";`);

    this.addSql(`alter table "liability" alter column "annual_limit" type numeric(14,2) using ("annual_limit"::numeric(14,2));`);
    this.addSql(`alter table "liability" alter column "per_claim_limit" type numeric(14,2) using ("per_claim_limit"::numeric(14,2));`);

    this.addSql(`alter table "policy" alter column "deductible" type numeric(14,2) using ("deductible"::numeric(14,2));`);

    this.addSql(`alter table "service_code" alter column "fee" type numeric(14,2) using ("fee"::numeric(14,2));`);
  }

}
exports.Migration20261207102334_ResubmissionWindowsAndIrrMoney = Migration20261207102334_ResubmissionWindowsAndIrrMoney;
