import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import type { Logger } from "pino";
import type { Redis } from "ioredis";
import type { Config } from "../../config.js";
import type { Principal } from "../auth/principal.js";
import type { Loaders } from "./loaders.js";
import type { GraphQLLogFields } from "../http/request-log.js";
import type { ReadAudit } from "../audit/read-audit.js";
import type { LoginGuard } from "../auth/login-guard.js";
import type { StaffSessions } from "../auth/staff-sessions.js";

/** Everything a resolver may use; built once per request. */
export interface AppContext {
  orm: MikroORM;
  /** A fork scoped to the principal (see platform/scoping). */
  em: EntityManager;
  principal: Principal;
  loaders: Loaders;
  requestId: string;
  config: Config;
  logger: Logger;
  redis: Redis;
  requestIp?: string;
  /** Audit rows of sensitive reads, written in one insert when the request ends. */
  readAudit: ReadAudit;
  /** Login throttles and hashing slots (platform/auth/login-guard.ts). */
  guard: LoginGuard;
  /** Staff roles per request and ended sessions (platform/auth/staff-sessions.ts). */
  sessions: StaffSessions;
  /** Filled in once the operation is known, for the request's log line. */
  requestLog?: GraphQLLogFields;
}
