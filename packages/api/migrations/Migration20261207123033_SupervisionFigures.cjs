'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207123033_SupervisionFigures extends Migration {

  async up() {
    // Months computed before this migration read 0 in the new counts (and null rates) until
    // they are recomputed: recomputeMonthlyStatistics(input: { month }) per past month.
    this.addSql(`alter table "monthly_statistic" add column "orders_first_pass" int not null default 0, add column "orders_due" int not null default 0, add column "orders_due_on_time" int not null default 0, add column "claims_first_pass" int not null default 0, add column "claim_deliveries_due" int not null default 0, add column "claim_deliveries_on_time" int not null default 0;`);
    this.addSql(`alter table "monthly_statistic" add constraint monthly_statistic_claim_deliveries_on_time_check check(claim_deliveries_on_time <= claim_deliveries_due);`);
    this.addSql(`alter table "monthly_statistic" add constraint monthly_statistic_claims_first_pass_check check(claims_first_pass <= claims_approved);`);
    this.addSql(`alter table "monthly_statistic" add constraint monthly_statistic_orders_due_on_time_check check(orders_due_on_time <= orders_due);`);
    this.addSql(`alter table "monthly_statistic" add constraint monthly_statistic_orders_first_pass_check check(orders_first_pass <= orders_validated);`);
  }

  async down() {
    this.addSql(`alter table "monthly_statistic" drop constraint monthly_statistic_claim_deliveries_on_time_check;`);
    this.addSql(`alter table "monthly_statistic" drop constraint monthly_statistic_claims_first_pass_check;`);
    this.addSql(`alter table "monthly_statistic" drop constraint monthly_statistic_orders_due_on_time_check;`);
    this.addSql(`alter table "monthly_statistic" drop constraint monthly_statistic_orders_first_pass_check;`);
    this.addSql(`alter table "monthly_statistic" drop column "orders_first_pass", drop column "orders_due", drop column "orders_due_on_time", drop column "claims_first_pass", drop column "claim_deliveries_due", drop column "claim_deliveries_on_time";`);
  }

}
exports.Migration20261207123033_SupervisionFigures = Migration20261207123033_SupervisionFigures;
