import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../platform/graphql/context.js";
import { refId } from "../../platform/graphql/loaders.js";
import { Case } from "../case/case.entity.js";
import { Order } from "./order.entity.js";
import { Report } from "./report.entity.js";
import { StoredFile } from "./stored-file.entity.js";

@Resolver(() => Report)
export class ReportResolver {
  @FieldResolver(() => ID, { description: "Id of the order." })
  orderId(@Root() r: Report): string {
    return refId(r.order)!;
  }

  @FieldResolver(() => StoredFile, { nullable: true, description: "The uploaded document, for a document report." })
  file(@Root() r: Report, @Ctx() ctx: AppContext) {
    const id = refId(r.file);
    return id ? ctx.loaders.byId(StoredFile).load(id) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the uploaded document." })
  fileId(@Root() r: Report): string | null {
    return refId(r.file);
  }
}

@Resolver(() => StoredFile)
export class StoredFileResolver {
  @FieldResolver(() => String, { description: "Path to download the file with the same credentials (GET)." })
  downloadPath(@Root() f: StoredFile): string {
    return `/files/${f.id}`;
  }
}

@Resolver(() => Case)
export class CaseOrdersResolver {
  @FieldResolver(() => [Order], { description: "The case's orders visible to the caller, oldest first." })
  orders(@Root() c: Case, @Ctx() ctx: AppContext) {
    return ctx.loaders.children(Order, "case", { createdAt: "ASC", id: "ASC" }).load(c.id);
  }
}
