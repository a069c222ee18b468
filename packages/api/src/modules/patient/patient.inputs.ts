import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { PatientStatus } from "./patient.entity.js";
import { PatientEvent } from "./patient.machine.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";
import { Language } from "../../platform/validation/language.js";

@InputType({ description: "Filters for the patient list." })
export class PatientFilter {
  @IdsFilterField("patients")
  ids?: string[] | null;
  @Field(() => [PatientStatus], { nullable: true, description: "Only these statuses." })
  status?: PatientStatus[] | null;
  @Field(() => String, { nullable: true, description: "Name, customer number or e-mail contains this text." })
  search?: string | null;
  @Field(() => String, { nullable: true, description: "Exact 8-digit customer number." })
  customerNumber?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Exact national id (matched through its blind index, never decrypted). ADMIN/OPERATOR staff search all patients, a partner only those it registered; others are FORBIDDEN. Audited and rate-limited per caller (RATE_LIMITED).",
  })
  nationalId?: string | null;
  @Field(() => ID, { nullable: true, description: "Registered by this organisation." })
  registeredById?: string | null;
  @Field(() => ID, { nullable: true, description: "Members of this policy." })
  policyId?: string | null;
}

export enum PatientSortField {
  LAST_NAME = "lastName",
  CUSTOMER_NUMBER = "customerNumber",
  CREATED_AT = "createdAt",
}
registerEnumType(PatientSortField, {
  name: "PatientSortField",
  description: "Sortable patient fields.",
  valuesConfig: {
    LAST_NAME: { description: "By family name." },
    CUSTOMER_NUMBER: { description: "By customer number." },
    CREATED_AT: { description: "By registration time." },
  },
});
export const PatientOrder = OrderByInput("PatientOrder", PatientSortField, PatientSortField.CREATED_AT);

@InputType({ description: "Insurance details as the patient declares them at intake." })
export class DeclaredInsuranceInput {
  @Field(() => String, {
    nullable: true,
    description:
      "Policy number, kept as declaredPolicyNumber. From a partner it stays unverified until the policy's insurer or operator staff confirm it (addPolicyMember); operator staff registering the patient confirm it at once.",
  })
  policyNumber?: string | null;
  @Field(() => String, { nullable: true, description: "Insurer name as written on the card." })
  insurerName?: string | null;
  @Field(() => String, { nullable: true, description: "Anything else from the intake form (member id, plan)." })
  notes?: string | null;
}

@InputType({ description: "A new patient from the intake form (dental seed steps 1–2)." })
export class RegisterPatientInput {
  @Field({ description: "Given names." })
  firstName!: string;
  @Field({ description: "Family names." })
  lastName!: string;
  @Field(() => String, { nullable: true, description: "Birth date, YYYY-MM-DD." })
  birthDate?: string | null;
  @Field(() => String, { nullable: true, description: "Mobile phone in E.164, e.g. +56912345678." })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: "E-mail." })
  email?: string | null;
  @Field(() => Language, { nullable: true, description: "Language for messages: en, es, zh, fa or bg (default es)." })
  language?: string | null;
  @Field(() => Boolean, { nullable: true, description: "The patient agreed to SMS (default false)." })
  smsConsent?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "The patient agreed to e-mail (default false)." })
  emailConsent?: boolean | null;
  @Field(() => String, { nullable: true, description: "National id (RUT, ЕГН, 身份证号, کد ملی); stored encrypted." })
  nationalId?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "8-digit customer number; generated when omitted. Only operator staff may choose one (CUSTOMER_NUMBER_NOT_ALLOWED for partners).",
  })
  customerNumber?: string | null;
  @Field(() => DeclaredInsuranceInput, { nullable: true, description: "Insurance declared at intake." })
  insurance?: DeclaredInsuranceInput | null;
  @Field(() => String, { nullable: true, description: "Makes a retried registration return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a patient; omitted fields stay as they are." })
export class UpdatePatientInput {
  @Field(() => ID, { description: "Patient id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "Given names." })
  firstName?: string | null;
  @Field(() => String, { nullable: true, description: "Family names." })
  lastName?: string | null;
  @Field(() => String, { nullable: true, description: "Birth date, YYYY-MM-DD." })
  birthDate?: string | null;
  @Field(() => String, { nullable: true, description: "Mobile phone in E.164." })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: "E-mail." })
  email?: string | null;
  @Field(() => Language, { nullable: true, description: "Language: en, es, zh, fa or bg." })
  language?: string | null;
  @Field(() => Boolean, { nullable: true, description: "SMS consent." })
  smsConsent?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "E-mail consent." })
  emailConsent?: boolean | null;
  @Field(() => String, { nullable: true, description: "National id; stored encrypted." })
  nationalId?: string | null;
  @Field(() => String, { nullable: true, description: "Insurance details as declared, free text." })
  declaredInsurance?: string | null;
}

@InputType({ description: "Fires a patient lifecycle event." })
export class TransitionPatientInput {
  @Field(() => ID, { description: "Patient id." })
  id!: string;
  @Field(() => PatientEvent, { description: "ACTIVATE, DEACTIVATE or REACTIVATE." })
  event!: PatientEvent;
  @Field(() => String, { nullable: true, description: "Why (kept in the history)." })
  reason?: string | null;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
}
