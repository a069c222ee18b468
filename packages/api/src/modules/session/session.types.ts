import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Branch } from "../organization/branch.entity.js";
import { User } from "../user/user.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { UserError } from "../../platform/graphql/payload.js";
import { ApiKeyScope } from "../../platform/auth/scopes.js";
import { ActorKind } from "../../platform/auth/actor-kind.js";
import { PartnerRoleEnum } from "../user/partner-role.enum.js";

@InputType({ description: "Credentials of a staff member or a partner organisation's user." })
export class LoginInput {
  @Field({ description: "Login e-mail." })
  email!: string;
  @Field({ description: "Password." })
  password!: string;
  @Field(() => ID, {
    nullable: true,
    description: "For a member of several branches: the branch to work in (机构选择); chooseBranch changes it later.",
  })
  branchId?: string | null;
}

@InputType({ description: "The branch a member of several branches works in (机构选择)." })
export class ChooseBranchInput {
  @Field({ description: "The session's current refresh token; it is rotated like a refresh." })
  refreshToken!: string;
  @Field(() => ID, { description: "One of `viewer.branches`." })
  branchId!: string;
}

@InputType({ description: "A refresh token from login or an earlier refresh." })
export class RefreshTokenInput {
  @Field({ description: "The refresh token; it is single-use and replaced by the answer's." })
  refreshToken!: string;
}

@InputType({ description: "Ends the session of a refresh token." })
export class LogoutInput {
  @Field({ description: "The refresh token to revoke (with its whole rotation family)." })
  refreshToken!: string;
}

@ObjectType({ description: "Tokens for a staff session." })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: "Short-lived JWT to send as `Authorization: Bearer …`." })
  accessToken!: string | null;
  @Field(() => String, { nullable: true, description: "Single-use token to get a new access token." })
  refreshToken!: string | null;
  @Field(() => Int, { nullable: true, description: "Seconds until the access token expires." })
  expiresIn!: number | null;
  @Field(() => User, { nullable: true, description: "The signed-in user." })
  user!: User | null;
  @Field(() => Branch, {
    nullable: true,
    description: "The branch the session works in; null for head office (every branch) or until one is chosen.",
  })
  branch!: Branch | null;
  @Field(() => [Branch], { description: "The branches the user works in (choose among them); empty for head office." })
  branches!: Branch[];
  @Field({
    description: "True when the user works in several branches and has not chosen one: call chooseBranch first.",
  })
  branchChoiceRequired!: boolean;
  @Field(() => [UserError], { description: "Empty on success." })
  userErrors!: UserError[];
}

@ObjectType({ description: "Result of logout." })
export class LogoutPayload {
  @Field({ description: "True when the session is ended." })
  ok!: boolean;
  @Field(() => [UserError], { description: "Empty on success." })
  userErrors!: UserError[];
}

@ObjectType({
  description:
    "Who is calling: a staff user, a partner organisation (its API key or one of its users: kind PARTNER) or anonymous.",
})
export class Viewer {
  @Field(() => ActorKind, { description: "STAFF, PARTNER, SYSTEM or ANONYMOUS." })
  kind!: string;
  @Field(() => User, { nullable: true, description: "The signed-in user: staff, or a partner organisation's user." })
  user!: User | null;
  @Field(() => Organization, { nullable: true, description: "The principal's organisation (the operator for staff)." })
  organization!: Organization | null;
  @Field(() => [String], { description: "Staff roles, or the partner's organisation kind." })
  roles!: string[];
  @Field(() => [PartnerRoleEnum], {
    description: "A partner user's roles in its organisation (PARTNER_ADMIN, PARTNER_STAFF); empty otherwise.",
  })
  partnerRoles!: string[];
  @Field(() => [ApiKeyScope], { description: "API key scopes (partners); empty for staff." })
  scopes!: ApiKeyScope[];
  @Field(() => Branch, {
    nullable: true,
    description: "The branch a staff session works in; null for head office, partners, or until one is chosen.",
  })
  branch!: Branch | null;
  @Field(() => [Branch], {
    description: "The branches the staff user works in (choose among them); empty for head office.",
  })
  branches!: Branch[];
  @Field({ description: "True while a member of several branches has not chosen one (sees no branch's rows)." })
  branchChoiceRequired!: boolean;
}
