import type { OperationOutcome } from "@medplum/fhirtypes";

/** The issue types we answer with (http://hl7.org/fhir/issue-type). */
export type IssueType =
  "invalid" | "not-supported" | "not-found" | "login" | "forbidden" | "throttled" | "transient" | "exception";

export function operationOutcome(code: IssueType, diagnostics: string): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: [{ severity: code === "transient" || code === "exception" ? "fatal" : "error", code, diagnostics }],
  };
}
