'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261207123502_DocumentsAndPartnerIntake extends Migration {

  async up() {
    this.addSql(`create table "document_type" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "code" text not null, "name" text not null, "description" text null, "required_for_claim_kinds" text[] not null default '{}', "active" boolean not null default true, "position" int not null default 0, constraint "document_type_pkey" primary key ("id"));`);
    this.addSql(`alter table "document_type" add constraint "document_type_code_unique" unique ("code");`);

    this.addSql(`create table "document" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "document_type_id" uuid not null, "file_id" uuid not null, "case_id" uuid not null, "claim_id" uuid null, "visit_id" uuid null, "scan_key" text not null, "file_name" text not null, "content_type" text not null, "size" bigint not null, "sha256" text not null, "note" text null, "attached_by_organization_id" uuid null, "attached_by_kind" text not null, constraint "document_pkey" primary key ("id"));`);
    this.addSql(`create index "document_scan_key_index" on "document" ("scan_key");`);
    this.addSql(`create index "document_visit_id_index" on "document" ("visit_id");`);
    this.addSql(`create index "document_claim_id_index" on "document" ("claim_id");`);
    this.addSql(`create index "document_case_id_created_at_index" on "document" ("case_id", "created_at");`);

    this.addSql(`alter table "document" add constraint "document_document_type_id_foreign" foreign key ("document_type_id") references "document_type" ("id") on update cascade;`);
    this.addSql(`alter table "document" add constraint "document_file_id_foreign" foreign key ("file_id") references "stored_file" ("id") on update cascade;`);
    this.addSql(`alter table "document" add constraint "document_case_id_foreign" foreign key ("case_id") references "medical_case" ("id") on update cascade;`);
    this.addSql(`alter table "document" add constraint "document_claim_id_foreign" foreign key ("claim_id") references "claim" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "document" add constraint "document_visit_id_foreign" foreign key ("visit_id") references "visit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "stored_file" add column "uploaded_by_id" uuid null;`);

    // The starting list of document types; no claim kind requires any until an
    // administrator says so (updateDocumentType), so upgrading refuses no SUBMIT.
    this.addSql(`insert into "document_type" ("id", "code", "name", "description", "position") values
      (gen_random_uuid(), 'CLAIM_FORM', 'Claim form', 'The signed claim form (scanned).', 10),
      (gen_random_uuid(), 'INVOICE', 'Invoice', 'Itemised invoice or receipt of the services.', 20),
      (gen_random_uuid(), 'PRESCRIPTION', 'Prescription', 'The prescription or referral.', 30),
      (gen_random_uuid(), 'MEDICAL_REPORT', 'Medical report', 'Discharge summary, clinical notes or test results.', 40),
      (gen_random_uuid(), 'ID_COPY', 'ID copy', 'Copy of the insured person''s identity document.', 50),
      (gen_random_uuid(), 'PHOTO', 'Photo', 'A photo taken during a visit.', 60)
      on conflict ("code") do nothing;`);
  }

  async down() {
    this.addSql(`alter table "document" drop constraint "document_document_type_id_foreign";`);

    this.addSql(`drop table if exists "document_type" cascade;`);

    this.addSql(`drop table if exists "document" cascade;`);

    this.addSql(`alter table "stored_file" drop column "uploaded_by_id";`);
  }

}
exports.Migration20261207123502_DocumentsAndPartnerIntake = Migration20261207123502_DocumentsAndPartnerIntake;
