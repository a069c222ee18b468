import { LockMode, type EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit.js";
import { actorOf, type Principal } from "../../platform/auth/principal.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { validate } from "../../platform/validation/validate.js";
import { FormTemplate } from "./form-template.entity.js";
import type {
  CreateFormTemplateInput,
  CreateFormTemplateVersionInput,
  FormTemplateStateInput,
} from "./form-template.inputs.js";
import { compileTemplateSchema } from "./form-validation.js";
import { OrderErrorCode } from "./order.errors.js";

/** A form of this size is already far beyond what a person fills in; the cap keeps jsonb rows small. */
const MAX_SCHEMA_BYTES = 64 * 1024;

const base = {
  title: z.string().trim().min(1, "must not be empty").max(200, "is at most 200 characters"),
  schema: z.record(z.string(), z.unknown()),
};
const createSchema = z.object({
  // the same spelling issueOrder stores, so an order finds its specialty's template
  specialty: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{Nd} _-]{0,99}$/u, "must be a word or words such as dermatology"),
  ...base,
});
const versionSchema = z.object({ ...base });

/**
 * Writes the form templates operators configure: a new specialty, a new version, and which
 * version is active. Versions are never edited in place (see the entity).
 */
export class FormTemplateService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async create(input: CreateFormTemplateInput): Promise<FormTemplate> {
    const data = validate(createSchema, input);
    checkSchema(data.schema);
    const existing = await this.em.count(FormTemplate, { specialty: data.specialty });
    if (existing > 0)
      throw new DomainError(
        OrderErrorCode.FORM_TEMPLATE_EXISTS,
        `${data.specialty} already has a form template: write a new version of it instead.`,
        ["specialty"],
      );
    const template = this.write(data.specialty, 1, data.title, data.schema, true);
    this.audit("formTemplate.create", template);
    await this.em.flush();
    return template;
  }

  async createVersion(input: CreateFormTemplateVersionInput): Promise<FormTemplate> {
    const data = validate(versionSchema, { title: input.title, schema: input.schema });
    checkSchema(data.schema);
    const edited = await this.em.findOne(FormTemplate, { id: input.id });
    if (!edited) throw new NotFoundError("FormTemplate", ["id"]);
    // Locks the specialty's versions, so two editors cannot both write version n + 1 or
    // both become the active one.
    const versions = await this.em.find(
      FormTemplate,
      { specialty: edited.specialty },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { templateVersion: "DESC" } },
    );
    const latest = versions[0]!;
    if (latest.id !== edited.id)
      throw new DomainError(
        PlatformErrorCode.STALE_VERSION,
        `${edited.specialty} has a newer version (${latest.templateVersion}) than the one you edited (${edited.templateVersion}). Reload and edit that one.`,
        ["id"],
      );
    if (input.activate) {
      this.deactivate(versions);
      // cleared before the new row goes in: the one-active index never sees two
      await this.em.flush();
    }
    const template = this.write(edited.specialty, latest.templateVersion + 1, data.title, data.schema, input.activate);
    this.audit("formTemplate.version", template, { from: edited.templateVersion });
    await this.em.flush();
    return template;
  }

  async activate(input: FormTemplateStateInput): Promise<FormTemplate> {
    const template = await this.locked(input);
    // an unchanged state is still audited: the request was made, and says so
    const changed = !template.active;
    if (changed) {
      const others = await this.em.find(
        FormTemplate,
        { specialty: template.specialty, active: true },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      this.deactivate(others);
      await this.em.flush();
      template.active = true;
    }
    this.audit("formTemplate.activate", template, { changed });
    await this.em.flush();
    return template;
  }

  async retire(input: FormTemplateStateInput): Promise<FormTemplate> {
    const template = await this.locked(input);
    const changed = template.active;
    template.active = false;
    this.audit("formTemplate.retire", template, { changed });
    await this.em.flush();
    return template;
  }

  private async locked(input: FormTemplateStateInput): Promise<FormTemplate> {
    const template = await this.em.findOne(FormTemplate, { id: input.id });
    if (!template) throw new NotFoundError("FormTemplate", ["id"]);
    checkVersion(template.version, input.expectedVersion);
    return template;
  }

  private deactivate(versions: FormTemplate[]): void {
    for (const v of versions) {
      if (!v.active) continue;
      v.active = false;
      this.audit("formTemplate.retire", v);
    }
  }

  private write(
    specialty: string,
    templateVersion: number,
    title: string,
    schema: Record<string, unknown>,
    active: boolean,
  ): FormTemplate {
    const actor = actorOf(this.principal);
    const template = this.em.create(FormTemplate, {
      specialty,
      templateVersion,
      title,
      schema,
      active,
      createdByKind: actor.actorKind,
      createdById: actor.actorId,
    });
    this.em.persist(template);
    return template;
  }

  private audit(action: string, t: FormTemplate, extra: Record<string, unknown> = {}): void {
    recordAudit(this.em, this.principal, this.requestId, {
      action,
      entityType: "FormTemplate",
      entityId: t.id,
      changes: { specialty: t.specialty, templateVersion: t.templateVersion, active: t.active, ...extra },
    });
  }
}

/**
 * Refuses a schema the API could not validate forms against, or one that is not a form: the
 * same strict compiler that validates reports must accept it, and the root is an object with
 * properties (what the console renders as fields).
 */
function checkSchema(schema: Record<string, unknown>): void {
  const fail = (message: string): never => {
    throw new DomainError(OrderErrorCode.FORM_SCHEMA_INVALID, message, ["schema"]);
  };
  if (Buffer.byteLength(JSON.stringify(schema)) > MAX_SCHEMA_BYTES)
    fail(`The schema is larger than ${MAX_SCHEMA_BYTES / 1024} KB.`);
  // an $id would name the schema inside the shared compiler, where two versions would collide
  if ("$id" in schema) fail("Leave $id out: the template's specialty and version identify it.");
  if (schema.type !== "object") fail('The schema\'s root must be { "type": "object", … }.');
  const properties = schema.properties;
  if (!properties || typeof properties !== "object" || Object.keys(properties).length === 0)
    fail("The schema must declare at least one property (a field of the form).");
  try {
    compileTemplateSchema(schema);
  } catch (err) {
    fail(`The schema is not valid JSON Schema: ${(err as Error).message}`);
  }
}
