'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
const { Migration } = require('@mikro-orm/migrations');

class Migration20261126044416_Initial extends Migration {

  async up() {
    this.addSql(`create type "notification_channel" as enum ('SMS', 'EMAIL');`);
    this.addSql(`create type "notification_status" as enum ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');`);
    this.addSql(`create type "organization_kind" as enum ('OPERATOR', 'CLINIC', 'LAB', 'HOSPITAL', 'INTERCONSULTANT', 'AGENCY', 'INSURER');`);
    this.addSql(`create type "webhook_delivery_status" as enum ('PENDING', 'DELIVERED', 'FAILED');`);
    this.addSql(`create type "policy_type" as enum ('INDIVIDUAL', 'GROUP');`);
    this.addSql(`create type "policy_status" as enum ('ACTIVE', 'SUSPENDED', 'EXPIRED', 'CANCELLED');`);
    this.addSql(`create type "patient_status" as enum ('PROSPECT', 'ACTIVE', 'INACTIVE');`);
    this.addSql(`create type "case_kind" as enum ('OUTPATIENT', 'INPATIENT', 'GLOBAL');`);
    this.addSql(`create type "case_status" as enum ('OPEN', 'CLOSED', 'CANCELLED');`);
    this.addSql(`create type "visit_kind" as enum ('FIELD_VISIT', 'APPOINTMENT');`);
    this.addSql(`create type "visit_status" as enum ('PENDING_ASSIGNMENT', 'SCHEDULED', 'IN_PROGRESS', 'IN_REVIEW', 'RETURNED', 'COMPLETED', 'NO_SHOW', 'CANCELLED');`);
    this.addSql(`create type "visit_conclusion" as enum ('COMPLETED', 'NO_LIABILITY');`);
    this.addSql(`create type "bank_account_scheme" as enum ('IBAN', 'CN_CARD', 'CL_ACCOUNT');`);
    this.addSql(`create type "order_kind" as enum ('EXAM', 'EXPERT_OPINION', 'INTERCONSULTATION');`);
    this.addSql(`create type "order_status" as enum ('ISSUED', 'CONFIRMED', 'IN_EVALUATION', 'IN_VERIFICATION', 'REJECTED', 'VALIDATED_FOR_BILLING', 'BILLED', 'SUSPENDED', 'VOIDED', 'EXPIRED');`);
    this.addSql(`create type "report_kind" as enum ('PRELIMINARY', 'FINAL');`);
    this.addSql(`create type "claim_kind" as enum ('OUTPATIENT', 'INPATIENT', 'GLOBAL');`);
    this.addSql(`create type "claim_status" as enum ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'DENIED', 'SETTLED', 'CANCELLED');`);
    this.addSql(`create type "payment_payer" as enum ('PATIENT', 'INSURER');`);
    this.addSql(`create type "payment_method" as enum ('CASH', 'CARD', 'TRANSFER', 'CHECK', 'MOBILE_WALLET', 'OTHER');`);
    this.addSql(`create table "audit_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "actor_kind" text not null, "actor_id" uuid null, "actor_organization_id" uuid null, "action" text not null, "entity_type" text not null, "entity_id" uuid null, "changes" jsonb null, "request_id" text null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_created_at_index" on "audit_event" ("created_at");`);
    this.addSql(`create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`);

    this.addSql(`create table "document_counter" ("prefix" text not null, "year" int not null, "value" int not null, constraint "document_counter_pkey" primary key ("prefix", "year"));`);

    this.addSql(`create table "form_template" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "specialty" text not null, "template_version" int not null, "title" text not null, "schema" jsonb not null, "active" boolean not null default true, constraint "form_template_pkey" primary key ("id"));`);
    this.addSql(`create index "form_template_specialty_active_index" on "form_template" ("specialty", "active");`);
    this.addSql(`alter table "form_template" add constraint "form_template_specialty_template_version_unique" unique ("specialty", "template_version");`);

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

    this.addSql(`create table "stored_file" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "file_name" text not null, "content_type" text not null, "size" bigint not null, "sha256" text not null, "storage_key" text not null, "uploaded_by_organization_id" uuid null, "uploaded_by_kind" text null, constraint "stored_file_pkey" primary key ("id"));`);
    this.addSql(`create index "stored_file_uploaded_by_organization_id_created_at_index" on "stored_file" ("uploaded_by_organization_id", "created_at");`);

    this.addSql(`create table "work_calendar" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "country" text not null, "region" text null, "weekend_days" jsonb not null, "closures" jsonb not null, "open_days" jsonb not null default '[]', "time_zone" text not null, constraint "work_calendar_pkey" primary key ("id"));`);

    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "kind" "organization_kind" not null, "name" text not null, "tax_id" text null, "phone" text null, "email" text null, "region" text null, "country" text not null, "time_zone" text not null, "language" text not null default 'es', "work_calendar_id" uuid null, "active" boolean not null default true, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`create index "organization_kind_index" on "organization" ("kind");`);

