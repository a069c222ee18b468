'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

// A partner's order list in creation order reads its provider branch from this index
// (the compiled read path's UNION of index-ordered branches, docs/BENCHMARKS.md).
class Migration20261207160000_OrderProviderCreatedIndex extends Migration {

  async up() {
    this.addSql(`create index "attention_order_provider_id_created_at_index" on "attention_order" ("provider_id", "created_at");`);
  }

  async down() {
    this.addSql(`drop index if exists "attention_order_provider_id_created_at_index";`);
  }

}
exports.Migration20261207160000_OrderProviderCreatedIndex = Migration20261207160000_OrderProviderCreatedIndex;
