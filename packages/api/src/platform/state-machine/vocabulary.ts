import { registerEnumType } from "type-graphql";
import type { EntityType } from "../audit/entity-type.js";

/**
 * The states and events of every machine, as the two enums a status history is typed with
 * (`StatusChange.fromStatus`, `toStatus`, `event`). One history type serves every entity, and
 * partners read it through its parent (`order.history`), so one enum per column (the union of
 * the machines' own) types it without a history type per entity. The enums are filled by
 * defineMachine as each machine is declared, so they never list a state no machine has nor
 * miss one a machine gained.
 */
export const WorkflowStatus: Record<string, string> = {};
export const WorkflowEvent: Record<string, string> = {};

const statusConfig: Record<string, { description: string }> = {};
const eventConfig: Record<string, { description: string }> = {};
const statusOwners = new Map<string, Set<string>>();
const eventOwners = new Map<string, Set<string>>();

registerEnumType(WorkflowStatus, {
  name: "WorkflowStatus",
  description:
    "A state of a stateful entity, as its status history shows it: the union of OrderStatus, VisitStatus, ClaimStatus, CaseStatus and PatientStatus (the same value names). Each value says whose state it is.",
  valuesConfig: statusConfig,
});
registerEnumType(WorkflowEvent, {
  name: "WorkflowEvent",
  description:
    "An event of a status history: the union of OrderEvent, VisitEvent, ClaimEvent, CaseEvent and PatientEvent, plus the creation events (ISSUE, REGISTER, CREATE) each history starts with. Each value says whose event it is.",
  valuesConfig: eventConfig,
});

function add(
  target: Record<string, string>,
  config: Record<string, { description: string }>,
  owners: Map<string, Set<string>>,
  value: string,
  owner: string,
  what: string,
): void {
  target[value] = value;
  const set = owners.get(value) ?? new Set<string>();
  set.add(owner);
  owners.set(value, set);
  config[value] = { description: `${what} of ${[...set].sort().join(", ")}.` };
}

/** Adds a machine's states, events and creation event to the two enums. */
export function addToWorkflowVocabulary(machine: {
  entityType: EntityType;
  statuses: readonly string[];
  events: readonly string[];
  creationEvent: string;
}): void {
  const type = machine.entityType;
  for (const s of machine.statuses) add(WorkflowStatus, statusConfig, statusOwners, s, type, "A state");
  for (const e of machine.events) add(WorkflowEvent, eventConfig, eventOwners, e, type, "An event");
  add(WorkflowEvent, eventConfig, eventOwners, machine.creationEvent, `${type} (its creation)`, "An event");
}
