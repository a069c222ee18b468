import type { DomainModule } from "../../platform/composition/module.js";
import { Patient } from "./patient.entity.js";
import { PatientResolver } from "./patient.resolver.js";
import { registerPatientScopes } from "./patient.scope.js";
import { registerPatientReads } from "./patient.read.js";

/** Patients (encrypted national ids, declared policies). */
export const patientModule: DomainModule = {
  name: "patient",
  entities: [Patient],
  resolvers: [PatientResolver],
  register(hooks) {
    registerPatientScopes(hooks);
    registerPatientReads(hooks);
  },
};
