import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { OrderByInput } from "../../platform/graphql/connection.js";

@InputType({ description: "Filters for the monthly statistics list." })
export class MonthlyStatisticFilter {
  @Field(() => ID, { nullable: true, description: "Only this organisation." })
  organizationId?: string | null;
  @Field(() => String, { nullable: true, description: "From this month on, inclusive (YYYY-MM)." })
  monthFrom?: string | null;
  @Field(() => String, { nullable: true, description: "Up to this month, inclusive (YYYY-MM)." })
  monthTo?: string | null;
}

export enum MonthlyStatisticSortField {
  MONTH = "month",
  ORDERS_ISSUED = "ordersIssued",
  CLAIMS_REGISTERED = "claimsRegistered",
  COMPUTED_AT = "computedAt",
}
registerEnumType(MonthlyStatisticSortField, {
  name: "MonthlyStatisticSortField",
  description: "Sortable monthly statistic fields.",
  valuesConfig: {
    MONTH: { description: "By month." },
    ORDERS_ISSUED: { description: "By orders issued." },
    CLAIMS_REGISTERED: { description: "By claims registered." },
    COMPUTED_AT: { description: "By computation time." },
  },
});
export const MonthlyStatisticOrder = OrderByInput(
  "MonthlyStatisticOrder",
  MonthlyStatisticSortField,
  MonthlyStatisticSortField.MONTH,
);

@InputType({ description: "Which month to recompute." })
export class RecomputeMonthlyStatisticsInput {
  @Field({ description: "The month, YYYY-MM." })
  month!: string;
}

@ObjectType({ description: "A recompute request handed to the workers." })
export class MonthlyStatisticsRecompute {
  @Field({ description: "The month that will be recomputed (YYYY-MM)." })
  month!: string;
  @Field({ description: "Id of the queued job (one per month while it waits or runs)." })
  jobId!: string;
}
