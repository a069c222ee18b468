import { Entity, Index, ManyToOne, Property, Unique } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { VersionedEntity } from "../../platform/db/base.entity.js";
import { Organization } from "./organization.entity.js";

/**
 * A branch of the operator (分公司, a provincial office / اداره کل استان). Staff who belong to
 * branches work only their branch's rows; staff without a branch are head office and see
 * every branch. Partners sit under one branch's coverage (Organization.branch), so the
 * cases they open land in it.
 */
@ObjectType({ description: "A branch of the operator (分公司, provincial office): its staff work its cases." })
@Entity({ tableName: "branch" })
@Index({ properties: ["operator"] })
export class Branch extends VersionedEntity<"active"> {
  @ManyToOne(() => Organization)
  operator!: Organization;

  @Field({ description: "Short code, unique (e.g. TEH, BJ)." })
  @Property({ type: "text" })
  @Unique()
  code!: string;

  @Field({ description: "Display name." })
  @Property({ type: "text" })
  name!: string;

  @Field(() => String, { nullable: true, description: "Region or province the branch covers." })
  @Property({ type: "text", nullable: true })
  region?: string | null;

  @Field({ description: "Inactive branches receive no new cases." })
  @Property({ type: "boolean" })
  active: boolean = true;
}
