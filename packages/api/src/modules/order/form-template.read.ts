import type { Hooks } from "../../platform/composition/hooks.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { FORM_TEMPLATE_ORDER, formTemplatesWhere } from "./form-template.resolver.js";

/**
 * FormTemplate on the compiled read path (platform/read-compiler), with its roots
 * `formTemplate(id)` and `formTemplates(specialty, all)`. Left to the resolvers:
 * createdByName (actorNameFor: a name per principal, read through its own loaders).
 */
export function registerFormTemplateReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "FormTemplate",
    entity: "FormTemplate",
    columns: [
      "id",
      "specialty",
      "templateVersion",
      "title",
      "schema",
      "active",
      "createdByKind",
      "createdById",
      "version",
      "createdAt",
      "updatedAt",
    ],
  });
  hooks.add(READ_ROOTS, { field: "formTemplate", kind: "byId", type: "FormTemplate", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "formTemplates",
    kind: "list",
    type: "FormTemplate",
    where: (args) => formTemplatesWhere(args.specialty as string | null, args.all === true) as never,
    orderBy: FORM_TEMPLATE_ORDER,
  });
}
