import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Query, Resolver } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import { DateTimeResolver } from "graphql-scalars";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { AuditEvent } from "../../platform/audit/audit-event.entity.js";
import { EntityTypeEnum, type EntityType } from "../../platform/audit/entity-type.js";

export const AuditEventConnection = ConnectionType(AuditEvent, "AuditEvent");

@InputType({ description: "Filters for the audit trail." })
export class AuditEventFilter {
  @Field(() => EntityTypeEnum, { nullable: true, description: "Entity type, e.g. Patient, Order." })
  entityType?: EntityType | null;
  @Field(() => ID, { nullable: true, description: "Entity id." })
  entityId?: string | null;
  @Field(() => ID, { nullable: true, description: "Actor: a user id (staff) or an API key id (partner)." })
  actorId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Action, exact (patient.read.nationalId) or a prefix ending in '.' (patient.).",
  })
  action?: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: "At or after this time." })
  from?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: "Before this time." })
  to?: Date | null;
}

export function auditWhere(filter?: AuditEventFilter | null): FilterQuery<AuditEvent> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.actorId) where.actorId = filter.actorId;
  if (filter.action) {
    where.action = filter.action.endsWith(".")
      ? { $like: `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
      : filter.action;
  }
  if (filter.from || filter.to)
    where.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return where;
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Authorized("REVIEWER")
  @Query(() => AuditEventConnection, {
    description:
      "The audit trail, newest first: ADMIN reads all of it, a REVIEWER the events of the orders, visits and claims it reviews.",
  })
  auditEvents(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => AuditEventFilter, { nullable: true, description: "Filters." }) filter: AuditEventFilter | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, AuditEvent, {
      where: () => auditWhere(filter),
      sortField: "createdAt",
      direction: SortDirection.DESC,
      args,
    });
  }
}
