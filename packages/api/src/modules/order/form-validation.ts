import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { DomainError, DomainErrors } from "../../platform/errors/domain-error.js";
import type { FormTemplate } from "./form-template.entity.js";
import { OrderErrorCode } from "./order.errors.js";

// ajv-formats is CommonJS with a default export; under NodeNext the default import is the module object.
type AddFormats = typeof addFormatsModule.default;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

// allErrors: a form answers every violation at once, not one per round trip.
const ajv = new Ajv({ allErrors: true, strict: true, useDefaults: false, coerceTypes: false });

/** At most this many violations are reported; a form wrong everywhere needs no longer list. */
const MAX_VIOLATIONS = 50;
addFormats(ajv);

const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema with the validator reports are checked with; throws what it refuses. */
export function compileTemplateSchema(schema: Record<string, unknown>): ValidateFunction {
  return ajv.compile(schema);
}

function validatorFor(template: FormTemplate): ValidateFunction {
  // A version's schema never changes, so its compiled validator is cached by the row's id
  // (not by specialty and number, which two databases of one process may give different schemas).
  let fn = compiled.get(template.id);
  if (!fn) {
    fn = ajv.compile(template.schema);
    compiled.set(template.id, fn);
  }
  return fn;
}

/** JSON pointer of the field at fault; for a missing property, the pointer of that property. */
export function pointerOf(error: ErrorObject): string {
  const missing =
    error.keyword === "required" ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  const extra =
    error.keyword === "additionalProperties"
      ? (error.params as { additionalProperty?: string }).additionalProperty
      : undefined;
  const leaf = missing ?? extra;
  return leaf ? `${error.instancePath}/${leaf.replace(/~/g, "~0").replace(/\//g, "~1")}` : error.instancePath || "/";
}

/** Throws FORM_INVALID with one userError per violation, each naming its JSON pointer. */
export function validateForm(template: FormTemplate, form: unknown): void {
  const fn = validatorFor(template);
  if (fn(form)) return;
  const seen = new Set<string>();
  const violations: DomainError[] = [];
  for (const error of fn.errors!) {
    const pointer = pointerOf(error);
    const message = `form${pointer === "/" ? "" : pointer}: ${error.message ?? "is invalid"} (template ${template.specialty} v${template.templateVersion})`;
    if (seen.has(message) || violations.length >= MAX_VIOLATIONS) continue;
    seen.add(message);
    const segments = pointer
      .split("/")
      .slice(1)
      .filter((s) => s.length > 0);
    violations.push(new DomainError(OrderErrorCode.FORM_INVALID, message, ["form", ...segments]));
  }
  throw new DomainErrors(violations as [DomainError, ...DomainError[]]);
}
