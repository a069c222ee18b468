import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { CaseKind, CaseStatus } from "./case.entity.js";
import { CaseEvent } from "./case.machine.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";

registerEnumType(CaseEvent, {
  name: "CaseEvent",
  description: "Events of the case lifecycle.",
  valuesConfig: {
    CLOSE: { description: "Close the case: all its orders, visits and claims are finished." },
    CANCEL: { description: "Cancel a case registered in error (reason required)." },
    REOPEN: { description: "Reopen a closed case (reason required)." },
  },
});

@InputType({ description: "Filters for the case list." })
export class CaseFilter {
  @IdsFilterField("cases")
  ids?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: "Exact scan key (16 digits: customer number + incident date YYYYMMDD).",
  })
  scanKey?: string | null;
  @Field(() => String, { nullable: true, description: "Case number, scan key or patient name contains this text." })
  search?: string | null;
  @Field(() => [CaseStatus], { nullable: true, description: "Only these statuses." })
  status?: CaseStatus[] | null;
  @Field(() => [CaseKind], { nullable: true, description: "Only these kinds." })
  kind?: CaseKind[] | null;
  @Field(() => ID, { nullable: true, description: "Cases of this patient." })
  patientId?: string | null;
  @Field(() => ID, { nullable: true, description: "Cases registered by this organisation." })
  registeredById?: string | null;
  @Field(() => ID, { nullable: true, description: "Cases at this hospital." })
  hospitalId?: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: "Incident on or after this day." })
  incidentFrom?: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: "Incident on or before this day." })
  incidentTo?: string | null;
}

export enum CaseSortField {
  CREATED_AT = "createdAt",
  INCIDENT_DATE = "incidentDate",
  NUMBER = "number",
  STATUS = "status",
}
registerEnumType(CaseSortField, {
  name: "CaseSortField",
  description: "Sortable case fields.",
  valuesConfig: {
    CREATED_AT: { description: "By registration time." },
    INCIDENT_DATE: { description: "By incident date." },
    NUMBER: { description: "By case number." },
    STATUS: { description: "By status." },
  },
});
export const CaseOrder = OrderByInput("CaseOrder", CaseSortField, CaseSortField.CREATED_AT);

@InputType({ description: "A new case (就诊登记 / registro de expediente)." })
export class RegisterCaseInput {
  @Field(() => ID, { description: "The patient." })
  patientId!: string;
  @Field(() => CaseKind, { description: "OUTPATIENT, INPATIENT or GLOBAL." })
  kind!: CaseKind;
  @Field(() => LocalDateResolver, { description: "Date of the incident." })
  incidentDate!: string;
  @Field(() => ID, {
    nullable: true,
    description: "Hospital of an inpatient case. A hospital registering its own case may omit it (it is the hospital).",
  })
  hospitalId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "Staff only: the organisation registering the case (defaults to the operator). Partners always register as themselves.",
  })
  registeredById?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The scan key read from the document; when given it must match customer number + incident date.",
  })
  scanKey?: string | null;
  @Field(() => String, { nullable: true, description: "Free-text summary." })
  description?: string | null;
  @Field(() => String, { nullable: true, description: "Makes a retried registration return the first case." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Fires an event of the case lifecycle." })
export class TransitionCaseInput {
  @Field(() => ID, { description: "Case id." })
  id!: string;
  @Field(() => CaseEvent, { description: "CLOSE, CANCEL or REOPEN." })
  event!: CaseEvent;
  @Field(() => String, { nullable: true, description: "Why (required for CANCEL and REOPEN)." })
  reason?: string | null;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
}
