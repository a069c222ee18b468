import type { MikroORM } from "@mikro-orm/postgresql";
import type { Logger } from "pino";
import { v7 as uuidv7 } from "uuid";
import { actorOf, type Principal } from "../auth/principal.js";
import type { AuditInput } from "./audit.js";
import { TopLevelErrorCode } from "../errors/top-level.errors.js";

/**
 * The audit rows of one request's sensitive reads (an unmasked national id, a bank
 * account), collected while its resolvers run and written by one INSERT when the request
 * ends (the Apollo plugin below), before its response leaves. A page of 100 patients with
 * their members used to write one row per field with one flush each (issue 14: 2,030 rows
 * in 10–15 s for one REVIEWER query); now it is one statement whatever the count. The same
 * row read twice in a request (by two paths of the query) is one read.
 */
export class ReadAudit {
  private readonly rows = new Map<string, AuditInput>();

  constructor(
    private readonly orm: MikroORM,
    private readonly principal: Principal,
    private readonly requestId: string,
  ) {}

  record(input: AuditInput): void {
    this.rows.set(`${input.action}\u0000${input.entityType}\u0000${input.entityId ?? ""}`, input);
  }

  get pending(): number {
    return this.rows.size;
  }

  /** Writes the collected rows in one statement; a no-op when there are none. */
  async flush(): Promise<void> {
    if (this.rows.size === 0) return;
    const actor = actorOf(this.principal);
    const rows = [...this.rows.values()].map((r) => ({
      id: uuidv7(),
      actor_kind: actor.actorKind,
      actor_id: actor.actorId,
      actor_organization_id: actor.organizationId,
      action: r.action,
      entity_type: r.entityType,
      entity_id: r.entityId ?? null,
      changes: r.changes ?? null,
      request_id: this.requestId,
    }));
    this.rows.clear();
    // One parameter whatever the row count: Postgres caps a statement at 65,535 parameters.
    await this.orm.em.getConnection().execute(
      `insert into audit_event
         (id, actor_kind, actor_id, actor_organization_id, action, entity_type, entity_id, changes, request_id)
       select id, actor_kind, actor_id, actor_organization_id, action, entity_type, entity_id, changes, request_id
         from jsonb_to_recordset(?::jsonb) as r(id uuid, actor_kind text, actor_id uuid, actor_organization_id uuid,
           action text, entity_type text, entity_id uuid, changes jsonb, request_id text)`,
      [JSON.stringify(rows)],
    );
  }
}

/**
 * Flushes the request's ReadAudit before its response is sent. A read whose audit row
 * cannot be written is not released: the response becomes an error without data.
 */
export function readAuditPlugin<C extends { readAudit: ReadAudit }>(logger: Logger) {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({
          contextValue,
          response,
        }: {
          contextValue: C;
          response: { body: { kind: string; singleResult?: Record<string, unknown> }; http: { status?: number } };
        }) {
          try {
            await contextValue.readAudit.flush();
          } catch (err) {
            logger.error({ err }, "audit rows of a read could not be written; response withheld");
            if (response.body.kind !== "single" || !response.body.singleResult) return;
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              { message: "Internal server error.", extensions: { code: TopLevelErrorCode.INTERNAL_SERVER_ERROR } },
            ];
            response.http.status = 500;
          }
        },
      };
    },
  };
}
