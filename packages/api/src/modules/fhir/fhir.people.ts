import type {
  ContactPoint,
  Organization as FhirOrganization,
  Patient as FhirPatient,
  Practitioner,
} from "@medplum/fhirtypes";
import { fieldCipher } from "../../platform/crypto/field-encryption.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Organization } from "../organization/organization.entity.js";
import { seesNationalId } from "../patient/national-id.js";
import { Patient, PatientStatus } from "../patient/patient.entity.js";
import { User } from "../user/user.entity.js";
import { ORGANIZATION_TYPE, SYSTEMS, concept } from "./fhir.codes.js";
import { dateParam, identifierParam, stringParam, systemsOf } from "./fhir.params.js";
import { compact, meta, ref, source, type FhirResourceDef } from "./fhir.resource.js";

const common = { _lastUpdated: "updatedAt", _id: "id" };

function telecom(phone?: string | null, email?: string | null): ContactPoint[] {
  const out: ContactPoint[] = [];
  if (phone) out.push({ system: "phone", value: phone });
  if (email) out.push({ system: "email", value: email });
  return out;
}

export const patientResource: FhirResourceDef = {
  type: "Patient",
  documentation:
    "The insured person. The national id is an identifier only for ADMIN/REVIEWER staff (each read audited, as in GraphQL); others never receive it.",
  sources: [
    source<Patient>({
      entity: Patient,
      params: {
        identifier: identifierParam(systemsOf, { "customer-number": (v) => ({ customerNumber: v }) }),
        name: stringParam(["firstName", "lastName"], "Start of a given or family name"),
        birthdate: dateParam("birthDate", "Birth date", true),
      },
      sort: { ...common, birthdate: "birthDate", family: "lastName" },
      historyOf: "Patient",
      toFhir: (p, ctx, _prepared, status) => {
        const identifier = [ctx.systems.identifier("customer-number", p.customerNumber, "usual")];
        if (p.nationalIdEnc && seesNationalId(ctx.principal, refId(p.registeredBy))) {
          identifier.push(ctx.systems.identifier("national-id", fieldCipher().decrypt(p.nationalIdEnc), "official"));
          ctx.readAudit.record({ action: "patient.read.nationalId", entityType: "Patient", entityId: p.id });
        }
        return compact<FhirPatient>({
          resourceType: "Patient",
          id: p.id,
          meta: meta(p),
          identifier,
          active: (status ?? p.status) !== PatientStatus.INACTIVE,
          name: [{ family: p.lastName, given: [p.firstName] }],
          telecom: telecom(p.phone, p.email),
          birthDate: p.birthDate ?? undefined,
          communication: [{ language: concept({ system: SYSTEMS.LANGUAGE, code: p.language }) }],
          managingOrganization: ref("Organization", refId(p.registeredBy)),
        });
      },
      includes: { "Patient:organization": (p) => idOf("Organization", refId(p.registeredBy)) },
    }),
  ],
};

export const organizationResource: FhirResourceDef = {
  type: "Organization",
  documentation: "The operator and its partners (clinics, labs, hospitals, interconsultants, agencies, insurers).",
  sources: [
    source<Organization>({
      entity: Organization,
      params: {
        identifier: identifierParam(systemsOf, { "tax-id": (v) => ({ taxId: v }) }),
        name: stringParam(["name"], "Start of the name"),
      },
      sort: { ...common, name: "name" },
      toFhir: (o, ctx) => {
        const type = ORGANIZATION_TYPE[o.kind];
        return compact<FhirOrganization>({
          resourceType: "Organization",
          id: o.id,
          meta: meta(o),
          identifier: o.taxId ? [ctx.systems.identifier("tax-id", o.taxId)] : undefined,
          active: o.active,
          type: [
            concept(
              { system: SYSTEMS.ORGANIZATION_TYPE, code: type.code, display: type.display },
              ctx.systems.local("organization-kind", o.kind),
            ),
          ],
          name: o.name,
          telecom: telecom(o.phone, o.email),
          address: [compact({ state: o.region ?? undefined, country: o.country })],
        });
      },
    }),
  ],
};

export const practitionerResource: FhirResourceDef = {
  type: "Practitioner",
  documentation: "Operator staff (visitors, reviewers…), for staff callers only: partners see no staff rows.",
  sources: [
    source<User>({
      entity: User,
      params: { name: stringParam(["name"], "Start of the name") },
      sort: { ...common, name: "name" },
      toFhir: (u, ctx) =>
        compact<Practitioner>({
          resourceType: "Practitioner",
          id: u.id,
          meta: meta(u),
          identifier: [ctx.systems.identifier("staff-email", u.email)],
          active: u.active,
          name: [{ text: u.name }],
          telecom: telecom(u.phone, u.email),
        }),
    }),
  ],
};

export function idOf<T extends string>(type: T, id: string | null | undefined): { type: T; id: string } | null {
  return id ? { type, id } : null;
}
