import { Entity, Enum, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Language } from "../../platform/validation/language.js";

export enum PatientStatus {
  PROSPECT = "PROSPECT",
  ACTIVE = "ACTIVE",
  INACTIVE = "INACTIVE",
}
registerEnumType(PatientStatus, {
  name: "PatientStatus",
  description: "Lifecycle of a patient record (dental seed step 4).",
  valuesConfig: {
    PROSPECT: { description: "Registered at intake, not yet confirmed." },
    ACTIVE: { description: "An active patient." },
    INACTIVE: { description: "No longer active." },
  },
});

@ObjectType({ description: "The insured person / beneficiary." })
@Entity({ tableName: "patient" })
@Index({ properties: ["lastName", "firstName"] })
@Index({ properties: ["registeredBy", "createdAt"] })
export class Patient extends VersionedEntity<"language" | "status" | "smsConsent" | "emailConsent"> {
  @Field({ description: "8-digit customer number; the first half of a case's scanKey." })
  @Property({ type: "text" })
  @Unique()
  customerNumber!: string;

  /** AES-GCM ciphertext; read through the `nationalId` field resolver (masked, audited). */
  @Property({ type: "text", nullable: true, hidden: true })
  nationalIdEnc?: string | null;

  /** Keyed hash of the national id, for exact-match search without decrypting. */
  @Property({ type: "text", nullable: true, hidden: true })
  @Index()
  nationalIdIndex?: string | null;

  @Field({ description: "Given names." })
  @Property({ type: "text" })
  firstName!: string;

  @Field({ description: "Family names." })
  @Property({ type: "text" })
  lastName!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Birth date (calendar day)." })
  @Property({ type: "date", nullable: true })
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: "Mobile phone in E.164." })
  @Property({ type: "text", nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "E-mail." })
  @Property({ type: "text", nullable: true })
  email?: string | null;

  @Field(() => Language, { description: "Language for messages: en, es, zh, fa or bg." })
  @Property({ type: "text" })
  language: string = "es";

  @Field(() => PatientStatus, { description: "PROSPECT → ACTIVE → INACTIVE, through transitionPatient." })
  @Enum({ items: () => PatientStatus, nativeEnumName: "patient_status" })
  status: PatientStatus = PatientStatus.PROSPECT;

  @Field({ description: "The patient agreed to receive SMS." })
  @Property({ type: "boolean" })
  smsConsent: boolean = false;

  @Field({ description: "The patient agreed to receive e-mail." })
  @Property({ type: "boolean" })
  emailConsent: boolean = false;

  @Field(() => String, {
    nullable: true,
    description: "Insurance details as given at intake, before matching a policy.",
  })
  @Property({ type: "text", nullable: true })
  declaredInsurance?: string | null;

  /**
   * The policy number a partner wrote on the intake form. It is never trusted as a
   * membership: only the policy's insurer or operator staff confirm it (addPolicyMember),
   * which sets declaredPolicyConfirmedAt.
   */
  @Field(() => String, {
    nullable: true,
    description:
      "Policy number declared at intake; unverified (see declaredPolicyVerified) until the policy's insurer or operator staff confirm the membership with addPolicyMember.",
  })
  @Property({ type: "text", nullable: true })
  @Index()
  declaredPolicyNumber?: string | null;

  /** When the insurer or the operator confirmed the declared policy (created the membership). */
  @Property({ type: "timestamptz", nullable: true })
  declaredPolicyConfirmedAt?: Date | null;

  @ManyToOne(() => Organization, { nullable: true })
  registeredBy?: Organization | null;
}
