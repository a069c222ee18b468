import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { AppContext } from "../../platform/graphql/context.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { refId } from "../../platform/graphql/loaders.js";
import { money } from "../claim/engine/index.js";
import { Claim } from "../claim/claim.entity.js";
import { ClaimPayload, claimPayload } from "../claim/claim.resolver.js";
import { dailyCollections } from "./daily-collections.js";
import { Payment } from "./payment.entity.js";
import { RecordPaymentInput } from "./payment.inputs.js";
import { recordPayment } from "./payment.service.js";
import { DailyCollection } from "./payment.types.js";
import { MoneyScalar } from "../claim/engine/money.graphql.js";

/** Money received against claims: recording a payment and the daily collections report. */
@Resolver()
export class PaymentResolver {
  @Authorized("PARTNER", "OPERATOR", "BILLING")
  @Query(() => [DailyCollection], {
    description:
      "Payments received that day by payer and method, and what is still owed, per organisation and currency (partners, OPERATOR, BILLING, ADMIN).",
  })
  dailyCollections(
    @Arg("date", () => LocalDateResolver, { description: "The day, in each organisation's time zone." }) date: string,
    @Arg("organizationId", () => ID, { nullable: true, description: "Only this organisation." })
    organizationId: string | null,
    @Ctx() ctx: AppContext,
  ) {
    return dailyCollections(ctx.em, date, organizationId);
  }

  @Authorized()
  @Mutation(() => ClaimPayload, {
    description:
      "Records the patient's co-pay (the registering partner, OPERATOR, BILLING) or the insurer's remittance (the policy's insurer, BILLING) against a claim.",
  })
  recordPayment(
    @Arg("input", () => RecordPaymentInput, { description: "The mutation input." }) input: RecordPaymentInput,
    @Ctx() ctx: AppContext,
  ) {
    return claimPayload(async () => {
      const payment = await idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "recordPayment",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => recordPayment(em, ctx.principal, ctx.requestId, input),
        load: (em, id) => em.findOne(Payment, { id }),
      });
      ctx.em.clear();
      return ctx.em.findOneOrFail(Claim, { id: payment.claim.id });
    });
  }
}

@Resolver(() => Payment)
export class PaymentFieldsResolver {
  @FieldResolver(() => ID, { description: "Claim id." })
  claimId(@Root() p: Payment): string {
    return refId(p.claim)!;
  }
  @FieldResolver(() => MoneyScalar, { description: "Amount received." })
  amount(@Root() p: Payment): string {
    return money(p.amount, p.currency);
  }
}
