import type { EntityManager } from "@mikro-orm/postgresql";
import { actorOf, type Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { fireTransition, selectRule } from "../../platform/state-machine/engine.js";
import type { TransitionInput } from "../../platform/state-machine/machine.js";
import { Case } from "../case/case.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { User } from "../user/user.entity.js";
import { applyVisitEntry } from "./visit-entry.js";
import { VisitEntry } from "./visit-entry.entity.js";
import { Visit } from "./visit.entity.js";
import { VisitConclusion, VisitEvent, VisitKind, VisitStatus } from "./visit.enums.js";
import { hooksOf } from "../../platform/composition/hooks.js";
import { visitApproved } from "./visit.events.js";
import type {
  AssignVisitInput,
  ConcludeVisitInput,
  ReassignVisitInput,
  SaveVisitFindingsInput,
  TransitionVisitInput,
} from "./visit.inputs.js";
import { visitMachine, type VisitTransitionData } from "./visit.machine.js";
import { queueAppointmentInstructions, queueAssignmentSms, queueReturnedNotice } from "./visit.notifications.js";
import { StaffUserErrorCode } from "../user/user.errors.js";
import { VisitErrorCode } from "./visit.errors.js";

export const MAX_BULK_ASSIGN = 100;

/** Events that carry data of their own and therefore have their own mutation. */
const DOMAIN_MUTATION_EVENTS: Partial<Record<VisitEvent, string>> = {
  [VisitEvent.ASSIGN]: "assignVisit",
  [VisitEvent.REASSIGN]: "reassignVisit",
  [VisitEvent.SAVE_PRELIMINARY]: "saveVisitFindings",
  [VisitEvent.CONCLUDE]: "concludeVisit",
};

/** The visit workflow after creation: assignment, entry, review, appointment events. Callers run it in a transaction. */
export class VisitService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  /** Assigns one visit; the bulk mutation calls it per visit and collects the failures. */
  async assign(visitId: string, visitor: User, input: AssignVisitInput, expectedVersion?: number): Promise<Visit> {
    const visit = await this.load(visitId);
    const version = visit.version;
    await this.fire(
      visit,
      VisitEvent.ASSIGN,
      { data: this.data({ visitorId: visitor.id, scheduledAt: input.scheduledAt ?? undefined }) },
      expectedVersion,
    );
    if (input.notifySms) await this.sms(visit, visitor, version);
    return visit;
  }

  async reassign(input: ReassignVisitInput): Promise<Visit> {
    const visit = await this.load(input.id);
    const visitor = await this.visitor(input.visitorId);
    const version = visit.version;
    await this.fire(
      visit,
      VisitEvent.REASSIGN,
      { reason: input.reason, data: this.data({ visitorId: visitor.id }) },
      input.expectedVersion,
    );
    if (input.notifySms) await this.sms(visit, visitor, version);
    await this.em.flush();
    return visit;
  }

  /** 初步探访: saves what was found; the visit stays editable. */
  async saveFindings(input: SaveVisitFindingsInput): Promise<Visit> {
    const visit = await this.load(input.id);
    await this.fire(visit, VisitEvent.SAVE_PRELIMINARY, {}, input.expectedVersion);
    await this.entry(visit, input);
    await this.em.flush();
    return visit;
  }

  /**
   * 探访完毕 / 无赔付责任. A visit still SCHEDULED or RETURNED first passes through
   * SAVE_PRELIMINARY, so the entry and the conclusion can be one step for the visitor
   * while the history still shows both transitions of the table.
   */
  async conclude(input: ConcludeVisitInput): Promise<Visit> {
    const visit = await this.load(input.id);
    checkVersion(visit.version, input.expectedVersion);
    if (visit.status !== VisitStatus.IN_PROGRESS) await this.fire(visit, VisitEvent.SAVE_PRELIMINARY, {});
    // Who may conclude is checked before anything is written, not only at the end.
    else selectRule(visitMachine, visit, VisitEvent.CONCLUDE, this.principal, {});
    await this.entry(visit, input, input.conclusion);
    // The CONCLUDE guards count links in the database: the new ones must be there first.
    await this.em.flush();
    await this.fire(visit, VisitEvent.CONCLUDE, { data: this.data({ conclusion: input.conclusion }) });
    await this.em.flush();
    return visit;
  }

  async transition(input: TransitionVisitInput): Promise<Visit> {
    const mutation = DOMAIN_MUTATION_EVENTS[input.event];
    if (mutation)
      throw new DomainError(VisitErrorCode.USE_DOMAIN_MUTATION, `${input.event} carries data: use ${mutation}.`, [
        "event",
      ]);
    const visit = await this.load(input.id);
    await this.fire(
      visit,
      input.event,
      {
        reason: input.reason,
        reasonCode: input.reasonCode,
        data: this.data({ scheduledAt: input.scheduledAt ?? undefined }),
      },
      input.expectedVersion,
    );
    await this.em.flush();
    if (input.event === VisitEvent.RESCHEDULE) await this.instructions(visit);
    if (input.event === VisitEvent.RETURN) await this.returnedNotice(visit);
    if (input.event === VisitEvent.APPROVE && visit.conclusion === VisitConclusion.COMPLETED) {
      // The claim module opens one DRAFT claim per liability link, in this transaction.
      for (const handler of hooksOf(this.em).list(visitApproved)) await handler(this.em, visit.id, this.principal);
      await this.em.flush();
    }
    return visit;
  }

  private async returnedNotice(visit: Visit): Promise<void> {
    const visitorId = refId(visit.assignee);
    if (!visitorId) return;
    const visitor = await this.em.findOne(User, { id: visitorId }, { filters: false });
    if (visitor) await queueReturnedNotice(this.em, visit, visitor);
  }

  /** A staff user who may take visits: active, with the VISITOR role. */
  async visitor(id: string): Promise<User> {
    const user = await this.em.findOne(User, { id });
    if (!user) throw new NotFoundError("User", ["visitorId"]);
    if (!user.active || !user.roles.includes("VISITOR"))
      throw new DomainError(
        StaffUserErrorCode.NOT_A_VISITOR,
        "Visits can be assigned only to active users with the VISITOR role.",
        ["visitorId"],
      );
    return user;
  }

  async load(id: string): Promise<Visit> {
    const visit = await this.em.findOne(Visit, { id });
    if (!visit) throw new NotFoundError("Visit");
    return visit;
  }

  private async fire(visit: Visit, event: VisitEvent, input: TransitionInput, expectedVersion?: number): Promise<void> {
    await fireTransition(this.em, visitMachine, visit, {
      event,
      principal: this.principal,
      expectedVersion,
      input,
      requestId: this.requestId,
    });
  }

  private data(d: VisitTransitionData): Record<string, unknown> {
    return d as Record<string, unknown>;
  }

  /** Applies the entry and keeps it: one VisitEntry row per save that changed something. */
  private async entry(visit: Visit, input: SaveVisitFindingsInput, conclusion?: VisitConclusion): Promise<void> {
    const changes = await applyVisitEntry(this.em, visit, input);
    if (changes.length === 0) return;
    const actor = actorOf(this.principal);
    this.em.persist(
      this.em.create(VisitEntry, {
        visit,
        actorKind: actor.actorKind,
        actorId: actor.actorId,
        actorOrganizationId: actor.organizationId,
        conclusion: conclusion ?? null,
        changes,
      }),
    );
    recordAudit(this.em, this.principal, this.requestId, {
      action: "visit.entry",
      entityType: "Visit",
      entityId: visit.id,
      changes: { fields: changes.map((c) => c.field) },
    });
  }

  private async sms(visit: Visit, visitor: User, version: number): Promise<void> {
    const [patient, hospital, kase] = await Promise.all([
      this.em.findOneOrFail(Patient, { id: refId(visit.patient)! }),
      this.em.findOneOrFail(Organization, { id: refId(visit.site)! }),
      visit.case ? this.em.findOne(Case, { id: refId(visit.case)! }) : null,
    ]);
    await queueAssignmentSms(this.em, { visit, visitor, patient, hospital, caseNumber: kase?.number ?? null, version });
  }

  async instructions(visit: Visit): Promise<void> {
    if (visit.kind !== VisitKind.APPOINTMENT) return;
    const [patient, provider] = await Promise.all([
      this.em.findOne(Patient, { id: refId(visit.patient)! }),
      this.em.findOne(Organization, { id: refId(visit.site)! }),
    ]);
    if (patient && provider) await queueAppointmentInstructions(this.em, { visit, patient, provider });
  }
}
