import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderByInput } from "../../platform/graphql/connection.js";
import { StaffRoleEnum } from "./staff-role.enum.js";
import { IdsFilterField } from "../../platform/graphql/ids-filter.js";
import { Language } from "../../platform/validation/language.js";

@InputType({ description: "Filters for the staff list." })
export class UserFilter {
  @IdsFilterField("users")
  ids?: string[] | null;
  @Field(() => StaffRoleEnum, { nullable: true, description: "Users with this role." })
  role?: StaffRoleEnum | null;
  @Field(() => Boolean, { nullable: true, description: "Only active (true) or inactive (false)." })
  active?: boolean | null;
  @Field(() => ID, { nullable: true, description: "Visitors covering this hospital." })
  hospitalId?: string | null;
  @Field(() => String, { nullable: true, description: "Name or e-mail contains this text." })
  search?: string | null;
}

export enum UserSortField {
  NAME = "name",
  EMAIL = "email",
  CREATED_AT = "createdAt",
}
registerEnumType(UserSortField, {
  name: "UserSortField",
  description: "Sortable user fields.",
  valuesConfig: {
    NAME: { description: "By name." },
    EMAIL: { description: "By e-mail." },
    CREATED_AT: { description: "By creation time." },
  },
});
export const UserOrder = OrderByInput("UserOrder", UserSortField, UserSortField.NAME);

@InputType({ description: "A new staff member." })
export class CreateUserInput {
  @Field({ description: "Login e-mail (stored lower-case)." })
  email!: string;
  @Field({ description: "Full name." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Mobile phone in E.164, for SMS." })
  phone?: string | null;
  @Field(() => Language, { nullable: true, description: "Language: en, es, zh, fa or bg (default es)." })
  language?: string | null;
  @Field(() => [StaffRoleEnum], { description: "At least one role." })
  roles!: StaffRoleEnum[];
  @Field({ description: "Initial password, at least 12 characters (stored as an argon2id hash)." })
  password!: string;
  @Field(() => [ID], { nullable: true, description: "Hospitals a VISITOR covers." })
  hospitalIds?: string[] | null;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a staff member; omitted fields stay as they are." })
export class UpdateUserInput {
  @Field(() => ID, { description: "User id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "Full name." })
  name?: string | null;
  @Field(() => String, { nullable: true, description: "Mobile phone in E.164." })
  phone?: string | null;
  @Field(() => Language, { nullable: true, description: "Language." })
  language?: string | null;
  @Field(() => [StaffRoleEnum], { nullable: true, description: "Roles (replaces the list)." })
  roles?: StaffRoleEnum[] | null;
  @Field(() => String, {
    nullable: true,
    description: "New password, at least 12 characters; ends the user's sessions.",
  })
  password?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Active; false ends the user's sessions." })
  active?: boolean | null;
}

@InputType({ description: "Deactivates a staff member: no more logins, sessions ended." })
export class DeactivateUserInput {
  @Field(() => ID, { description: "User id." })
  id!: string;
  @Field(() => Int, { description: "The version you read." })
  expectedVersion!: number;
}

@InputType({ description: "A visitor and a hospital (与定点医院关联)." })
export class VisitorHospitalInput {
  @Field(() => ID, { description: "The visitor (a user with the VISITOR role)." })
  userId!: string;
  @Field(() => ID, { description: "The hospital organisation." })
  hospitalId!: string;
}
