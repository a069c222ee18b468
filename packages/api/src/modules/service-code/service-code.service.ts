import type { EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { Principal } from "../../platform/auth/principal.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { checkVersion } from "../../platform/db/versioning.js";
import { DomainError, NotFoundError } from "../../platform/errors/domain-error.js";
import { rules, validate } from "../../platform/validation/validate.js";
import { ServiceCode } from "./service-code.entity.js";
import { assignDefined } from "../../platform/crud/row-helpers.js";
import type { CreateServiceCodeInput, UpdateServiceCodeInput } from "./service-code.inputs.js";
import { PlatformErrorCode } from "../../platform/errors/platform.errors.js";
import { assertMinorUnit } from "../claim/engine/money.js";

const fee = rules.decimal(2).refine((v) => !v.startsWith("-"), "must not be negative");

const createSchema = z.object({
  system: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_-]{1,19}$/, "must be an upper-case code system such as CDT"),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.\-_]{1,20}$/, "must be 1–20 letters, digits, dots or dashes"),
  description: rules.text(500).min(1, "must not be empty"),
  fee,
  currency: rules.currency,
  maxDiscountRate: rules.rate.nullish(),
  requiresPreauthorization: z.boolean().nullish(),
  specialty: rules.text(100).nullish(),
});

const updateSchema = createSchema
  .omit({ system: true, code: true })
  .partial()
  .extend({ active: z.boolean().nullish() });

export class ServiceCodeService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async create(input: CreateServiceCodeInput): Promise<ServiceCode> {
    const data = validate(createSchema, { ...input, idempotencyKey: undefined });
    assertMinorUnit(data.fee, data.currency, ["fee"]);
    if (await this.em.findOne(ServiceCode, { system: data.system, code: data.code }))
      throw new DomainError(PlatformErrorCode.ALREADY_EXISTS, `${data.system} ${data.code} already exists.`, ["code"]);
    const sc = this.em.create(ServiceCode, {
      ...data,
      requiresPreauthorization: data.requiresPreauthorization ?? false,
      specialty: data.specialty ?? null,
      maxDiscountRate: data.maxDiscountRate ?? null,
    });
    this.audit("serviceCode.create", sc, Object.keys(data));
    await this.em.flush();
    return sc;
  }

  async update(input: UpdateServiceCodeInput): Promise<ServiceCode> {
    const { id, expectedVersion, ...rest } = input;
    const data = validate(updateSchema, rest);
    const sc = await this.em.findOne(ServiceCode, { id });
    if (!sc) throw new NotFoundError("ServiceCode");
    checkVersion(sc.version, expectedVersion);
    assertMinorUnit(data.fee ?? sc.fee, data.currency ?? sc.currency, ["fee"]);
    this.audit("serviceCode.update", sc, assignDefined(sc, data));
    await this.em.flush();
    return sc;
  }

  private audit(action: string, sc: ServiceCode, fields: string[]): void {
    recordAudit(this.em, this.principal, this.requestId, {
      action,
      entityType: "ServiceCode",
      entityId: sc.id,
      changes: { fields },
    });
  }
}
