import { Entity, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { BaseEntity, VersionedEntity } from "../../platform/db/base.entity.js";
import type { PartnerRole, StaffRole } from "../../platform/auth/principal.js";
import { Organization } from "../organization/organization.entity.js";
import { Branch } from "../organization/branch.entity.js";
import { StaffRoleEnum } from "./staff-role.enum.js";
import { PartnerRoleEnum } from "./partner-role.enum.js";
import { Language } from "../../platform/validation/language.js";

@ObjectType({
  description:
    "A person who logs in: a staff member of the operator, or a partner organisation's own user (partnerRoles, no staff roles).",
})
@Entity({ tableName: "app_user" })
export class User extends VersionedEntity<"language" | "roles" | "partnerRoles" | "active" | "failedLogins"> {
  @Field({ description: "Login e-mail (unique, lower-case)." })
  @Property({ type: "text" })
  @Unique()
  email!: string;

  @Field({ description: "Full name." })
  @Property({ type: "text" })
  name!: string;

  @Field(() => String, { nullable: true, description: "Mobile phone in E.164, for SMS." })
  @Property({ type: "text", nullable: true })
  phone?: string | null;

  @Field(() => Language, { description: "Language for messages and the console: en, es, zh, fa or bg." })
  @Property({ type: "text" })
  language: string = "es";

  @Field(() => [StaffRoleEnum], { description: "Roles: ADMIN, OPERATOR, REVIEWER, VISITOR, BILLING." })
  @Property({ type: "jsonb" })
  roles: StaffRole[] = [];

  @Field(() => [PartnerRoleEnum], {
    description: "A partner user's roles in its organisation: PARTNER_ADMIN, PARTNER_STAFF; empty for staff.",
  })
  @Property({ type: "jsonb" })
  partnerRoles: PartnerRole[] = [];

  @ManyToOne(() => Organization)
  @Index()
  organization!: Organization;

  @Property({ type: "text", hidden: true, lazy: true })
  passwordHash!: string;

  @Field({ description: "Inactive users cannot log in." })
  @Property({ type: "boolean" })
  active: boolean = true;

  @Field(() => Int, {
    description: "Consecutive failed logins; after too many, each further attempt must wait longer (2^k s).",
  })
  @Property({ type: "integer" })
  failedLogins: number = 0;

  @Property({ type: "timestamptz", nullable: true })
  lockedUntil?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the user last logged in; null when never." })
  @Property({ type: "timestamptz", nullable: true })
  lastLoginAt?: Date | null;
}

/** 与定点医院关联: the hospitals a visitor covers. */
@Entity({ tableName: "visitor_hospital" })
@Unique({ properties: ["visitor", "hospital"] })
@Index({ properties: ["hospital"] })
export class VisitorHospital extends BaseEntity {
  @ManyToOne(() => User)
  visitor!: User;

  @ManyToOne(() => Organization)
  hospital!: Organization;
}

/** The branches a staff member works in (none: head office, every branch). */
@Entity({ tableName: "user_branch" })
@Unique({ properties: ["user", "branch"] })
@Index({ properties: ["branch"] })
export class UserBranch extends BaseEntity {
  @ManyToOne(() => User)
  user!: User;

  @ManyToOne(() => Branch)
  branch!: Branch;
}

/** Rotating refresh tokens: each use replaces the token; reuse of a replaced one revokes the family. */
@Entity({ tableName: "refresh_token" })
export class RefreshToken extends BaseEntity {
  @ManyToOne(() => User)
  user!: User;

  @Property({ type: "text" })
  @Unique()
  tokenHash!: string;

  @Property({ type: "uuid" })
  @Index()
  family!: string;

  @Property({ type: "timestamptz" })
  expiresAt!: Date;

  @Property({ type: "timestamptz", nullable: true })
  usedAt?: Date | null;

  @Property({ type: "timestamptz", nullable: true })
  revokedAt?: Date | null;

  /** The branch the session chose (机构选择), carried from token to token. */
  @Property({ type: "uuid", nullable: true })
  branchId?: string | null;
}
