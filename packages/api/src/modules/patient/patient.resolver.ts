import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { historyLoader } from "../../platform/audit/history.loader.js";
import { raw, type FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { ConnectionArgs, ConnectionType, paginate, SortDirection } from "../../platform/graphql/connection.js";
import { asPayload, PayloadType } from "../../platform/graphql/payload.js";
import { idempotent } from "../../platform/idempotency/idempotency.js";
import { refId } from "../../platform/graphql/loaders.js";
import { fieldCipher } from "../../platform/crypto/field-encryption.js";
import { availableEvents } from "../../platform/state-machine/engine.js";
import { StatusChange } from "../../platform/audit/status-change.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient } from "./patient.entity.js";
import { Policy, PolicyMember } from "../policy/policy.entity.js";
import { likePattern } from "../../platform/crud/row-helpers.js";
import {
  PatientFilter,
  PatientOrder,
  PatientSortField,
  RegisterPatientInput,
  TransitionPatientInput,
  UpdatePatientInput,
} from "./patient.inputs.js";
import { PatientEvent, patientMachine } from "./patient.machine.js";
import { PatientService } from "./patient.service.js";
import { idsCondition } from "../../platform/graphql/ids-filter.js";
import {
  auditNationalIdLookup,
  consumeNationalIdLookup,
  declaredPolicyVerifiedOf,
  NATIONAL_ID_MASK,
  nationalIdAs,
  nationalIdLookupRows,
} from "./national-id.js";

export const PatientConnection = ConnectionType(Patient, "Patient");
export const PatientPayload = PayloadType("PatientPayload", "patient", Patient);

export function patientWhere(filter?: PatientFilter | null): FilterQuery<Patient> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.ids) where.id = idsCondition(filter.ids)?.id;
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.customerNumber) where.customerNumber = filter.customerNumber;
  if (filter.registeredById) where.registeredBy = filter.registeredById;
  if (filter.nationalId) where.nationalIdIndex = { $in: fieldCipher().blindIndexCandidates(filter.nationalId) };
  if (filter.policyId)
    where[
      raw(
        (a: string) => `${a}.id in (select pm.patient_id from policy_member pm where pm.policy_id = ?)`,
        [filter.policyId],
      )
    ] = [];
  if (filter.search) {
    const like = likePattern(filter.search);
    where.$or = [
      { firstName: { $ilike: like } },
      { lastName: { $ilike: like } },
      { customerNumber: { $ilike: like } },
      { email: { $ilike: like } },
    ];
  }
  return where;
}

@Resolver(() => Patient)
export class PatientResolver {
  @Authorized()
  @Query(() => Patient, { nullable: true, description: "One patient by id." })
  patient(
    @Arg("id", () => ID, { description: "Patient id." }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<Patient | null> {
    return ctx.loaders.byId(Patient).load(id);
  }

  @Authorized()
  @Query(() => PatientConnection, {
    description:
      "Patients visible to the caller. filter.nationalId is for ADMIN/OPERATOR staff (all patients) and partners (only patients they registered); each such lookup is audited and rate-limited.",
  })
  async patients(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => PatientFilter, { nullable: true, description: "Filters." }) filter: PatientFilter | null,
    @Arg("orderBy", () => PatientOrder, { nullable: true, description: "Sorting." })
    orderBy: InstanceType<typeof PatientOrder> | null,
    @Ctx() ctx: AppContext,
  ) {
    let lookupRows: ReturnType<typeof nationalIdLookupRows> = "ALL";
    if (filter?.nationalId) {
      lookupRows = nationalIdLookupRows(ctx.principal);
      await consumeNationalIdLookup(ctx);
      await auditNationalIdLookup(ctx);
    }
    return paginate(ctx.em, Patient, {
      where: () => {
        const where = patientWhere(filter);
        return lookupRows === "ALL" ? where : { $and: [where, lookupRows] };
      },
      sortField: orderBy?.field ?? PatientSortField.CREATED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
      args,
    });
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the organisation that registered the patient." })
  registeredById(@Root() p: Patient): string | null {
    return refId(p.registeredBy);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organisation that registered the patient." })
  registeredBy(@Root() p: Patient, @Ctx() ctx: AppContext): Promise<Organization | null> | null {
    const id = refId(p.registeredBy);
    return id ? ctx.loaders.byId(Organization).load(id) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `National id: in full for ADMIN/REVIEWER staff and for the partner that registered the patient (each read audited); for everyone else the fixed mask "${NATIONAL_ID_MASK}" (no digit of the id, so it never combines with birthDate into the id).`,
  })
  async nationalId(@Root() p: Patient, @Ctx() ctx: AppContext): Promise<string | null> {
    return nationalIdAs(p, refId(p.registeredBy), ctx.principal, ctx.readAudit);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether declaredPolicyNumber is confirmed by the policy's insurer or operator staff; null when no policy was declared.",
  })
  declaredPolicyVerified(@Root() p: Patient): boolean | null {
    return declaredPolicyVerifiedOf(p);
  }

  @FieldResolver(() => [Policy], { description: "Policies the patient is a member of (those visible to the caller)." })
  async policies(@Root() p: Patient, @Ctx() ctx: AppContext): Promise<Policy[]> {
    const members = await ctx.loaders.children(PolicyMember, "patient").load(p.id);
    const policies = await ctx.loaders.byId(Policy).loadMany(members.map((m) => refId(m.policy)!));
    return policies.filter((x): x is Policy => x instanceof Policy);
  }

  @FieldResolver(() => [PatientEvent], { description: "Events the caller may fire now." })
  availableTransitions(@Root() p: Patient, @Ctx() ctx: AppContext): PatientEvent[] {
    return availableEvents(patientMachine, p, ctx.principal);
  }

  @FieldResolver(() => [StatusChange], { description: "Status history, oldest first." })
  history(@Root() p: Patient, @Ctx() ctx: AppContext): Promise<StatusChange[]> {
    return historyLoader(ctx.loaders, ctx.em, "Patient").load(p.id);
  }

  @Authorized("OPERATOR", "CLINIC", "HOSPITAL", "AGENCY")
  @Mutation(() => PatientPayload, {
    description: "Registers a patient from the intake form; the patient starts as PROSPECT.",
  })
  registerPatient(
    @Arg("input", { description: "The intake data." }) input: RegisterPatientInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("patient", () =>
      idempotent({
        em: ctx.em,
        principal: ctx.principal,
        operation: "registerPatient",
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
        create: (em) => new PatientService(em, ctx.principal, ctx.requestId).register(input),
        load: (em, id) => em.findOne(Patient, { id }),
      }),
    );
  }

  @Authorized("OPERATOR", "CLINIC", "HOSPITAL", "AGENCY")
  @Mutation(() => PatientPayload, { description: "Updates a patient's details." })
  updatePatient(@Arg("input", { description: "The changes." }) input: UpdatePatientInput, @Ctx() ctx: AppContext) {
    return asPayload("patient", () =>
      ctx.em.transactional((em) => new PatientService(em, ctx.principal, ctx.requestId).update(input)),
    );
  }

  @Authorized()
  @Mutation(() => PatientPayload, { description: "Fires ACTIVATE, DEACTIVATE or REACTIVATE on a patient." })
  transitionPatient(
    @Arg("input", { description: "The event." }) input: TransitionPatientInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("patient", () =>
      ctx.em.transactional((em) => new PatientService(em, ctx.principal, ctx.requestId).transition(input)),
    );
  }
}
