import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { raw, type FilterQuery } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { AppContext } from "../../platform/graphql/context.js";
import {
  ConnectionArgs,
  ConnectionType,
  MAX_PAGE_SIZE,
  paginate,
  SortDirection,
} from "../../platform/graphql/connection.js";
import { DomainError } from "../../platform/errors/domain-error.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Liability, Policy, PolicyMember, PolicyNetworkProvider } from "./policy.entity.js";
import { likePattern } from "../../platform/crud/row-helpers.js";
import {
  CreatePolicyInput,
  PolicyFilter,
  PolicyLinkInput,
  PolicyOrder,
  PolicySortField,
  SetPolicyLiabilityInput,
  UpdatePolicyInput,
} from "./policy.inputs.js";
import { PolicyService } from "./policy.service.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";

export const PolicyConnection = ConnectionType(Policy, "Policy");
export const PolicyPayload = PayloadType("PolicyPayload", "policy", Policy);

export function policyWhere(filter?: PolicyFilter | null): FilterQuery<Policy> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.ids) where.id = idsCondition(filter.ids)?.id;
  if (filter.type?.length) where.type = { $in: filter.type };
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.insurerId) where.insurer = filter.insurerId;
  if (filter.activeOn) {
    where.validFrom = { $lte: filter.activeOn };
    where.validTo = { $gte: filter.activeOn };
  }
  if (filter.patientId)
    where[
      raw(
        (a: string) => `${a}.id in (select pm.policy_id from policy_member pm where pm.patient_id = ?)`,
        [filter.patientId],
      )
    ] = [];
  if (filter.search) {
    const like = likePattern(filter.search);
    where.$or = [{ number: { $ilike: like } }, { holderName: { $ilike: like } }];
  }
  return where;
}

const WRITERS = ["OPERATOR", "INSURER"] as const;

