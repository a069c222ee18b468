import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "A new branch of the operator." })
export class CreateBranchInput {
  @Field({ description: "Short code, unique (e.g. TEH)." })
  code!: string;
  @Field({ description: "Display name." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Region or province covered." })
  region?: string | null;
  @Field(() => String, { nullable: true, description: "Makes a retried create return the first result." })
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a branch; omitted fields stay as they are." })
export class UpdateBranchInput {
  @Field(() => ID, { description: "Branch id." })
  id!: string;
  @Field(() => Int, { description: "The version read." })
  expectedVersion!: number;
  @Field(() => String, { nullable: true, description: "Display name." })
  name?: string | null;
  @Field(() => String, { nullable: true, description: "Region or province covered." })
  region?: string | null;
  @Field(() => Boolean, { nullable: true, description: "False closes the branch to new cases and members." })
  active?: boolean | null;
}

@InputType({ description: "The branches a staff member works in (replaces the list)." })
export class SetUserBranchesInput {
  @Field(() => ID, { description: "User id." })
  userId!: string;
  @Field(() => [ID], { description: "Branch ids; empty makes the user head office (every branch)." })
  branchIds!: string[];
}

@InputType({ description: "Puts a partner organisation under a branch's coverage." })
export class SetOrganizationBranchInput {
  @Field(() => ID, { description: "Organisation id." })
  organizationId!: string;
  @Field(() => ID, { nullable: true, description: "Branch id; null puts it under head office." })
  branchId?: string | null;
  @Field(() => Int, { description: "The organisation's version read." })
  expectedVersion!: number;
}

@InputType({ description: "Moves a case, with its orders, visits, claims and documents, to another branch." })
export class MoveCaseToBranchInput {
  @Field(() => ID, { description: "Case id." })
  caseId!: string;
  @Field(() => ID, { nullable: true, description: "Branch id; null gives it to head office." })
  branchId?: string | null;
  @Field(() => Int, { description: "The case's version read." })
  expectedVersion!: number;
}
