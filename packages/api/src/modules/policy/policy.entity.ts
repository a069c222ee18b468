import { Entity, Enum, Index, ManyToOne, Property, Unique, wrap } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { BaseEntity, VersionedEntity } from "../../platform/db/base.entity.js";
import { DecimalStringType } from "../../platform/db/decimal-string.type.js";
import { Organization } from "../organization/organization.entity.js";
import { Patient } from "../patient/patient.entity.js";
import { MoneyField, RateScalar, CurrencyScalar } from "../claim/engine/money.graphql.js";
import type { AppContext } from "../../platform/graphql/context.js";

export enum PolicyType {
  INDIVIDUAL = "INDIVIDUAL",
  GROUP = "GROUP",
}
registerEnumType(PolicyType, {
  name: "PolicyType",
  description: "个险 / 团险.",
  valuesConfig: {
    INDIVIDUAL: { description: "Individual policy (个险)." },
    GROUP: { description: "Group policy (团险)." },
  },
});

export enum PolicyStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  EXPIRED = "EXPIRED",
  CANCELLED = "CANCELLED",
}
registerEnumType(PolicyStatus, {
  name: "PolicyStatus",
  description: "Whether the policy currently gives coverage.",
  valuesConfig: {
    ACTIVE: { description: "In force." },
    SUSPENDED: { description: "Temporarily without coverage (e.g. unpaid premium)." },
    EXPIRED: { description: "Past its validity." },
    CANCELLED: { description: "Cancelled." },
  },
});

@ObjectType({ description: "An insurance policy with its liabilities and members." })
@Entity({ tableName: "policy" })
export class Policy extends VersionedEntity<"status" | "deductible" | "coverageRate"> {
  @Field({ description: "Policy number as printed by the insurer." })
  @Property({ type: "text" })
  @Unique()
  number!: string;

  @Field(() => PolicyType, { description: "INDIVIDUAL or GROUP." })
  @Enum({ items: () => PolicyType, nativeEnumName: "policy_type" })
  type!: PolicyType;

  @ManyToOne(() => Organization)
  insurer!: Organization;

  @Field({ description: "Policyholder (person or employer)." })
  @Property({ type: "text" })
  holderName!: string;

  @Field(() => LocalDateResolver, { description: "First day of coverage." })
  @Property({ type: "date" })
  validFrom!: string;

  @Field(() => LocalDateResolver, { description: "Last day of coverage." })
  @Property({ type: "date" })
  validTo!: string;

  @Field(() => PolicyStatus, { description: "Policy status." })
  @Enum({ items: () => PolicyStatus, nativeEnumName: "policy_status" })
  status: PolicyStatus = PolicyStatus.ACTIVE;

  @MoneyField({ description: "Deductible per policy year, in the policy's currency." })
  @Property({ type: DecimalStringType, precision: 17, scale: 2 })
  deductible: string = "0";

  @Field(() => RateScalar, { description: "Insurance coefficient: the share the insurer pays, 0..1 (e.g. 0.8000)." })
  @Property({ type: DecimalStringType, precision: 5, scale: 4 })
  coverageRate: string = "1";

  @Field(() => CurrencyScalar, { description: "ISO 4217 currency of amounts on this policy." })
  @Property({ type: "text" })
  currency!: string;
}

/** A liability's amounts are in its policy's currency (one batched load per request). */
async function liabilityCurrency(l: Liability, ctx: AppContext): Promise<string | null> {
  const policy = wrap(l.policy).isInitialized() ? l.policy : await ctx.loaders.byId(Policy).load(l.policy.id);
  return policy?.currency ?? null;
}

@ObjectType({ description: "理赔责任: a liability of a policy, the unit a claim is paid under." })
@Entity({ tableName: "liability" })
@Unique({ properties: ["policy", "code"] })
export class Liability extends VersionedEntity {
  @ManyToOne(() => Policy)
  policy!: Policy;

  @Field({ description: "Liability code, e.g. HOSP, OUTP, DENT." })
  @Property({ type: "text" })
  code!: string;

  @Field({ description: "Liability name." })
  @Property({ type: "text" })
  name!: string;

  @Field(() => RateScalar, { description: "Coverage rate of this liability, 0..1." })
  @Property({ type: DecimalStringType, precision: 5, scale: 4 })
  coverageRate!: string;

  @MoneyField(
    { nullable: true, description: "Annual limit (policy year) in the policy's currency; null = unlimited." },
    liabilityCurrency,
  )
  @Property({ type: DecimalStringType, precision: 17, scale: 2, nullable: true })
  annualLimit?: string | null;

  @MoneyField(
    { nullable: true, description: "Per-claim limit in the policy's currency; null = unlimited." },
    liabilityCurrency,
  )
  @Property({ type: DecimalStringType, precision: 17, scale: 2, nullable: true })
  perClaimLimit?: string | null;
}

/** A patient covered by a policy (the holder of an individual policy, or a member of a group policy). */
@Entity({ tableName: "policy_member" })
@Unique({ properties: ["policy", "patient"] })
@Index({ properties: ["patient"] })
export class PolicyMember extends BaseEntity {
  @ManyToOne(() => Policy)
  policy!: Policy;

  @ManyToOne(() => Patient)
  patient!: Patient;
}

/** A provider in the policy's network (others are out of network). */
@Entity({ tableName: "policy_network_provider" })
@Unique({ properties: ["policy", "provider"] })
export class PolicyNetworkProvider extends BaseEntity {
  @ManyToOne(() => Policy)
  policy!: Policy;

  @ManyToOne(() => Organization)
  provider!: Organization;
}
