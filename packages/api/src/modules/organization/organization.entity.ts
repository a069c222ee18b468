import { ArrayType, Entity, Enum, Index, ManyToOne, Property } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import type { Branch } from "./branch.entity.js";
import { WorkCalendar } from "../work-calendar/work-calendar.entity.js";
import { Language } from "../../platform/validation/language.js";

export enum OrganizationKind {
  OPERATOR = "OPERATOR",
  CLINIC = "CLINIC",
  LAB = "LAB",
  HOSPITAL = "HOSPITAL",
  INTERCONSULTANT = "INTERCONSULTANT",
  AGENCY = "AGENCY",
  INSURER = "INSURER",
}
registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What an organisation is: the operator itself or one kind of partner.",
  valuesConfig: {
    OPERATOR: { description: "The operator (medical commission, insurer branch, review office)." },
    CLINIC: { description: "A clinic providing exams and appointments." },
    LAB: { description: "A laboratory performing exams." },
    HOSPITAL: { description: "A hospital registering inpatient cases and receiving field visits." },
    INTERCONSULTANT: { description: "An interconsultant specialist giving expert opinions." },
    AGENCY: { description: "A claim-registering agency." },
    INSURER: { description: "An insurer underwriting policies." },
  },
});

@ObjectType({ description: "The operator or a partner organisation." })
@Entity({ tableName: "organization" })
@Index({ properties: ["kind"] })
export class Organization extends VersionedEntity<"language" | "active" | "specialties"> {
  @Field(() => OrganizationKind, { description: "Kind of organisation." })
  @Enum({ items: () => OrganizationKind, nativeEnumName: "organization_kind" })
  kind!: OrganizationKind;

  @Field({ description: "Legal or display name." })
  @Property({ type: "text" })
  name!: string;

  @Field(() => String, { nullable: true, description: "Tax identifier (RUT, EIK, 统一社会信用代码, شناسه ملی)." })
  @Property({ type: "text", nullable: true })
  taxId?: string | null;

  @Field(() => String, { nullable: true, description: "Phone in E.164." })
  @Property({ type: "text", nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Contact e-mail." })
  @Property({ type: "text", nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Region the organisation belongs to." })
  @Property({ type: "text", nullable: true })
  region?: string | null;

  @Field({ description: "ISO 3166-1 alpha-2 country." })
  @Property({ type: "text" })
  country!: string;

  @Field({ description: "IANA time zone (quiet hours, deadlines)." })
  @Property({ type: "text" })
  timeZone!: string;

  @Field(() => Language, { description: "Preferred language for messages: en, es, zh, fa or bg." })
  @Property({ type: "text" })
  language: string = "es";

  @ManyToOne(() => WorkCalendar, { nullable: true })
  workCalendar?: WorkCalendar | null;

  /** The branch whose coverage the partner is under (its cases land there); null: head office. */
  @ManyToOne({ entity: "Branch", nullable: true })
  branch?: Branch | null;
  @Field(() => [String], {
    description:
      "Specialties a provider takes orders and appointments in (form-template specialties, e.g. traumatology); empty = not stated, offered for any.",
  })
  @Property({ type: ArrayType, columnType: "text[]", defaultRaw: "'{}'" })
  specialties: string[] = [];

  @Field({ description: "Inactive organisations cannot receive new work." })
  @Property({ type: "boolean" })
  active: boolean = true;
}
