import type { CapabilityStatement } from "@medplum/fhirtypes";
import { FHIR_RESOURCES } from "./fhir.resources.js";
import { includesOf, paramsOf } from "./fhir.query.js";

/** The CapabilityStatement: exactly the types, interactions, parameters and includes served. */
export function capabilityStatement(baseUrl: string, date: string): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date,
    kind: "instance",
    software: { name: "Clinigraph FHIR R4 (read and search)" },
    implementation: { description: "Clinigraph FHIR R4 read and search", url: baseUrl },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        documentation:
          "A partner's API key (scope read) or a staff token as Bearer; every read is scoped as in GraphQL: what the caller may not see does not exist.",
        security: { description: "Authorization: Bearer <API key or staff access token>" },
        resource: FHIR_RESOURCES.map((def) => ({
          type: def.type,
          documentation: def.documentation,
          interaction: [{ code: "read" }, { code: "search-type" }, { code: "history-instance" }],
          versioning: "no-version",
          readHistory: false,
          searchInclude: includesOf(def),
          searchParam: Object.entries(paramsOf(def)).map(([name, p]) => ({
            name,
            type: p.type,
            documentation: p.description,
          })),
        })),
        searchParam: [
          { name: "_id", type: "token", documentation: "Resource id (comma-separated for several)" },
          { name: "_count", type: "number", documentation: "Page size, 0 to 100 (default 20)" },
          { name: "_offset", type: "number", documentation: "Rows to skip (the Bundle's next link sets it)" },
          {
            name: "_sort",
            type: "special",
            documentation: "Sort keys, '-' for descending; per type, see docs/fhir.md",
          },
          { name: "_include", type: "special", documentation: "Referenced resources to add (searchInclude per type)" },
        ],
      },
    ],
  };
}