    this.addSql(`create table "webhook_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "type" text not null, "occurred_at" timestamptz not null, "organization_id" uuid not null, "object_type" text not null, "object_id" uuid not null, "object_status" text not null, "object_version" int not null, "fanned_out_at" timestamptz null, constraint "webhook_event_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_event_fanned_out_at_occurred_at_index" on "webhook_event" ("fanned_out_at", "occurred_at");`);

    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "organization_id" uuid not null, "url" text not null, "events" text[] not null, "description" text null, "secret_enc" text not null, "active" boolean not null default true, "consecutive_failure_since" timestamptz null, "disabled_at" timestamptz null, constraint "webhook_endpoint_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_endpoint_organization_id_active_index" on "webhook_endpoint" ("organization_id", "active");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "event_id" uuid not null, "endpoint_id" uuid not null, "status" "webhook_delivery_status" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "last_status_code" int null, "last_error" text null, "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_status_next_attempt_at_index" on "webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_id_endpoint_id_unique" unique ("event_id", "endpoint_id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "email" text not null, "name" text not null, "phone" text null, "language" text not null default 'es', "roles" jsonb not null, "organization_id" uuid not null, "password_hash" text not null, "active" boolean not null default true, "failed_logins" int not null default 0, "locked_until" timestamptz null, "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "visitor_hospital" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "visitor_id" uuid not null, "hospital_id" uuid not null, constraint "visitor_hospital_pkey" primary key ("id"));`);
    this.addSql(`create index "visitor_hospital_hospital_id_index" on "visitor_hospital" ("hospital_id");`);
    this.addSql(`alter table "visitor_hospital" add constraint "visitor_hospital_visitor_id_hospital_id_unique" unique ("visitor_id", "hospital_id");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "token_hash" text not null, "family" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "revoked_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_token_family_index" on "refresh_token" ("family");`);

    this.addSql(`create table "policy" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "number" text not null, "type" "policy_type" not null, "insurer_id" uuid not null, "holder_name" text not null, "valid_from" date not null, "valid_to" date not null, "status" "policy_status" not null default 'ACTIVE', "deductible" numeric(14,2) not null default '0', "coverage_rate" numeric(5,4) not null default '1', "currency" text not null, constraint "policy_pkey" primary key ("id"));`);
    this.addSql(`alter table "policy" add constraint "policy_number_unique" unique ("number");`);

    this.addSql(`create table "policy_network_provider" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "policy_id" uuid not null, "provider_id" uuid not null, constraint "policy_network_provider_pkey" primary key ("id"));`);
    this.addSql(`alter table "policy_network_provider" add constraint "policy_network_provider_policy_id_provider_id_unique" unique ("policy_id", "provider_id");`);

    this.addSql(`create table "liability" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "policy_id" uuid not null, "code" text not null, "name" text not null, "coverage_rate" numeric(5,4) not null, "annual_limit" numeric(14,2) null, "per_claim_limit" numeric(14,2) null, constraint "liability_pkey" primary key ("id"));`);
    this.addSql(`alter table "liability" add constraint "liability_policy_id_code_unique" unique ("policy_id", "code");`);

    this.addSql(`create table "patient" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "customer_number" text not null, "national_id_enc" text null, "national_id_index" text null, "first_name" text not null, "last_name" text not null, "birth_date" date null, "phone" text null, "email" text null, "language" text not null default 'es', "status" "patient_status" not null default 'PROSPECT', "sms_consent" boolean not null default false, "email_consent" boolean not null default false, "declared_insurance" text null, "registered_by_id" uuid null, constraint "patient_pkey" primary key ("id"));`);
    this.addSql(`alter table "patient" add constraint "patient_customer_number_unique" unique ("customer_number");`);
    this.addSql(`create index "patient_national_id_index_index" on "patient" ("national_id_index");`);
    this.addSql(`create index "patient_registered_by_id_created_at_index" on "patient" ("registered_by_id", "created_at");`);
    this.addSql(`create index "patient_last_name_first_name_index" on "patient" ("last_name", "first_name");`);

    this.addSql(`create table "policy_member" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "policy_id" uuid not null, "patient_id" uuid not null, constraint "policy_member_pkey" primary key ("id"));`);
    this.addSql(`create index "policy_member_patient_id_index" on "policy_member" ("patient_id");`);
    this.addSql(`alter table "policy_member" add constraint "policy_member_policy_id_patient_id_unique" unique ("policy_id", "patient_id");`);

    this.addSql(`create table "monthly_statistic" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organization_id" uuid not null, "month" text not null, "orders_issued" int not null, "orders_confirmed" int not null, "orders_validated" int not null, "orders_rejected" int not null, "orders_expired" int not null, "orders_voided" int not null, "turnaround_median_hours" double precision null, "turnaround_p90_hours" double precision null, "claims_registered" int not null, "claims_submitted" int not null, "claims_submitted_on_time" int not null, "claims_returned" int not null, "claims_approved" int not null, "approved_amount" numeric(19,4) null, "currency" text null, "visits_completed" int not null, "computed_at" timestamptz not null, constraint "monthly_statistic_pkey" primary key ("id"));`);
    this.addSql(`create index "monthly_statistic_month_index" on "monthly_statistic" ("month");`);
    this.addSql(`alter table "monthly_statistic" add constraint "monthly_statistic_organization_id_month_unique" unique ("organization_id", "month");`);

    this.addSql(`create table "medical_case" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "number" text not null, "patient_id" uuid not null, "kind" "case_kind" not null, "incident_date" date not null, "registered_by_id" uuid not null, "hospital_id" uuid null, "scan_key" text not null, "status" "case_status" not null default 'OPEN', "description" text null, constraint "medical_case_pkey" primary key ("id"));`);
    this.addSql(`alter table "medical_case" add constraint "medical_case_number_unique" unique ("number");`);
    this.addSql(`create index "medical_case_scan_key_index" on "medical_case" ("scan_key");`);
    this.addSql(`create index "medical_case_hospital_id_index" on "medical_case" ("hospital_id");`);
    this.addSql(`create index "medical_case_patient_id_index" on "medical_case" ("patient_id");`);
    this.addSql(`create index "medical_case_registered_by_id_created_at_index" on "medical_case" ("registered_by_id", "created_at");`);

    this.addSql(`create table "visit" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "number" text not null, "kind" "visit_kind" not null, "case_id" uuid null, "patient_id" uuid not null, "site_id" uuid not null, "order_id" uuid null, "scheduled_at" timestamptz null, "reminder_due_at" timestamptz null, "reminded_at" timestamptz null, "assignee_id" uuid null, "status" "visit_status" not null default 'PENDING_ASSIGNMENT', "admission_date" date null, "ward" text null, "bed" text null, "diagnosis_codes" text[] not null default '{}', "investigation_result" text null, "conclusion" "visit_conclusion" null, "bank_account_enc" text null, "bank_account_scheme" "bank_account_scheme" null, "return_reason" text null, "return_count" int not null default 0, "cancel_reason" text null, "completed_at" timestamptz null, constraint "visit_pkey" primary key ("id"));`);
    this.addSql(`alter table "visit" add constraint "visit_number_unique" unique ("number");`);
    this.addSql(`create index "visit_order_id_index" on "visit" ("order_id");`);
    this.addSql(`create index visit_appointment_reminder_idx on visit (status, reminder_due_at) where kind = 'APPOINTMENT';`);
    this.addSql(`create index "visit_patient_id_index" on "visit" ("patient_id");`);
    this.addSql(`create index "visit_case_id_index" on "visit" ("case_id");`);
    this.addSql(`create index "visit_status_created_at_index" on "visit" ("status", "created_at");`);
    this.addSql(`create index "visit_assignee_id_status_index" on "visit" ("assignee_id", "status");`);
    this.addSql(`create index "visit_site_id_status_created_at_index" on "visit" ("site_id", "status", "created_at");`);

    this.addSql(`create table "visit_liability_link" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "visit_id" uuid not null, "policy_id" uuid not null, "liability_id" uuid not null, constraint "visit_liability_link_pkey" primary key ("id"));`);
    this.addSql(`create index "visit_liability_link_policy_id_index" on "visit_liability_link" ("policy_id");`);
    this.addSql(`alter table "visit_liability_link" add constraint "visit_liability_link_visit_id_liability_id_unique" unique ("visit_id", "liability_id");`);

    this.addSql(`create table "attention_order" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "number" text not null, "case_id" uuid not null, "provider_id" uuid not null, "kind" "order_kind" not null, "specialty" text not null, "requested_codes" jsonb not null, "status" "order_status" not null default 'ISSUED', "confirm_by" timestamptz not null, "due_at" timestamptz not null, "amount" numeric(14,2) null, "currency" text null, "notes" text null, "suspended_from" text null, "suspended_at" timestamptz null, "last_rejected_at" timestamptz null, "rejection_count" int not null default 0, "invoice_reference" text null, constraint "attention_order_pkey" primary key ("id"));`);
    this.addSql(`alter table "attention_order" add constraint "attention_order_number_unique" unique ("number");`);
    this.addSql(`create index "attention_order_created_at_index" on "attention_order" ("created_at");`);
    this.addSql(`create index "attention_order_case_id_index" on "attention_order" ("case_id");`);
    this.addSql(`create index "attention_order_status_due_at_index" on "attention_order" ("status", "due_at");`);
    this.addSql(`create index "attention_order_status_confirm_by_index" on "attention_order" ("status", "confirm_by");`);
    this.addSql(`create index "attention_order_status_created_at_index" on "attention_order" ("status", "created_at");`);
    this.addSql(`create index "attention_order_provider_id_status_created_at_index" on "attention_order" ("provider_id", "status", "created_at");`);

    this.addSql(`create table "order_report" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "order_id" uuid not null, "kind" "report_kind" not null, "file_id" uuid null, "form" jsonb null, "template_specialty" text null, "template_version" int null, "submitted_by_kind" text null, "submitted_by_organization_id" uuid null, constraint "order_report_pkey" primary key ("id"));`);
    this.addSql(`create index "order_report_file_id_index" on "order_report" ("file_id");`);
    this.addSql(`create index "order_report_order_id_created_at_index" on "order_report" ("order_id", "created_at");`);

    this.addSql(`create table "claim" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "number" text not null, "case_id" uuid not null, "policy_id" uuid not null, "liability_id" uuid not null, "kind" "claim_kind" not null, "registered_by_id" uuid not null, "provider_id" uuid null, "source_visit_id" uuid null, "status" "claim_status" not null default 'DRAFT', "currency" text not null, "line_count" int not null default 0, "gross" numeric(19,4) not null default '0', "discount_total" numeric(19,4) not null default '0', "deductible_applied" numeric(19,4) not null default '0', "covered" numeric(19,4) not null default '0', "patient_share" numeric(19,4) not null default '0', "payable" numeric(19,4) not null default '0', "applied_caps" jsonb not null, "approved_gross" numeric(19,4) null, "approved_deductible_applied" numeric(19,4) null, "approved_covered" numeric(19,4) null, "approved_patient_share" numeric(19,4) null, "approved_payable" numeric(19,4) null, "approved_at" timestamptz null, "paid_patient" numeric(19,4) not null default '0', "paid_insurer" numeric(19,4) not null default '0', "outstanding_patient" numeric(19,4) not null default '0', "outstanding_insurer" numeric(19,4) not null default '0', "delivery_due_at" timestamptz not null, "delivered_on_time" boolean null, "first_submitted_at" timestamptz null, "last_submitted_at" timestamptz null, "overdue_flagged_at" timestamptz null, "return_reasons" jsonb not null, "denial_reason" text null, "settlement_reference" text null, "settlement_note" text null, "settled_at" timestamptz null, constraint "claim_pkey" primary key ("id"));`);
    this.addSql(`alter table "claim" add constraint "claim_number_unique" unique ("number");`);
    this.addSql(`create index "claim_source_visit_id_index" on "claim" ("source_visit_id");`);
    this.addSql(`create index "claim_status_delivery_due_at_index" on "claim" ("status", "delivery_due_at");`);
    this.addSql(`create index "claim_policy_id_status_index" on "claim" ("policy_id", "status");`);
    this.addSql(`create index "claim_registered_by_id_created_at_index" on "claim" ("registered_by_id", "created_at");`);

    this.addSql(`create table "payment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "claim_id" uuid not null, "organization_id" uuid not null, "payer" "payment_payer" not null, "amount" numeric(19,4) not null, "currency" text not null, "method" "payment_method" not null, "reference" text null, "received_at" timestamptz not null, "recorded_by_kind" text not null, "recorded_by_id" uuid null, constraint "payment_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_organization_id_received_at_index" on "payment" ("organization_id", "received_at");`);
    this.addSql(`create index "payment_claim_id_received_at_index" on "payment" ("claim_id", "received_at");`);

    this.addSql(`create table "claim_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "claim_id" uuid not null, "position" int not null, "service_system" text not null, "service_code" text not null, "description" text not null, "quantity" int not null, "currency" text not null, "unit_price" numeric(19,4) not null, "discount" numeric(19,4) not null default '0', "modifiers" jsonb not null, "amount" numeric(19,4) not null, "approved_amount" numeric(19,4) null, "adjustment_reason" text null, constraint "claim_line_pkey" primary key ("id"));`);
    this.addSql(`create index "claim_line_claim_id_position_index" on "claim_line" ("claim_id", "position");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "organization_id" uuid not null, "name" text not null, "prefix" text not null, "secret_hash" text not null, "scopes" jsonb not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "created_by_user_id" uuid null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`alter table "organization" add constraint "organization_work_calendar_id_foreign" foreign key ("work_calendar_id") references "work_calendar" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "webhook_event" add constraint "webhook_event_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "webhook_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`);

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

    this.addSql(`alter table "monthly_statistic" add constraint "monthly_statistic_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "medical_case" add constraint "medical_case_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`);
    this.addSql(`alter table "medical_case" add constraint "medical_case_registered_by_id_foreign" foreign key ("registered_by_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "medical_case" add constraint "medical_case_hospital_id_foreign" foreign key ("hospital_id") references "organization" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "visit" add constraint "visit_case_id_foreign" foreign key ("case_id") references "medical_case" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "visit" add constraint "visit_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`);
    this.addSql(`alter table "visit" add constraint "visit_site_id_foreign" foreign key ("site_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "visit" add constraint "visit_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "visit_liability_link" add constraint "visit_liability_link_visit_id_foreign" foreign key ("visit_id") references "visit" ("id") on update cascade;`);
    this.addSql(`alter table "visit_liability_link" add constraint "visit_liability_link_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade;`);
    this.addSql(`alter table "visit_liability_link" add constraint "visit_liability_link_liability_id_foreign" foreign key ("liability_id") references "liability" ("id") on update cascade;`);

    this.addSql(`alter table "attention_order" add constraint "attention_order_case_id_foreign" foreign key ("case_id") references "medical_case" ("id") on update cascade;`);
    this.addSql(`alter table "attention_order" add constraint "attention_order_provider_id_foreign" foreign key ("provider_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "order_report" add constraint "order_report_order_id_foreign" foreign key ("order_id") references "attention_order" ("id") on update cascade;`);
    this.addSql(`alter table "order_report" add constraint "order_report_file_id_foreign" foreign key ("file_id") references "stored_file" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "claim" add constraint "claim_case_id_foreign" foreign key ("case_id") references "medical_case" ("id") on update cascade;`);
    this.addSql(`alter table "claim" add constraint "claim_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade;`);
    this.addSql(`alter table "claim" add constraint "claim_liability_id_foreign" foreign key ("liability_id") references "liability" ("id") on update cascade;`);
    this.addSql(`alter table "claim" add constraint "claim_registered_by_id_foreign" foreign key ("registered_by_id") references "organization" ("id") on update cascade;`);
    this.addSql(`alter table "claim" add constraint "claim_provider_id_foreign" foreign key ("provider_id") references "organization" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "payment" add constraint "payment_claim_id_foreign" foreign key ("claim_id") references "claim" ("id") on update cascade;`);
    this.addSql(`alter table "payment" add constraint "payment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table "claim_line" add constraint "claim_line_claim_id_foreign" foreign key ("claim_id") references "claim" ("id") on update cascade;`);

    this.addSql(`alter table "api_key" add constraint "api_key_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
  }

  async down() {
    this.addSql(`alter table "order_report" drop constraint "order_report_file_id_foreign";`);

    this.addSql(`alter table "organization" drop constraint "organization_work_calendar_id_foreign";`);

    this.addSql(`alter table "webhook_event" drop constraint "webhook_event_organization_id_foreign";`);

    this.addSql(`alter table "webhook_endpoint" drop constraint "webhook_endpoint_organization_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_organization_id_foreign";`);

    this.addSql(`alter table "visitor_hospital" drop constraint "visitor_hospital_hospital_id_foreign";`);

    this.addSql(`alter table "policy" drop constraint "policy_insurer_id_foreign";`);

    this.addSql(`alter table "policy_network_provider" drop constraint "policy_network_provider_provider_id_foreign";`);

    this.addSql(`alter table "patient" drop constraint "patient_registered_by_id_foreign";`);

    this.addSql(`alter table "monthly_statistic" drop constraint "monthly_statistic_organization_id_foreign";`);

    this.addSql(`alter table "medical_case" drop constraint "medical_case_registered_by_id_foreign";`);

    this.addSql(`alter table "medical_case" drop constraint "medical_case_hospital_id_foreign";`);

    this.addSql(`alter table "visit" drop constraint "visit_site_id_foreign";`);

    this.addSql(`alter table "attention_order" drop constraint "attention_order_provider_id_foreign";`);

    this.addSql(`alter table "claim" drop constraint "claim_registered_by_id_foreign";`);

    this.addSql(`alter table "claim" drop constraint "claim_provider_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_organization_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_organization_id_foreign";`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_id_foreign";`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);

    this.addSql(`alter table "visitor_hospital" drop constraint "visitor_hospital_visitor_id_foreign";`);

    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_user_id_foreign";`);

    this.addSql(`alter table "visit" drop constraint "visit_assignee_id_foreign";`);

    this.addSql(`alter table "policy_network_provider" drop constraint "policy_network_provider_policy_id_foreign";`);

    this.addSql(`alter table "liability" drop constraint "liability_policy_id_foreign";`);

    this.addSql(`alter table "policy_member" drop constraint "policy_member_policy_id_foreign";`);

    this.addSql(`alter table "visit_liability_link" drop constraint "visit_liability_link_policy_id_foreign";`);

    this.addSql(`alter table "claim" drop constraint "claim_policy_id_foreign";`);

    this.addSql(`alter table "visit_liability_link" drop constraint "visit_liability_link_liability_id_foreign";`);

    this.addSql(`alter table "claim" drop constraint "claim_liability_id_foreign";`);

    this.addSql(`alter table "policy_member" drop constraint "policy_member_patient_id_foreign";`);

    this.addSql(`alter table "medical_case" drop constraint "medical_case_patient_id_foreign";`);

    this.addSql(`alter table "visit" drop constraint "visit_patient_id_foreign";`);

    this.addSql(`alter table "visit" drop constraint "visit_case_id_foreign";`);

    this.addSql(`alter table "attention_order" drop constraint "attention_order_case_id_foreign";`);

    this.addSql(`alter table "claim" drop constraint "claim_case_id_foreign";`);

    this.addSql(`alter table "visit_liability_link" drop constraint "visit_liability_link_visit_id_foreign";`);

    this.addSql(`alter table "order_report" drop constraint "order_report_order_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_claim_id_foreign";`);

    this.addSql(`alter table "claim_line" drop constraint "claim_line_claim_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "document_counter" cascade;`);

    this.addSql(`drop table if exists "form_template" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "service_code" cascade;`);

    this.addSql(`drop table if exists "status_change" cascade;`);

    this.addSql(`drop table if exists "stored_file" cascade;`);

    this.addSql(`drop table if exists "work_calendar" cascade;`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "webhook_event" cascade;`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "visitor_hospital" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop table if exists "policy" cascade;`);

    this.addSql(`drop table if exists "policy_network_provider" cascade;`);

    this.addSql(`drop table if exists "liability" cascade;`);

    this.addSql(`drop table if exists "patient" cascade;`);

    this.addSql(`drop table if exists "policy_member" cascade;`);

    this.addSql(`drop table if exists "monthly_statistic" cascade;`);

    this.addSql(`drop table if exists "medical_case" cascade;`);

    this.addSql(`drop table if exists "visit" cascade;`);

    this.addSql(`drop table if exists "visit_liability_link" cascade;`);

    this.addSql(`drop table if exists "attention_order" cascade;`);

    this.addSql(`drop table if exists "order_report" cascade;`);

    this.addSql(`drop table if exists "claim" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "claim_line" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop type "notification_channel";`);
    this.addSql(`drop type "notification_status";`);
    this.addSql(`drop type "organization_kind";`);
    this.addSql(`drop type "webhook_delivery_status";`);
    this.addSql(`drop type "policy_type";`);
    this.addSql(`drop type "policy_status";`);
    this.addSql(`drop type "patient_status";`);
    this.addSql(`drop type "case_kind";`);
    this.addSql(`drop type "case_status";`);
    this.addSql(`drop type "visit_kind";`);
    this.addSql(`drop type "visit_status";`);
    this.addSql(`drop type "visit_conclusion";`);
    this.addSql(`drop type "bank_account_scheme";`);
    this.addSql(`drop type "order_kind";`);
    this.addSql(`drop type "order_status";`);
    this.addSql(`drop type "report_kind";`);
    this.addSql(`drop type "claim_kind";`);
    this.addSql(`drop type "claim_status";`);
    this.addSql(`drop type "payment_payer";`);
    this.addSql(`drop type "payment_method";`);
  }

}
exports.Migration20261126044416_Initial = Migration20261126044416_Initial;
