import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { refId } from "../../platform/graphql/loaders.js";
import { availableEvents } from "../../platform/state-machine/engine.js";
import { StatusChange } from "../../platform/audit/status-change.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { Case } from "./case.entity.js";
import { CaseFilter, CaseOrder, CaseSortField, RegisterCaseInput, TransitionCaseInput } from "./case.inputs.js";
import { CaseEvent, caseMachine } from "./case.machine.js";
import { CaseService, PARTNER_CASE_REGISTRANTS } from "./case.service.js";
import { caseSearchFor, caseWhere } from "./case.where.js";
import { historyLoader } from "../../platform/audit/history.loader.js";

export const CaseConnection = ConnectionType(Case, "Case");
export const CasePayload = PayloadType("CasePayload", "case", Case);

@Resolver(() => Case)
export class CaseResolver {
  @Authorized()
  @Query(() => Case, { name: "case", nullable: true, description: "One case by id." })
  getCase(@Arg("id", () => ID, { description: "Case id." }) id: string, @Ctx() ctx: AppContext): Promise<Case | null> {
    return ctx.loaders.byId(Case).load(id);
  }

  @Authorized()
  @Query(() => CaseConnection, { description: "Cases visible to the caller, filtered and sorted." })
  async cases(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => CaseFilter, { nullable: true, description: "Filters." }) filter: CaseFilter | null,
    @Arg("orderBy", () => CaseOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof CaseOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    const patients = await caseSearchFor(ctx.em, filter);
    return paginate(ctx.em, Case, {
      where: () => caseWhere(filter, patients),
      sortField: orderBy?.field ?? CaseSortField.CREATED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
      args,
    });
  }

  @Authorized("OPERATOR", ...PARTNER_CASE_REGISTRANTS)
  @Mutation(() => CasePayload, {
    description:
      "Registers a case: a hospital, agency or clinic for itself (registerClaim with newCase opens case and claim in one call), operator staff for anyone.",
  })
  registerCase(@Arg("input", { description: "The case." }) input: RegisterCaseInput, @Ctx() ctx: AppContext) {
    return asPayload("case", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "registerCase",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => new CaseService(em, ctx.principal, ctx.requestId).register(input),
        load: (em, id) => em.findOne(Case, { id }),
      }),
    );
  }

  @Authorized()
  @Mutation(() => CasePayload, { description: "Closes, cancels or reopens a case." })
  transitionCase(@Arg("input", { description: "The event." }) input: TransitionCaseInput, @Ctx() ctx: AppContext) {
    return asPayload("case", () =>
      ctx.em.transactional((em) => new CaseService(em, ctx.principal, ctx.requestId).transition(input)),
    );
  }

  @FieldResolver(() => Patient, { nullable: true, description: "The patient (null when hidden from the caller)." })
  patient(@Root() c: Case, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Patient).load(refId(c.patient)!);
  }

  @FieldResolver(() => ID, { description: "Id of the patient." })
  patientId(@Root() c: Case): string {
    return refId(c.patient)!;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The registering organisation." })
  registeredBy(@Root() c: Case, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(Organization).load(refId(c.registeredBy)!);
  }

  @FieldResolver(() => ID, { description: "Id of the registering organisation." })
  registeredById(@Root() c: Case): string {
    return refId(c.registeredBy)!;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The hospital of an inpatient case." })
  hospital(@Root() c: Case, @Ctx() ctx: AppContext) {
    const id = refId(c.hospital);
    return id ? ctx.loaders.byId(Organization).load(id) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the hospital." })
  hospitalId(@Root() c: Case): string | null {
    return refId(c.hospital);
  }

  @FieldResolver(() => [CaseEvent], { description: "Events the caller may fire now." })
  availableTransitions(@Root() c: Case, @Ctx() ctx: AppContext): CaseEvent[] {
    return availableEvents(caseMachine, c, ctx.principal);
  }

  @FieldResolver(() => [StatusChange], { description: "Every status change, oldest first." })
  history(@Root() c: Case, @Ctx() ctx: AppContext) {
    return historyLoader(ctx.loaders, ctx.em, "Case").load(c.id);
  }
}
