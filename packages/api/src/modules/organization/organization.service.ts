import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { NotFoundError } from "../../platform/errors/domain-error.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { WorkCalendar } from "../work-calendar/work-calendar.entity.js";
import { Organization, OrganizationKind } from "./organization.entity.js";
import type { CreateOrganizationInput, UpdateOrganizationInput } from "./organization.inputs.js";

const createSchema = z.object({
  kind: z.enum(OrganizationKind),
  name: rules.name,
  taxId: rules.text(40).nullish(),
  phone: rules.e164.nullish(),
  email: rules.email.nullish(),
  region: rules.text(100).nullish(),
  country: rules.country,
  timeZone: rules.timeZone,
  language: rules.language.nullish(),
  workCalendarId: rules.uuid.nullish(),
  specialties: z.array(rules.text(50)).max(30, "at most 30 specialties").nullish(),
});

const updateSchema = createSchema
  .omit({ kind: true, country: true })
  .partial()
  .extend({ active: z.boolean().nullish() });

export class OrganizationService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async create(input: CreateOrganizationInput): Promise<Organization> {
    const data = validate(createSchema, { ...input, idempotencyKey: undefined });
    const org = this.em.create(Organization, {
      kind: data.kind,
      name: data.name,
      taxId: data.taxId ?? null,
      phone: data.phone ?? null,
      email: data.email ?? null,
      region: data.region ?? null,
      country: data.country,
      timeZone: data.timeZone,
      language: data.language ?? "es",
      specialties: [...new Set(data.specialties ?? [])],
      workCalendar: data.workCalendarId ? await this.calendar(data.workCalendarId) : null,
    });
    recordAudit(this.em, this.principal, this.requestId, {
      action: "organization.create",
      entityType: "Organization",
      entityId: org.id,
      changes: { fields: Object.keys(data) },
    });
    await this.em.flush();
    return org;
  }

  async update(input: UpdateOrganizationInput): Promise<Organization> {
    const { id, expectedVersion, ...rest } = input;
    const data = validate(updateSchema, rest);
    const org = await this.em.findOne(Organization, { id });
    if (!org) throw new NotFoundError("Organization");
    checkVersion(org.version, expectedVersion);
    const changed: string[] = [];
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined || value === null || key === "workCalendarId") continue;
      if (key === "specialties") {
        org.specialties = [...new Set(value as string[])];
        changed.push(key);
        continue;
      }
      (org as unknown as Record<string, unknown>)[key] = value;
      changed.push(key);
    }
    if (data.workCalendarId) {
      org.workCalendar = await this.calendar(data.workCalendarId);
      changed.push("workCalendar");
    }
    recordAudit(this.em, this.principal, this.requestId, {
      action: "organization.update",
      entityType: "Organization",
      entityId: org.id,
      changes: { fields: changed },
    });
    await this.em.flush();
    return org;
  }

  private async calendar(id: string): Promise<WorkCalendar> {
    const cal = await this.em.findOne(WorkCalendar, { id });
    if (!cal) throw new NotFoundError("WorkCalendar", ["workCalendarId"]);
    return cal;
  }
}
