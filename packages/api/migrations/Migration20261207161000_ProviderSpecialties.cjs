'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207161000_ProviderSpecialties extends Migration {

  async up() {
    this.addSql(`alter table "organization" add column "specialties" text[] not null default '{}';`);
  }

  async down() {
    this.addSql(`alter table "organization" drop column "specialties";`);
  }

}
exports.Migration20261207161000_ProviderSpecialties = Migration20261207161000_ProviderSpecialties;
