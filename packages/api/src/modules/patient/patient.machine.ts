import { registerEnumType } from "type-graphql";
import { defineMachine } from "../../platform/state-machine/machine.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Patient, PatientStatus } from "./patient.entity.js";
import { queuePatientWelcome } from "./patient-welcome.js";

export enum PatientEvent {
  ACTIVATE = "ACTIVATE",
  DEACTIVATE = "DEACTIVATE",
  REACTIVATE = "REACTIVATE",
}
registerEnumType(PatientEvent, {
  name: "PatientEvent",
  description: "Events of the patient lifecycle (dental seed step 4).",
  valuesConfig: {
    ACTIVATE: { description: "PROSPECT → ACTIVE after the first screening; queues the welcome e-mail." },
    DEACTIVATE: { description: "ACTIVE → INACTIVE." },
    REACTIVATE: { description: "INACTIVE → ACTIVE." },
  },
});

const S = PatientStatus;

export const patientMachine = defineMachine<Patient, PatientStatus, PatientEvent>({
  entityType: "Patient",
  creationEvent: "REGISTER",
  statuses: [S.PROSPECT, S.ACTIVE, S.INACTIVE],
  events: [PatientEvent.ACTIVATE, PatientEvent.DEACTIVATE, PatientEvent.REACTIVATE],
  initial: S.PROSPECT,
  terminal: [],
  transitions: [
    {
      from: [S.PROSPECT],
      event: PatientEvent.ACTIVATE,
      to: S.ACTIVE,
      // The clinic that did the intake confirms its own patient (dental seed step 4).
      who: [{ role: "OPERATOR" }, { partner: "registeredBy" }],
      effect: ({ em, entity }) => queuePatientWelcome(em, entity).then(() => undefined),
    },
    { from: [S.ACTIVE], event: PatientEvent.DEACTIVATE, to: S.INACTIVE, who: [{ role: "OPERATOR" }] },
    {
      from: [S.INACTIVE],
      event: PatientEvent.REACTIVATE,
      to: S.ACTIVE,
      who: [{ role: "OPERATOR" }],
      // Deduplicated per patient: a patient welcomed before is not welcomed again.
      effect: ({ em, entity }) => queuePatientWelcome(em, entity).then(() => undefined),
    },
  ],
  relations: { registeredBy: (p) => refId(p.registeredBy) },
  getStatus: (p) => p.status,
  setStatus: (p, s) => {
    p.status = s;
  },
});
