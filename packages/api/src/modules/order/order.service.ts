import type { EntityManager } from "@mikro-orm/postgresql";
import { Decimal } from "decimal.js";
import { z } from "zod";
import type { Config } from "../../config.js";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Dec, formatMoney } from "../claim/engine/money.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { fireTransition, recordStatusChange } from "../../platform/state-machine/engine.js";
import { nextNumber } from "../numbering/document-counter.js";
import { Case, CaseStatus } from "../case/case.entity.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { ServiceCode } from "../service-code/service-code.entity.js";
import { Order, OrderKind, OrderStatus } from "./order.entity.js";
import { OrderEvent, orderMachine } from "./order.machine.js";
import type { IssueOrderInput, TransitionOrderInput } from "./order.inputs.js";
import { CaseErrorCode } from "../case/case.errors.js";
import { OrderErrorCode } from "./order.errors.js";
import { ServiceCodeErrorCode } from "../service-code/service-code.errors.js";

const PROVIDER_KINDS = [OrganizationKind.LAB, OrganizationKind.CLINIC, OrganizationKind.INTERCONSULTANT];
const HOUR = 3600_000;

const issueSchema = z.object({
  caseId: rules.uuid,
  providerId: rules.uuid,
  kind: z.enum(OrderKind),
  specialty: z.string().trim().toLowerCase().min(1, "must not be empty").max(100),
  serviceCodes: z.array(z.string().trim().min(1).max(40)).min(1, "needs at least one service code").max(50),
  confirmBy: z.date().nullish(),
  dueAt: z.date().nullish(),
  notes: rules.text(4000).nullish(),
});

/** Default deadlines per kind, from configuration (ORDER_CONFIRM_HOURS_* / ORDER_DUE_DAYS_*). */
export function defaultDeadlines(config: Config, kind: OrderKind, now: Date): { confirmBy: Date; dueAt: Date } {
  const hours = config[`ORDER_CONFIRM_HOURS_${kind}`];
  const days = config[`ORDER_DUE_DAYS_${kind}`];
  return { confirmBy: new Date(now.getTime() + hours * HOUR), dueAt: new Date(now.getTime() + days * 24 * HOUR) };
}

export class OrderService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
    private readonly config: Config,
  ) {}

  async issue(input: IssueOrderInput, now = new Date()): Promise<Order> {
    const data = validate(issueSchema, { ...input, idempotencyKey: undefined });
    const kase = await this.em.findOne(Case, { id: data.caseId });
    if (!kase) throw new NotFoundError("Case", ["caseId"]);
    if (kase.status !== CaseStatus.OPEN)
      throw new DomainError(CaseErrorCode.CASE_NOT_OPEN, "Orders can only be issued on open cases.", ["caseId"]);
    const provider = await this.em.findOne(Organization, { id: data.providerId });
    if (!provider) throw new NotFoundError("Organization", ["providerId"]);
    if (!PROVIDER_KINDS.includes(provider.kind) || !provider.active)
      throw new DomainError(
        OrderErrorCode.INVALID_PROVIDER,
        "The provider must be an active lab, clinic or interconsultant.",
        ["providerId"],
      );
    const { amount, currency } = await this.price(data.serviceCodes);
    const defaults = defaultDeadlines(this.config, data.kind, now);
    const confirmBy = data.confirmBy ?? defaults.confirmBy;
    const dueAt = data.dueAt ?? defaults.dueAt;
    if (confirmBy.getTime() <= now.getTime())
      throw new DomainError(OrderErrorCode.INVALID_DEADLINES, "confirmBy must be in the future.", ["confirmBy"]);
    if (dueAt.getTime() < confirmBy.getTime())
      throw new DomainError(OrderErrorCode.INVALID_DEADLINES, "dueAt must not be before confirmBy.", ["dueAt"]);
    const order = this.em.create(Order, {
      number: await nextNumber(this.em, "ORD", now.getUTCFullYear()),
      case: kase,
      provider,
      kind: data.kind,
      specialty: data.specialty,
      requestedCodes: [...new Set(data.serviceCodes)],
      confirmBy,
      dueAt,
      amount,
      currency,
      notes: data.notes ?? null,
      createdAt: now,
      updatedAt: now,
    });
    recordStatusChange(this.em, "Order", order.id, null, OrderStatus.ISSUED, "ISSUE", this.principal, {}, now);
    recordAudit(this.em, this.principal, this.requestId, {
      action: "order.issue",
      entityType: "Order",
      entityId: order.id,
      changes: { fields: Object.keys(data).filter((k) => data[k as keyof typeof data] != null) },
    });
    await this.em.flush();
    return order;
  }

  /** `flush`: how the unit of work is written (the resolver sends it as one statement). */
  async transition(
    input: TransitionOrderInput,
    now = new Date(),
    flush: (em: EntityManager) => Promise<void> = (em) => em.flush(),
  ): Promise<Order> {
    const order = await this.em.findOne(Order, { id: input.id });
    if (!order) throw new NotFoundError("Order");
    await fireTransition(this.em, orderMachine, order, {
      event: input.event,
      principal: this.principal,
      expectedVersion: input.expectedVersion,
      input: {
        reason: input.reason?.trim() || null,
        reasonCode: input.reasonCode?.trim() || null,
        reference: input.reference?.trim() || null,
      },
      requestId: this.requestId,
      now,
    });
    await flush(this.em);
    return order;
  }

  /** Amount = Σ fees of the requested codes, all in one currency. */
  private async price(codes: string[]): Promise<{ amount: string | null; currency: string | null }> {
    const unique = [...new Set(codes)];
    const rows = await this.em.find(ServiceCode, { code: { $in: unique } });
    let total = new Decimal(0);
    const currencies = new Set<string>();
    unique.forEach((code) => {
      const matches = rows.filter((r) => r.code === code);
      const field = ["serviceCodes", String(codes.indexOf(code))];
      if (matches.length === 0)
        throw new DomainError(
          ServiceCodeErrorCode.UNKNOWN_SERVICE_CODE,
          `Service code ${code} is not in the fee schedule.`,
          field,
        );
      if (matches.length > 1)
        throw new DomainError(
          ServiceCodeErrorCode.AMBIGUOUS_SERVICE_CODE,
          `Service code ${code} exists in several code systems.`,
          field,
        );
      const sc = matches[0]!;
      if (!sc.active)
        throw new DomainError(ServiceCodeErrorCode.SERVICE_CODE_INACTIVE, `Service code ${code} is inactive.`, field);
      total = total.plus(sc.fee);
      currencies.add(sc.currency);
    });
    if (currencies.size > 1)
      throw new DomainError(
        OrderErrorCode.MIXED_CURRENCIES,
        "The requested service codes have fees in different currencies.",
        ["serviceCodes"],
      );
    const currency = [...currencies][0];
    // At the currency's minor unit (CLP and IRR have none), as claims render money; without a
    // code there is no currency, so no amount either (an amount without a currency means nothing).
    return currency ? { amount: formatMoney(new Dec(total), currency), currency } : { amount: null, currency: null };
  }
}

export { OrderEvent };
