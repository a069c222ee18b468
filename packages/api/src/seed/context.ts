import type { EntityManager } from "@mikro-orm/postgresql";
import type { Organization } from "../modules/organization/organization.entity.js";
import type { WorkCalendar } from "../modules/work-calendar/work-calendar.entity.js";
import type { User } from "../modules/user/user.entity.js";
import type { Patient } from "../modules/patient/patient.entity.js";
import type { Policy } from "../modules/policy/policy.entity.js";
import type { ServiceCode } from "../modules/service-code/service-code.entity.js";

/**
 * What the demo seed has built so far; each step reads what earlier steps made and adds
 * its own. Later modules (cases, orders, visits, claims) append steps that use these.
 */
export interface SeedContext {
  /** A SYSTEM-scoped EntityManager inside the seed's single transaction. */
  em: EntityManager;
  /** The day the demo region "is" (fixed, so every run builds the same data). */
  today: string;
  calendars: Record<string, WorkCalendar>;
  organizations: Record<string, Organization>;
  users: Record<string, User>;
  patients: Patient[];
  policies: Policy[];
  serviceCodes: ServiceCode[];
  /** Where demo documents' bytes go (FILE_STORAGE_DIR); without it no documents are filed. */
  fileStorageDir?: string;
}

export type SeedStep = (ctx: SeedContext) => Promise<void>;
