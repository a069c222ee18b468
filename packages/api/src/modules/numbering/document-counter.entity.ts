import { Entity, PrimaryKey, Property } from "@mikro-orm/core";

@Entity({ tableName: "document_counter" })
export class DocumentCounter {
  @PrimaryKey({ type: "text" })
  prefix!: string;

  @PrimaryKey({ type: "integer" })
  year!: number;

  @Property({ type: "integer" })
  value!: number;
}