@Resolver(() => Policy)
export class PolicyResolver {
  @Authorized()
  @Query(() => Policy, { nullable: true, description: "One policy by id." })
  policy(
    @Arg("id", () => ID, { description: "Policy id." }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<Policy | null> {
    return ctx.loaders.byId(Policy).load(id);
  }

  @Authorized()
  @Query(() => PolicyConnection, { description: "Policies visible to the caller (staff: all; an insurer: its own)." })
  policies(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => PolicyFilter, { nullable: true, description: "Filters." }) filter: PolicyFilter | null,
    @Arg("orderBy", () => PolicyOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof PolicyOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    return paginate(ctx.em, Policy, {
      where: () => policyWhere(filter),
      sortField: orderBy?.field ?? PolicySortField.CREATED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
      args,
    });
  }

  @FieldResolver(() => ID, { description: "Id of the insurer." })
  insurerId(@Root() p: Policy): string {
    return refId(p.insurer)!;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The insurer." })
  insurer(@Root() p: Policy, @Ctx() ctx: AppContext): Promise<Organization | null> {
    return ctx.loaders.byId(Organization).load(refId(p.insurer)!);
  }

  @FieldResolver(() => [Liability], { description: "Liabilities (理赔责任), by code." })
  liabilities(@Root() p: Policy, @Ctx() ctx: AppContext): Promise<Liability[]> {
    return ctx.loaders.children(Liability, "policy", { code: "ASC" }).load(p.id);
  }

  @FieldResolver(() => [Patient], {
    description: `Member patients visible to the caller, oldest membership first: at most \`first\` (≤ ${MAX_PAGE_SIZE}); \`patients(filter: { policyId })\` pages through all of them.`,
  })
  async members(
    @Root() p: Policy,
    @Arg("first", () => Int, {
      defaultValue: MAX_PAGE_SIZE,
      description: `How many members at most (0–${MAX_PAGE_SIZE}).`,
    })
    first: number,
    @Ctx() ctx: AppContext,
  ): Promise<Patient[]> {
    // A nested list is bounded like a page: a group policy's thousands of members would
    // otherwise multiply every field under them (and its audit rows) per policy of a page.
    if (first < 0 || first > MAX_PAGE_SIZE)
      throw new DomainError(PlatformErrorCode.PAGE_SIZE_OUT_OF_RANGE, `first must be between 0 and ${MAX_PAGE_SIZE}.`, [
        "first",
      ]);
    const links = await ctx.loaders.children(PolicyMember, "policy").load(p.id);
    const rows = await ctx.loaders.byId(Patient).loadMany(links.map((l) => refId(l.patient)!));
    return rows.filter((x): x is Patient => x instanceof Patient).slice(0, first);
  }

  @FieldResolver(() => [Organization], { description: "Providers in the policy's network." })
  async networkProviders(@Root() p: Policy, @Ctx() ctx: AppContext): Promise<Organization[]> {
    const links = await ctx.loaders.children(PolicyNetworkProvider, "policy").load(p.id);
    const rows = await ctx.loaders.byId(Organization).loadMany(links.map((l) => refId(l.provider)!));
    return rows.filter((x): x is Organization => x instanceof Organization);
  }

  @Authorized(...WRITERS)
  @Mutation(() => PolicyPayload, {
    description: "Creates a policy with its liabilities, members and network (operator or the insurer).",
  })
  createPolicy(@Arg("input", { description: "The policy." }) input: CreatePolicyInput, @Ctx() ctx: AppContext) {
    return asPayload("policy", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "createPolicy",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => service(em, ctx).create(input),
        load: (em, id) => em.findOne(Policy, { id }),
      }),
    );
  }

  @Authorized(...WRITERS)
  @Mutation(() => PolicyPayload, { description: "Updates a policy." })
  updatePolicy(@Arg("input", { description: "The changes." }) input: UpdatePolicyInput, @Ctx() ctx: AppContext) {
    return run(ctx, (s) => s.update(input));
  }

  @Authorized(...WRITERS)
  @Mutation(() => PolicyPayload, {
    description: "Adds a liability to a policy or replaces the one with the same code.",
  })
  setPolicyLiability(
    @Arg("input", { description: "The liability." }) input: SetPolicyLiabilityInput,
    @Ctx() ctx: AppContext,
  ) {
    return run(ctx, (s) => s.setLiability(input));
  }

  @Authorized(...WRITERS)
  @Mutation(() => PolicyPayload, { description: "Adds a patient to a policy's members (no-op when already a member)." })
  addPolicyMember(
    @Arg("input", { description: "Policy and patient." }) input: PolicyLinkInput,
    @Ctx() ctx: AppContext,
  ) {
    return run(ctx, (s) => s.addMember(input));
  }

  @Authorized(...WRITERS)
  @Mutation(() => PolicyPayload, { description: "Removes a patient from a policy's members." })
  removePolicyMember(
    @Arg("input", { description: "Policy and patient." }) input: PolicyLinkInput,
    @Ctx() ctx: AppContext,
  ) {
    return run(ctx, (s) => s.removeMember(input));
  }

  @Authorized(...WRITERS)
  @Mutation(() => PolicyPayload, { description: "Adds a provider to a policy's network (no-op when already in it)." })
  addPolicyNetworkProvider(
    @Arg("input", { description: "Policy and provider." }) input: PolicyLinkInput,
    @Ctx() ctx: AppContext,
  ) {
    return run(ctx, (s) => s.addNetworkProvider(input));
  }

  @Authorized(...WRITERS)
  @Mutation(() => PolicyPayload, { description: "Removes a provider from a policy's network." })
  removePolicyNetworkProvider(
    @Arg("input", { description: "Policy and provider." }) input: PolicyLinkInput,
    @Ctx() ctx: AppContext,
  ) {
    return run(ctx, (s) => s.removeNetworkProvider(input));
  }
}

function service(em: EntityManager, ctx: AppContext): PolicyService {
  return new PolicyService(em, ctx.principal, ctx.requestId);
}

function run(ctx: AppContext, body: (s: PolicyService) => Promise<Policy>) {
  return asPayload("policy", () => ctx.em.transactional((em) => body(service(em, ctx))));
}
