'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261126035615_Initial extends Migration {

  async up() {
    this.addSql(`create type "notification_channel" as enum ('SMS', 'EMAIL');`);
    this.addSql(`create type "notification_status" as enum ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');`);
    this.addSql(`create type "organization_kind" as enum ('OPERATOR', 'CLINIC', 'LAB', 'HOSPITAL', 'INTERCONSULTANT', 'AGENCY', 'INSURER');`);
    this.addSql(`create type "policy_type" as enum ('INDIVIDUAL', 'GROUP');`);
    this.addSql(`create type "policy_status" as enum ('ACTIVE', 'SUSPENDED', 'EXPIRED', 'CANCELLED');`);
    this.addSql(`create type "patient_status" as enum ('PROSPECT', 'ACTIVE', 'INACTIVE');`);
    this.addSql(`create type "case_kind" as enum ('OUTPATIENT', 'INPATIENT', 'GLOBAL');`);
    this.addSql(`create type "case_status" as enum ('OPEN', 'CLOSED', 'CANCELLED');`);
    this.addSql(`create table "audit_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "actor_kind" text not null, "actor_id" uuid null, "actor_organization_id" uuid null, "action" text not null, "entity_type" text not null, "entity_id" uuid null, "changes" jsonb null, "request_id" text null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_created_at_index" on "audit_event" ("created_at");`);
    this.addSql(`create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`);

    this.addSql(`create table "document_counter" ("prefix" text not null, "year" int not null, "value" int not null, constraint "document_counter_pkey" primary key ("prefix", "year"));`);

    this.addSql(`create table "idempotency_record" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "principal_key" text not null, "key" text not null, "operation" text not null, "request_hash" text not null, "result_id" uuid null, constraint "idempotency_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_principal_key_key_unique" unique ("principal_key", "key");`);

    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "channel" "notification_channel" not null, "recipient" text not null, "template" text not null, "language" text not null default 'es', "subject" text null, "body" text not null, "dedupe_key" text not null, "status" "notification_status" not null default 'QUEUED', "attempts" int not null default 0, "last_error" text null, "provider_message_id" text null, "organization_id" uuid null, "patient_id" uuid null, "related_type" text null, "related_id" uuid null, "send_after" timestamptz not null, "sent_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification" add constraint "notification_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "notification_organization_id_index" on "notification" ("organization_id");`);
    this.addSql(`create index "notification_related_type_related_id_index" on "notification" ("related_type", "related_id");`);
    this.addSql(`create index "notification_status_send_after_index" on "notification" ("status", "send_after");`);

    this.addSql(`create table "service_code" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "system" text not null, "code" text not null, "description" text not null, "fee" numeric(14,2) not null, "currency" text not null, "requires_preauthorization" boolean not null default false, "specialty" text null, "active" boolean not null default true, constraint "service_code_pkey" primary key ("id"));`);
    this.addSql(`create index "service_code_specialty_index" on "service_code" ("specialty");`);
    this.addSql(`alter table "service_code" add constraint "service_code_system_code_unique" unique ("system", "code");`);

    this.addSql(`create table "status_change" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "entity_type" text not null, "entity_id" uuid not null, "from_status" text null, "to_status" text not null, "event" text not null, "reason" text null, "reason_code" text null, "reference" text null, "actor_kind" text not null, "actor_id" uuid null, "actor_organization_id" uuid null, constraint "status_change_pkey" primary key ("id"));`);
    this.addSql(`create index "status_change_entity_type_entity_id_created_at_index" on "status_change" ("entity_type", "entity_id", "created_at");`);

    this.addSql(`create table "work_calendar" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "country" text not null, "region" text null, "weekend_days" jsonb not null, "closures" jsonb not null, "time_zone" text not null, constraint "work_calendar_pkey" primary key ("id"));`);

    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "kind" "organization_kind" not null, "name" text not null, "tax_id" text null, "phone" text null, "email" text null, "region" text null, "country" text not null, "time_zone" text not null, "language" text not null default 'es', "work_calendar_id" uuid null, "active" boolean not null default true, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`create index "organization_kind_index" on "organization" ("kind");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "email" text not null, "name" text not null, "phone" text null, "language" text not null default 'es', "roles" jsonb not null, "organization_id" uuid not null, "password_hash" text not null, "active" boolean not null default true, "failed_logins" int not null default 0, "locked_until" timestamptz null, "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "visitor_hospital" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "visitor_id" uuid not null, "hospital_id" uuid not null, constraint "visitor_hospital_pkey" primary key ("id"));`);
    this.addSql(`create index "visitor_hospital_hospital_id_index" on "visitor_hospital" ("hospital_id");`);
    this.addSql(`alter table "visitor_hospital" add constraint "visitor_hospital_visitor_id_hospital_id_unique" unique ("visitor_id", "hospital_id");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "token_hash" text not null, "family" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_token_family_index" on "refresh_token" ("family");`);

    this.addSql(`create table "policy" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "number" text not null, "type" "policy_type" not null, "insurer_id" uuid not null, "holder_name" text not null, "valid_from" date not null, "valid_to" date not null, "status" "policy_status" not null default 'ACTIVE', "deductible" numeric(14,2) not null default '0.00', "coverage_rate" numeric(5,4) not null default '1.0000', "currency" text not null, constraint "policy_pkey" primary key ("id"));`);
    this.addSql(`alter table "policy" add constraint "policy_number_unique" unique ("number");`);

    this.addSql(`create table "policy_network_provider" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "policy_id" uuid not null, "provider_id" uuid not null, constraint "policy_network_provider_pkey" primary key ("id"));`);
    this.addSql(`alter table "policy_network_provider" add constraint "policy_network_provider_policy_id_provider_id_unique" unique ("policy_id", "provider_id");`);

    this.addSql(`create table "liability" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "policy_id" uuid not null, "code" text not null, "name" text not null, "coverage_rate" numeric(5,4) not null, "annual_limit" numeric(14,2) null, "per_claim_limit" numeric(14,2) null, constraint "liability_pkey" primary key ("id"));`);
    this.addSql(`alter table "liability" add constraint "liability_policy_id_code_unique" unique ("policy_id", "code");`);

    this.addSql(`create table "patient" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "customer_number" text not null, "national_id_enc" text null, "national_id_index" text null, "first_name" text not null, "last_name" text not null, "birth_date" date null, "phone" text null, "email" text null, "language" text not null default 'es', "status" "patient_status" not null default 'PROSPECT', "sms_consent" boolean not null default false, "email_consent" boolean not null default false, "declared_insurance" text null, "registered_by_id" uuid null, constraint "patient_pkey" primary key ("id"));`);
    this.addSql(`alter table "patient" add constraint "patient_customer_number_unique" unique ("customer_number");`);
    this.addSql(`create index "patient_national_id_index_index" on "patient" ("national_id_index");`);
    this.addSql(`create index "patient_last_name_first_name_index" on "patient" ("last_name", "first_name");`);

    this.addSql(`create table "policy_member" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "policy_id" uuid not null, "patient_id" uuid not null, constraint "policy_member_pkey" primary key ("id"));`);
    this.addSql(`create index "policy_member_patient_id_index" on "policy_member" ("patient_id");`);
    this.addSql(`alter table "policy_member" add constraint "policy_member_policy_id_patient_id_unique" unique ("policy_id", "patient_id");`);

    this.addSql(`create table "medical_case" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "number" text not null, "patient_id" uuid not null, "kind" "case_kind" not null, "incident_date" date not null, "registered_by_id" uuid not null, "hospital_id" uuid null, "scan_key" text not null, "status" "case_status" not null default 'OPEN', "description" text null, constraint "medical_case_pkey" primary key ("id"));`);
    this.addSql(`alter table "medical_case" add constraint "medical_case_number_unique" unique ("number");`);
    this.addSql(`create index "medical_case_scan_key_index" on "medical_case" ("scan_key");`);
    this.addSql(`create index "medical_case_patient_id_index" on "medical_case" ("patient_id");`);
    this.addSql(`create index "medical_case_registered_by_id_created_at_index" on "medical_case" ("registered_by_id", "created_at");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "organization_id" uuid not null, "name" text not null, "prefix" text not null, "secret_hash" text not null, "scopes" jsonb not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "created_by_user_id" uuid null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`alter table "organization" add constraint "organization_work_calendar_id_foreign" foreign key ("work_calendar_id") references "work_calendar" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "app_user" add constraint "app_user_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "visitor_hospital" add constraint "visitor_hospital_visitor_id_foreign" foreign key ("visitor_id") references "app_user" ("id") on update cascade;`);
    this.addSql(`alter table "visitor_hospital" add constraint "visitor_hospital_hospital_id_foreign" foreign key ("hospital_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`);

    this.addSql(`alter table "policy" add constraint "policy_insurer_id_foreign" foreign key ("insurer_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "policy_network_provider" add constraint "policy_network_provider_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade;`);
    this.addSql(`alter table "policy_network_provider" add constraint "policy_network_provider_provider_id_foreign" foreign key ("provider_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "liability" add constraint "liability_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade;`);

    this.addSql(`alter table "patient" add constraint "patient_registered_by_id_foreign" foreign key ("registered_by_id") references "organization" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "policy_member" add constraint "policy_member_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade;`);
    this.addSql(`alter table "policy_member" add constraint "policy_member_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`);

    this.addSql(`alter table "medical_case" add constraint "medical_case_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`);
    this.addSql(`alter table "medical_case" add constraint "medical_case_registered_by_id_foreign" foreign key ("registered_by_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "medical_case" add constraint "medical_case_hospital_id_foreign" foreign key ("hospital_id") references "organization" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "api_key" add constraint "api_key_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
  }

  async down() {
    this.addSql(`alter table "organization" drop constraint "organization_work_calendar_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_organization_id_foreign";`);

    this.addSql(`alter table "visitor_hospital" drop constraint "visitor_hospital_hospital_id_foreign";`);

    this.addSql(`alter table "policy" drop constraint "policy_insurer_id_foreign";`);

    this.addSql(`alter table "policy_network_provider" drop constraint "policy_network_provider_provider_id_foreign";`);

    this.addSql(`alter table "patient" drop constraint "patient_registered_by_id_foreign";`);

    this.addSql(`alter table "medical_case" drop constraint "medical_case_registered_by_id_foreign";`);

    this.addSql(`alter table "medical_case" drop constraint "medical_case_hospital_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_organization_id_foreign";`);

    this.addSql(`alter table "visitor_hospital" drop constraint "visitor_hospital_visitor_id_foreign";`);

    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_user_id_foreign";`);

    this.addSql(`alter table "policy_network_provider" drop constraint "policy_network_provider_policy_id_foreign";`);

    this.addSql(`alter table "liability" drop constraint "liability_policy_id_foreign";`);

    this.addSql(`alter table "policy_member" drop constraint "policy_member_policy_id_foreign";`);

    this.addSql(`alter table "policy_member" drop constraint "policy_member_patient_id_foreign";`);

    this.addSql(`alter table "medical_case" drop constraint "medical_case_patient_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "document_counter" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "service_code" cascade;`);

    this.addSql(`drop table if exists "status_change" cascade;`);

    this.addSql(`drop table if exists "work_calendar" cascade;`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "visitor_hospital" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop table if exists "policy" cascade;`);

    this.addSql(`drop table if exists "policy_network_provider" cascade;`);

    this.addSql(`drop table if exists "liability" cascade;`);

    this.addSql(`drop table if exists "patient" cascade;`);

    this.addSql(`drop table if exists "policy_member" cascade;`);

    this.addSql(`drop table if exists "medical_case" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop type "notification_channel";`);
    this.addSql(`drop type "notification_status";`);
    this.addSql(`drop type "organization_kind";`);
    this.addSql(`drop type "policy_type";`);
    this.addSql(`drop type "policy_status";`);
    this.addSql(`drop type "patient_status";`);
    this.addSql(`drop type "case_kind";`);
    this.addSql(`drop type "case_status";`);
  }

}
exports.Migration20261126035615_Initial = Migration20261126035615_Initial;
