import { Entity, Enum, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { Branch } from "../organization/branch.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";

export enum CaseKind {
  OUTPATIENT = "OUTPATIENT",
  INPATIENT = "INPATIENT",
  GLOBAL = "GLOBAL",
}
registerEnumType(CaseKind, {
  name: "CaseKind",
  description: "سرپایی، بستری، گلوبال: outpatient, inpatient or global.",
  valuesConfig: {
    OUTPATIENT: { description: "Outpatient (سرپایی)." },
    INPATIENT: { description: "Inpatient (بستری); registering one at a hospital creates a field visit." },
    GLOBAL: { description: "Global / package (گلوبال)." },
  },
});

export enum CaseStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
  CANCELLED = "CANCELLED",
}
registerEnumType(CaseStatus, {
  name: "CaseStatus",
  description: "Case lifecycle.",
  valuesConfig: {
    OPEN: { description: "Work in progress." },
    CLOSED: { description: "All its orders, visits and claims are terminal." },
    CANCELLED: { description: "Registered in error." },
  },
});

@ObjectType({ description: "A medical case (expediente, 赔案, پرونده) of a patient." })
@Entity({ tableName: "medical_case" })
@Index({ properties: ["registeredBy", "createdAt"] })
@Index({ properties: ["patient"] })
// The partner scope of orders looks cases up by hospital (order.scope.ts).
@Index({ properties: ["hospital"] })
export class Case extends VersionedEntity<"status"> {
  @Field({ description: "Human number CASE-<year>-<6 digits>." })
  @Property({ type: "text" })
  @Unique()
  number!: string;

  @ManyToOne(() => Patient)
  patient!: Patient;

  @Field(() => CaseKind, { description: "OUTPATIENT, INPATIENT or GLOBAL." })
  @Enum({ items: () => CaseKind, nativeEnumName: "case_kind" })
  kind!: CaseKind;

  @Field(() => LocalDateResolver, { description: "Date of the incident (calendar day)." })
  @Property({ type: "date" })
  incidentDate!: string;

  @ManyToOne(() => Organization)
  registeredBy!: Organization;

  /** The branch the case is registered in (or moved to); its staff work it. Null: head office. */
  @ManyToOne(() => Branch, { nullable: true, index: true })
  branch?: Branch | null;

  /** The hospital of an inpatient case (where field visits happen). */
  @ManyToOne(() => Organization, { nullable: true })
  hospital?: Organization | null;

  @Field({ description: "customerNumber (8 digits) + incident date YYYYMMDD, printed as a barcode on documents." })
  @Property({ type: "text" })
  @Index()
  scanKey!: string;

  @Field(() => CaseStatus, { description: "OPEN, CLOSED or CANCELLED." })
  @Enum({ items: () => CaseStatus, nativeEnumName: "case_status" })
  status: CaseStatus = CaseStatus.OPEN;

  @Field(() => String, { nullable: true, description: "Free-text summary." })
  @Property({ type: "text", nullable: true })
  description?: string | null;
}
