'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207200100_ServiceCodeMaxDiscountRate extends Migration {

  async up() {
    // Null keeps every existing code as it was: a discount up to the whole line. The API checks 0..1
    // (rules.rate), as it does for coverage rates.
    this.addSql(`alter table "service_code" add column "max_discount_rate" numeric(5,4) null;`);
  }

  async down() {
    this.addSql(`alter table "service_code" drop column "max_discount_rate";`);
  }

}
exports.Migration20261207200100_ServiceCodeMaxDiscountRate = Migration20261207200100_ServiceCodeMaxDiscountRate;
