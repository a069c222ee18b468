'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261126070824_ReadPathIndexes extends Migration {

  async up() {
    this.addSql(`create index "attention_order_status_specialty_due_at_index" on "attention_order" ("status", "specialty", "due_at");`);

    this.addSql(`create index "claim_case_id_index" on "claim" ("case_id");`);
  }

  async down() {
    this.addSql(`drop index "attention_order_status_specialty_due_at_index";`);

    this.addSql(`drop index "claim_case_id_index";`);
  }

}
exports.Migration20261126070824_ReadPathIndexes = Migration20261126070824_ReadPathIndexes;
