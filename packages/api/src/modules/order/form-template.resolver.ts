import DataLoader from "dataloader";
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/core";
import type { AppContext } from "../../platform/graphql/context.js";
import { PayloadType, asPayload } from "../../platform/graphql/payload.js";
import { actorNameFor } from "../audit/status-change.fields.js";
import { FormTemplate } from "./form-template.entity.js";
import {
  CreateFormTemplateInput,
  CreateFormTemplateVersionInput,
  FormTemplateStateInput,
} from "./form-template.inputs.js";
import { FormTemplateService } from "./form-template.service.js";
import { Report } from "./report.entity.js";

export const FormTemplatePayload = PayloadType("FormTemplatePayload", "formTemplate", FormTemplate);

interface TemplateLoaders {
  /** key `${specialty}\u0000${version}` */
  version: DataLoader<string, FormTemplate | null>;
}
const perRequest = new WeakMap<object, TemplateLoaders>();

/** One query per request whatever the number of reports asking (a page of orders with their reports). */
function templateLoaders(ctx: AppContext): TemplateLoaders {
  let found = perRequest.get(ctx.loaders);
  if (!found) {
    found = {
      version: new DataLoader(async (keys) => {
        const pairs = keys.map((k) => k.split("\u0000") as [string, string]);
        const rows = await ctx.em.find(FormTemplate, {
          $or: pairs.map(([specialty, v]) => ({ specialty, templateVersion: Number(v) })),
        });
        const byKey = new Map(rows.map((r) => [`${r.specialty}\u0000${r.templateVersion}`, r]));
        return keys.map((k) => byKey.get(k) ?? null);
      }),
    };
    perRequest.set(ctx.loaders, found);
  }
  return found;
}

function service(ctx: AppContext): (em: AppContext["em"]) => FormTemplateService {
  return (em) => new FormTemplateService(em, ctx.principal, ctx.requestId);
}

/** `formTemplates(specialty, all)`: by specialty then newest version first (the compiled read path's too). */
export function formTemplatesWhere(specialty: string | null | undefined, all: boolean): FilterQuery<FormTemplate> {
  return { ...(specialty ? { specialty: specialty.trim().toLowerCase() } : {}), ...(all ? {} : { active: true }) };
}
export const FORM_TEMPLATE_ORDER = { specialty: "ASC", templateVersion: "DESC" } as const;

@Resolver(() => FormTemplate)
export class FormTemplateResolver {
  @Authorized()
  @Query(() => [FormTemplate], {
    description: "Report form templates, by specialty then newest version first (active versions unless all is true).",
  })
  formTemplates(
    @Arg("specialty", () => String, { nullable: true, description: "Only this specialty." }) specialty: string | null,
    @Arg("all", () => Boolean, { defaultValue: false, description: "Include inactive versions." }) all: boolean,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.em.find(FormTemplate, formTemplatesWhere(specialty, all), { orderBy: FORM_TEMPLATE_ORDER });
  }

  @Authorized()
  @Query(() => FormTemplate, { nullable: true, description: "One form template version by id." })
  formTemplate(@Arg("id", () => ID, { description: "Form template id." }) id: string, @Ctx() ctx: AppContext) {
    return ctx.loaders.byId(FormTemplate).load(id);
  }

  @Authorized("OPERATOR")
  @Mutation(() => FormTemplatePayload, {
    description: "Adds a specialty's report form, as its version 1, active (ADMIN, OPERATOR).",
  })
  createFormTemplate(
    @Arg("input", { description: "The template." }) input: CreateFormTemplateInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("formTemplate", () => ctx.em.transactional((em) => service(ctx)(em).create(input)));
  }

  @Authorized("OPERATOR")
  @Mutation(() => FormTemplatePayload, {
    description:
      "Writes an edited form as the specialty's next version, active unless activate is false (ADMIN, OPERATOR). Reports already filled keep the version they were validated against.",
  })
  createFormTemplateVersion(
    @Arg("input", { description: "The edited form." }) input: CreateFormTemplateVersionInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("formTemplate", () => ctx.em.transactional((em) => service(ctx)(em).createVersion(input)));
  }

  @Authorized("OPERATOR")
  @Mutation(() => FormTemplatePayload, {
    description:
      "Makes this version the one new reports of its specialty are validated against; the version active before is retired (ADMIN, OPERATOR).",
  })
  activateFormTemplate(
    @Arg("input", { description: "The version." }) input: FormTemplateStateInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("formTemplate", () => ctx.em.transactional((em) => service(ctx)(em).activate(input)));
  }

  @Authorized("OPERATOR")
  @Mutation(() => FormTemplatePayload, {
    description:
      "Retires this version: with no active version the specialty takes document reports only (ADMIN, OPERATOR).",
  })
  retireFormTemplate(
    @Arg("input", { description: "The version." }) input: FormTemplateStateInput,
    @Ctx() ctx: AppContext,
  ) {
    return asPayload("formTemplate", () => ctx.em.transactional((em) => service(ctx)(em).retire(input)));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Who wrote this version, by name (staff readers only; null for the seed).",
  })
  createdByName(@Root() t: FormTemplate, @Ctx() ctx: AppContext): Promise<string | null> {
    return actorNameFor({ actorKind: t.createdByKind, actorId: t.createdById, actorOrganizationId: null }, ctx);
  }
}

@Resolver(() => Report)
export class ReportTemplateResolver {
  @FieldResolver(() => FormTemplate, {
    nullable: true,
    description: "For a form report, the template version it was validated against (never a later one).",
  })
  template(@Root() r: Report, @Ctx() ctx: AppContext): Promise<FormTemplate | null> | null {
    if (!r.templateSpecialty || r.templateVersion == null) return null;
    return templateLoaders(ctx).version.load(`${r.templateSpecialty}\u0000${r.templateVersion}`);
  }
}
