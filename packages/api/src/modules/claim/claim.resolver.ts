import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { raw, type FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { PayloadType, toUserError, type UserError } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import type { EntityManager } from "@mikro-orm/postgresql";
import { Claim } from "./claim.entity.js";
import { likePattern } from "../../platform/crud/row-helpers.js";
import { OPEN_FOR_EDIT } from "./claim.enums.js";
import {
  ClaimFilter,
  ClaimOrder,
  ClaimSortField,
  RegisterClaimInput,
  SetApprovedAmountsInput,
  SetClaimLinesInput,
  TransitionClaimInput,
} from "./claim.inputs.js";
import { ClaimNotEligibleError } from "../eligibility/claim-eligibility.js";
import { RequiredDocumentsMissingError } from "../document/document.checklist.js";
import { ClaimService } from "./claim.service.js";
import { ClaimModifier } from "./claim.types.js";
import { CLAIM_MODIFIERS } from "./engine/index.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";

export const ClaimConnection = ConnectionType(Claim, "Claim");
export const ClaimPayload = PayloadType("ClaimPayload", "claim", Claim);

export function claimWhere(filter?: ClaimFilter | null, now = new Date()): FilterQuery<Claim> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.ids) where.id = idsCondition(filter.ids)?.id;
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.kind?.length) where.kind = { $in: filter.kind };
  if (filter.registeredById) where.registeredBy = filter.registeredById;
  if (filter.caseId) where.case = filter.caseId;
  // the patient is the case's: both filters together name one case of that patient
  if (filter.patientId)
    where.case = filter.caseId ? { id: filter.caseId, patient: filter.patientId } : { patient: filter.patientId };
  if (filter.policyId) where.policy = filter.policyId;
  if (filter.sourceVisitId) where.sourceVisitId = filter.sourceVisitId;
  if (filter.search) where.number = { $ilike: likePattern(filter.search) };
  if (filter.serviceCode)
    where[
      raw(
        (a: string) => `${a}.id in (select cl.claim_id from claim_line cl where cl.service_code = ?)`,
        [filter.serviceCode],
      )
    ] = [];
  if (filter.overdue === true) {
    where.$and = [{ status: { $in: [...OPEN_FOR_EDIT] } }, { deliveryDueAt: { $lt: now } }];
  } else if (filter.overdue === false) {
    where.$or = [{ status: { $nin: [...OPEN_FOR_EDIT] } }, { deliveryDueAt: { $gte: now } }];
  }
  return where;
}

/**
 * Like asPayload, but a failed eligibility check lists every reason, and a SUBMIT without
 * its required documents every missing type, as its own userError.
 */
export async function claimPayload(
  body: () => Promise<Claim>,
): Promise<{ claim: Claim | null; userErrors: UserError[] }> {
  try {
    return { claim: await body(), userErrors: [] };
  } catch (err) {
    if (err instanceof RequiredDocumentsMissingError) return { claim: null, userErrors: err.userErrors() };
    if (!(err instanceof ClaimNotEligibleError)) {
      const userError = toUserError(err);
      if (!userError) throw err;
      return { claim: null, userErrors: [userError] };
    }
    return {
      claim: null,
      userErrors: [
        { code: err.code, field: err.field ?? null, message: err.message },
        ...err.reasons.map((r) => ({ code: r.code, field: ["eligibility", r.code], message: r.message })),
      ],
    };
  }
}

@Resolver(() => Claim)
export class ClaimResolver {
  @Authorized()
  @Query(() => Claim, { nullable: true, description: "One claim by id (null when it does not exist or is not yours)." })
  claim(@Arg("id", () => ID, { description: "Claim id." }) id: string, @Ctx() ctx: AppContext): Promise<Claim | null> {
    return ctx.loaders.byId(Claim).load(id);
  }

  @Authorized()
  @Query(() => ClaimConnection, {
    description:
      "Claims: an agency, clinic or hospital sees the ones it registered, an insurer those under its policies; staff by role.",
  })
  claims(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => ClaimFilter, { nullable: true, description: "Filters." }) filter: ClaimFilter | null,
    @Arg("orderBy", () => ClaimOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof ClaimOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, Claim, {
      where: () => claimWhere(filter),
      sortField: orderBy?.field ?? ClaimSortField.CREATED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
      args,
    });
  }

  @Authorized()
  @Query(() => [ClaimModifier], { description: "The claim line modifiers a line may name, with their factors." })
  claimModifiers(): ClaimModifier[] {
    return Object.entries(CLAIM_MODIFIERS).map(([code, m]) => ({ code, factor: m.factor, description: m.description }));
  }

  @Authorized("AGENCY", "HOSPITAL", "CLINIC", "OPERATOR")
  @Mutation(() => ClaimPayload, {
    description:
      "Registers a DRAFT claim (agency, hospital, clinic or operator) on a case, on the case it opens (newCase), or from a visit's liability link.",
  })
  registerClaim(
    @Arg("input", () => RegisterClaimInput, { description: "The mutation input." }) input: RegisterClaimInput,
    @Ctx() ctx: AppContext,
  ) {
    return claimPayload(() =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "registerClaim",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => this.service(em, ctx).register(input),
        load: (em, id) => em.findOne(Claim, { id }),
      }),
    );
  }

  @Authorized("AGENCY", "HOSPITAL", "CLINIC", "OPERATOR")
  @Mutation(() => ClaimPayload, {
    description: "Replaces the lines of a DRAFT or RETURNED claim and recomputes its totals.",
  })
  setClaimLines(
    @Arg("input", () => SetClaimLinesInput, { description: "The mutation input." }) input: SetClaimLinesInput,
    @Ctx() ctx: AppContext,
  ) {
    return claimPayload(() => ctx.em.transactional((em) => this.service(em, ctx).setLines(input)));
  }

  @Authorized()
  @Mutation(() => ClaimPayload, { description: "Fires an event of the claim state machine." })
  transitionClaim(
    @Arg("input", () => TransitionClaimInput, { description: "The mutation input." }) input: TransitionClaimInput,
    @Ctx() ctx: AppContext,
  ) {
    return claimPayload(() => ctx.em.transactional((em) => this.service(em, ctx).transition(input)));
  }

  @Authorized("REVIEWER")
  @Mutation(() => ClaimPayload, {
    description: "Lowers line amounts of a claim IN_REVIEW, each with a reason, before APPROVE.",
  })
  setApprovedAmounts(
    @Arg("input", () => SetApprovedAmountsInput, { description: "The mutation input." }) input: SetApprovedAmountsInput,
    @Ctx() ctx: AppContext,
  ) {
    return claimPayload(() => ctx.em.transactional((em) => this.service(em, ctx).setApprovedAmounts(input)));
  }

  private service(em: EntityManager, ctx: AppContext): ClaimService {
    return new ClaimService(em, ctx.principal, ctx.requestId);
  }
}
