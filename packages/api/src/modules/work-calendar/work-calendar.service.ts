import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { NotFoundError } from "../../platform/errors/domain-error.js";
import { validateWorkCalendar } from "../../platform/calendar/index.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { WorkCalendar } from "./work-calendar.entity.js";
import type { CreateWorkCalendarInput, UpdateWorkCalendarInput } from "./work-calendar.inputs.js";

// Shape only; whether the country, region, zone and days make a usable calendar is
// validateWorkCalendar's call, so the API and the deadline code agree.
const createSchema = z.object({
  name: rules.name,
  country: rules.country,
  region: rules.text(20).nullish(),
  weekendDays: z.array(z.number().int()).max(7).nullish(),
  closures: z.array(z.string()).max(1000).nullish(),
  openDays: z.array(z.string()).max(1000).nullish(),
  timeZone: rules.timeZone,
});
const updateSchema = createSchema.partial();

export class WorkCalendarService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async create(input: CreateWorkCalendarInput): Promise<WorkCalendar> {
    const data = validate(createSchema, { ...input, idempotencyKey: undefined });
    const cal = this.em.create(WorkCalendar, {
      name: data.name,
      country: data.country,
      region: data.region || null,
      weekendDays: uniqueSorted(data.weekendDays ?? [0, 6]),
      closures: uniqueSorted(data.closures ?? []),
      openDays: uniqueSorted(data.openDays ?? []),
      timeZone: data.timeZone,
    });
    check(cal);
    this.audit("workCalendar.create", cal, Object.keys(data));
    await this.em.flush();
    return cal;
  }

  async update(input: UpdateWorkCalendarInput): Promise<WorkCalendar> {
    const { id, expectedVersion, ...rest } = input;
    const data = validate(updateSchema, rest);
    const cal = await this.em.findOne(WorkCalendar, { id });
    if (!cal) throw new NotFoundError("WorkCalendar");
    checkVersion(cal.version, expectedVersion);
    const patch: Partial<
      Pick<WorkCalendar, "name" | "country" | "region" | "weekendDays" | "closures" | "openDays" | "timeZone">
    > = {};
    if (data.name) patch.name = data.name;
    if (data.country) patch.country = data.country;
    if (data.region != null) patch.region = data.region || null;
    if (data.weekendDays) patch.weekendDays = uniqueSorted(data.weekendDays);
    if (data.closures) patch.closures = uniqueSorted(data.closures);
    if (data.openDays) patch.openDays = uniqueSorted(data.openDays);
    if (data.timeZone) patch.timeZone = data.timeZone;
    Object.assign(cal, patch);
    const changed = Object.keys(patch);
    check(cal);
    this.audit("workCalendar.update", cal, changed);
    await this.em.flush();
    return cal;
  }

  private audit(action: string, cal: WorkCalendar, fields: string[]): void {
    recordAudit(this.em, this.principal, this.requestId, {
      action,
      entityType: "WorkCalendar",
      entityId: cal.id,
      changes: { fields },
    });
  }
}

function check(cal: WorkCalendar): void {
  validateWorkCalendar({
    country: cal.country,
    region: cal.region ?? undefined,
    weekendDays: cal.weekendDays,
    closures: cal.closures,
    openDays: cal.openDays,
    timeZone: cal.timeZone,
  });
}

function uniqueSorted<T extends string | number>(values: T[]): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
