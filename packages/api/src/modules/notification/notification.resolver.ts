import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Query, Resolver } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { Notification, NotificationChannel, NotificationStatus } from "./notification.entity.js";
import { EntityTypeEnum, type EntityType } from "../../platform/audit/entity-type.js";

export const NotificationConnection = ConnectionType(Notification, "Notification");

@InputType({ description: "Filters for the outbox." })
export class NotificationFilter {
  @Field(() => [NotificationStatus], { nullable: true, description: "Only these statuses." })
  status?: NotificationStatus[] | null;
  @Field(() => NotificationChannel, { nullable: true, description: "SMS or EMAIL." })
  channel?: NotificationChannel | null;
  @Field(() => String, { nullable: true, description: "Template name." })
  template?: string | null;
  @Field(() => EntityTypeEnum, { nullable: true, description: "Type of the row the message is about." })
  relatedType?: EntityType | null;
  @Field(() => ID, { nullable: true, description: "Id of that row." })
  relatedId?: string | null;
  @Field(() => ID, { nullable: true, description: "Patient recipient." })
  patientId?: string | null;
}

export function notificationWhere(filter?: NotificationFilter | null): FilterQuery<Notification> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.channel) where.channel = filter.channel;
  if (filter.template) where.template = filter.template;
  if (filter.relatedType) where.relatedType = filter.relatedType;
  if (filter.relatedId) where.relatedId = filter.relatedId;
  if (filter.patientId) where.patientId = filter.patientId;
  return where;
}

@Resolver(() => Notification)
export class NotificationReadResolver {
  // BILLING and REVIEWER work has no outbox; a VISITOR sees the messages sent to them.
  @Authorized("PARTNER", "OPERATOR", "VISITOR")
  @Query(() => NotificationConnection, {
    description:
      "The SMS/e-mail outbox visible to the caller, newest first (read-only): partners, OPERATOR, ADMIN; a VISITOR sees the messages sent to them.",
  })
  notifications(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => NotificationFilter, { nullable: true, description: "Filters." })
    filter: NotificationFilter | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, Notification, {
      where: () => notificationWhere(filter),
      sortField: "createdAt",
      direction: SortDirection.DESC,
      args,
    });
  }
}
