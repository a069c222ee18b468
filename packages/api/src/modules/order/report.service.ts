import { LockMode, type EntityManager } from "@mikro-orm/postgresql";
import { isPartner, isStaff, type Principal } from "../../platform/auth/principal.js";
import { actorOf } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { refId } from "../../platform/graphql/loaders.js";
import { FormTemplate } from "./form-template.entity.js";
import { validateForm } from "./form-validation.js";
import { Order, OrderStatus } from "./order.entity.js";
import type { AttachOrderReportInput } from "./order.inputs.js";
import { Report, ReportKind } from "./report.entity.js";
import { StoredFile } from "./stored-file.entity.js";
import { OrderErrorCode } from "./order.errors.js";

export class ReportService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  /**
   * Adds a report version; earlier versions stay (reports are append-only). Runs in the
   * caller's transaction (a document report locks its file until the commit).
   */
  async attach(input: AttachOrderReportInput): Promise<Report> {
    const hasFile = !!input.fileId;
    const hasForm = input.form != null;
    if (hasFile === hasForm)
      throw new DomainError(
        OrderErrorCode.REPORT_CONTENT_REQUIRED,
        "Send exactly one of fileId (a document) or form.",
        hasFile ? ["form"] : ["fileId"],
      );
    const order = await this.em.findOne(Order, { id: input.orderId });
    if (!order) throw new NotFoundError("Order", ["orderId"]);
    this.checkActor(order);
    this.checkState(order, input.kind);
    if (input.serviceCode != null && !order.requestedCodes.includes(input.serviceCode))
      throw new DomainError(
        OrderErrorCode.SERVICE_NOT_REQUESTED,
        `The order does not request ${input.serviceCode}; use one of ${order.requestedCodes.join(", ") || "none"}.`,
        ["serviceCode"],
      );
    const report = this.em.create(Report, {
      order,
      kind: input.kind,
      serviceCode: input.serviceCode ?? null,
      // PARTNER for a key, PARTNER_USER for a partner's own user: the report names who sent it.
      submittedByKind: actorOf(this.principal).actorKind,
      submittedByOrganizationId: actorOf(this.principal).organizationId,
    });
    if (hasFile) {
      if (!/^[0-9a-f-]{36}$/i.test(input.fileId!)) throw new NotFoundError("StoredFile", ["fileId"]);
      // FOR SHARE until the report is committed: the orphan-file sweep (packages/jobs) skips
      // a locked file, and a file it is deleting right now comes back as not found.
      const file = await this.em.findOne(StoredFile, { id: input.fileId! }, { lockMode: LockMode.PESSIMISTIC_READ });
      if (!file) throw new NotFoundError("StoredFile", ["fileId"]);
      report.file = file;
    } else {
      const template = await this.em.findOne(
        FormTemplate,
        { specialty: order.specialty, active: true },
        { orderBy: { templateVersion: "DESC" } },
      );
      if (!template)
        throw new DomainError(
          OrderErrorCode.FORM_TEMPLATE_MISSING,
          `There is no form template for ${order.specialty}; upload a document instead.`,
          ["form"],
        );
      validateForm(template, input.form);
      report.form = input.form!;
      report.templateSpecialty = template.specialty;
      report.templateVersion = template.templateVersion;
    }
    this.em.persist(report);
    recordAudit(this.em, this.principal, this.requestId, {
      action: "order.report.attach",
      entityType: "Order",
      entityId: order.id,
      changes: {
        reportId: report.id,
        kind: input.kind,
        content: hasFile ? "file" : "form",
        ...(input.serviceCode ? { serviceCode: input.serviceCode } : {}),
      },
    });
    await this.em.flush();
    return report;
  }

  private checkActor(order: Order): void {
    const p = this.principal;
    if (isPartner(p) && p.organizationId === refId(order.provider)) return;
    if (isStaff(p, "OPERATOR")) return;
    throw new DomainError(
      OrderErrorCode.REPORT_NOT_PERMITTED,
      "Only the order's provider or operator staff attach reports.",
      ["orderId"],
    );
  }

  private checkState(order: Order, kind: ReportKind): void {
    if (order.status === OrderStatus.IN_EVALUATION) return;
    if (order.status === OrderStatus.REJECTED && kind === ReportKind.FINAL) return;
    throw new DomainError(
      OrderErrorCode.REPORT_NOT_ALLOWED_IN_STATE,
      order.status === OrderStatus.REJECTED
        ? "A rejected order takes only FINAL (corrected) reports."
        : `Reports are attached while the order is IN_EVALUATION (or a FINAL correction when REJECTED); it is ${order.status}.`,
      ["kind"],
    );
  }
}
