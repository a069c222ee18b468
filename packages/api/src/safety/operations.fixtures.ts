import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

/** The schema the project publishes (schema.graphql at the repository root). */
export function publishedSchema(): GraphQLSchema {
  const file = fileURLToPath(new URL("../../../../schema.graphql", import.meta.url));
  return buildSchema(readFileSync(file, "utf8"));
}

export type OperationKind = "query" | "mutation";
export interface Operation {
  kind: OperationKind;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

export function operationsOf(schema: GraphQLSchema): Operation[] {
  const list = (kind: OperationKind, type: GraphQLObjectType | null | undefined): Operation[] =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ kind, name: field.name, field }));
  return [...list("query", schema.getQueryType()), ...list("mutation", schema.getMutationType())];
}

/**
 * What an ID argument points at. The sample table maps each kind to a real row of the
 * demo region (or to a random uuid, to ask about a missing row).
 */
export type IdKind =
  | "order"
  | "case"
  | "visit"
  | "claim"
  | "claimLine"
  | "patient"
  | "policy"
  | "liability"
  | "organization"
  | "hospital"
  | "user"
  | "partnerUser"
  | "visitor"
  | "apiKey"
  | "serviceCode"
  | "workCalendar"
  | "file"
  | "document"
  | "documentType"
  | "formTemplate"
  | "branch";

const ID_BY_INPUT: Record<string, IdKind> = {
  TransitionOrderInput: "order",
  TransitionCaseInput: "case",
  TransitionVisitInput: "visit",
  ConcludeVisitInput: "visit",
  SaveVisitFindingsInput: "visit",
  ReassignVisitInput: "visit",
  TransitionClaimInput: "claim",
  SetClaimLinesInput: "claim",
  SetApprovedAmountsInput: "claim",
  TransitionPatientInput: "patient",
  UpdatePatientInput: "patient",
  UpdatePolicyInput: "policy",
  UpdateOrganizationInput: "organization",
  DeactivateUserInput: "user",
  UpdateUserInput: "user",
  UpdatePartnerUserInput: "partnerUser",
  RevokeApiKeyInput: "apiKey",
  UpdateServiceCodeInput: "serviceCode",
  UpdateWorkCalendarInput: "workCalendar",
  UpdateDocumentTypeInput: "documentType",
  CreateFormTemplateVersionInput: "formTemplate",
  FormTemplateStateInput: "formTemplate",
  UpdateBranchInput: "branch",
  RemoveDocumentInput: "document",
  ReplaceDocumentInput: "document",
};

const ID_BY_FIELD: Record<string, IdKind> = {
  orderId: "order",
  caseId: "case",
  visitIds: "visit",
  visitId: "visit",
  claimId: "claim",
  lineId: "claimLine",
  patientId: "patient",
  policyId: "policy",
  liabilityId: "liability",
  providerId: "organization",
  organizationId: "organization",
  targetId: "patient",
  hospitalId: "hospital",
  userId: "visitor",
  visitorId: "visitor",
  fileId: "file",
  branchId: "branch",
  branchIds: "branch",
};

/** The query fields that fetch one row by id, and the kind of row. */
export const GET_BY_ID: Record<string, IdKind> = {
  order: "order",
  case: "case",
  visit: "visit",
  claim: "claim",
  patient: "patient",
  policy: "policy",
  organization: "organization",
  user: "user",
  serviceCode: "serviceCode",
  workCalendar: "workCalendar",
  document: "document",
  formTemplate: "formTemplate",
  branch: "branch",
};

/**
 * Fields whose row differs from the field name's usual kind: the matrix's sample visitor
 * must stay head office (in no branch), or every later VISITOR check would see one branch.
 */
const ID_BY_INPUT_FIELD: Record<string, IdKind> = {
  "SetUserBranchesInput.userId": "user",
};

export function idKindOf(operation: string, inputType: string | null, field: string): IdKind | null {
  if (inputType === null && field === "id") return GET_BY_ID[operation] ?? null;
  const special = inputType ? ID_BY_INPUT_FIELD[`${inputType}.${field}`] : undefined;
  if (special) return special;
  if (field === "id" && inputType) return ID_BY_INPUT[inputType] ?? null;
  return ID_BY_FIELD[field] ?? null;
}

export type IdSource = (kind: IdKind) => string;

/** Plain sample values for the required fields that are not ids. */
const SCALAR_SAMPLES: Record<string, unknown> = {
  String: "safety sample",
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: "2026-06-01T10:00:00.000Z",
  LocalDate: "2026-06-01",
  JSON: {},
};
const FIELD_SAMPLES: Record<string, unknown> = {
  email: "nobody@safety.test",
  password: "not-the-password-1",
  currency: "CLP",
  country: "CL",
  timeZone: "America/Santiago",
  month: "2026-05",
  monthFrom: "2026-05",
  monthTo: "2026-05",
  fee: "1000",
  amount: "1000",
  approvedAmount: "1000",
  coverageRate: "0.5",
  validFrom: "2026-01-01",
  validTo: "2026-12-31",
  system: "FONASA",
  code: "0101001",
  expectedVersion: 1,
  refreshToken: "not-a-refresh-token",
  documentType: "INVOICE",
};

/** A minimal valid value for an input type: every required field, nothing optional. */
export function sampleValue(
  operation: string,
  type: GraphQLInputType,
  fieldName: string,
  parentInput: string | null,
  ids: IdSource,
): unknown {
  if (isNonNullType(type)) return sampleValue(operation, type.ofType, fieldName, parentInput, ids);
  if (isListType(type)) return [sampleValue(operation, type.ofType, fieldName, parentInput, ids)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined)
        out[f.name] = sampleValue(operation, f.type, f.name, type.name, ids);
    }
    return out;
  }
  const named = getNamedType(type).name;
  if (named === "ID") {
    const kind = idKindOf(operation, parentInput, fieldName);
    return kind ? ids(kind) : "00000000-0000-4000-8000-000000000000";
  }
  if (fieldName in FIELD_SAMPLES) return FIELD_SAMPLES[fieldName];
  return SCALAR_SAMPLES[named] ?? "x";
}

/** Leaf fields without required arguments, and one level of objects below (leaves only). */
export function selectionOf(type: GraphQLObjectType, depth = 2): string {
  const parts: string[] = ["__typename"];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (isObjectType(named) && depth > 1) parts.push(`${f.name} { ${selectionOf(named, depth - 1)} }`);
  }
  return parts.join(" ");
}

export interface BuiltCall {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * One call of an operation with its required arguments (plus `first: 5` on lists, to keep
 * the answers small). `override` replaces the whole set of variables, for hostile input.
 */
export function buildCall(op: Operation, ids: IdSource, override?: Record<string, unknown>): BuiltCall {
  const defs: string[] = [];
  const args: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const a of op.field.args) {
    const required = isNonNullType(a.type) && a.defaultValue === undefined;
    if (!required && a.name !== "first" && !(override && a.name in override)) continue;
    defs.push(`$${a.name}: ${String(a.type)}`);
    args.push(`${a.name}: $${a.name}`);
    variables[a.name] =
      override && a.name in override
        ? override[a.name]
        : a.name === "first"
          ? 5
          : sampleValue(op.name, a.type, a.name, null, ids);
  }
  const named = getNamedType(op.field.type);
  const selection = isObjectType(named) ? ` { ${selectionOf(named)} }` : "";
  const head = defs.length ? `(${defs.join(", ")})` : "";
  const call = args.length ? `(${args.join(", ")})` : "";
  return { query: `${op.kind} Safety${head} { ${op.name}${call}${selection} }`, variables };
}
