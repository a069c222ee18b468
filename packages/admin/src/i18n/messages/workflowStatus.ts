/** The machines whose states make up the API's WorkflowStatus (a status history's from/to). */
const MACHINE_STATUSES = ["OrderStatus", "VisitStatus", "ClaimStatus", "CaseStatus", "PatientStatus"] as const;

/**
 * WorkflowStatus labelled by the machines' own status labels, so a history's state reads as
 * its entity's enum reads it, in every language, without a second list to keep in step. Where
 * two machines share a state name (CANCELLED, COMPLETED) the words agree.
 */
export function workflowStatusLabels(
  own: Record<(typeof MACHINE_STATUSES)[number], Record<string, string>>,
): Record<string, string> {
  return Object.assign({}, ...MACHINE_STATUSES.map((m) => own[m])) as Record<string, string>;
}
