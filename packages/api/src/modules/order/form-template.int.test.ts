import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../../test-support/entities.fixtures.js";
import { attach, fire, issueOrder, startKit, type Kit, type UserErr } from "./order.fixtures.js";

let kit: Kit;
let admin: string;
beforeAll(async () => {
  kit = await startKit();
  const u = await kit.fx.user(["ADMIN"]);
  admin = await loginAs(kit.api.gql, u.email, u.password);
});
afterAll(async () => kit?.api.close());

const TEMPLATE = `id version specialty templateVersion title schema active createdByKind createdById createdByName`;
interface Template {
  id: string;
  version: number;
  specialty: string;
  templateVersion: number;
  title: string;
  schema: Record<string, unknown>;
  active: boolean;
  createdByKind: string;
  createdById: string | null;
  createdByName: string | null;
}
type Payload = { formTemplate: Template | null; userErrors: UserErr[] };

async function mutate(name: string, input: Record<string, unknown>, token = kit.operator): Promise<Payload> {
  const inputType =
    name === "createFormTemplate"
      ? "CreateFormTemplateInput"
      : name === "createFormTemplateVersion"
        ? "CreateFormTemplateVersionInput"
        : "FormTemplateStateInput";
  const res = await kit.q<Record<string, Payload>>(
    `mutation($i: ${inputType}!) { ${name}(input: $i) { formTemplate { ${TEMPLATE} } userErrors { code field message } } }`,
    { i: input },
    token,
  );
  return res[name]!;
}
const ok = (p: Payload): Template => {
  expect(p.userErrors).toEqual([]);
  return p.formTemplate!;
};

const DERMA_V1 = {
  type: "object",
  additionalProperties: false,
  required: ["lesion"],
  properties: { lesion: { type: "string", minLength: 3 }, sizeMm: { type: "number", minimum: 0 } },
};
const DERMA_V2 = {
  ...DERMA_V1,
  required: ["lesion", "biopsy"],
  properties: { ...DERMA_V1.properties, biopsy: { type: "boolean" } },
};

async function dermatologyOrderInEvaluation() {
  let o = await issueOrder(kit, { specialty: "Dermatology", serviceCodes: ["TRAUMA-01"] });
  o = await fire(kit, kit.labAKey, o, "CONFIRM");
  return fire(kit, kit.labAKey, o, "START_EVALUATION");
}

const REPORTS = `query($id: ID!) { order(id: $id) {
  reports { kind form templateVersion template { id templateVersion schema } } } }`;
type ReportsView = {
  order: {
    reports: {
      kind: string;
      form: unknown;
      templateVersion: number | null;
      template: { id: string; templateVersion: number; schema: unknown } | null;
    }[];
  };
};

describe("form templates configured by operators", () => {
  it("creates a specialty's form as version 1, refuses a second create and schemas the API could not validate against", async () => {
    const created = ok(
      await mutate("createFormTemplate", {
        specialty: " Dermatology ",
        title: "Informe dermatológico",
        schema: DERMA_V1,
      }),
    );
    expect(created).toMatchObject({
      specialty: "dermatology",
      templateVersion: 1,
      active: true,
      createdByKind: "STAFF",
      schema: DERMA_V1,
    });
    expect(created.createdByName).toEqual(expect.any(String));

    const again = await mutate("createFormTemplate", { specialty: "dermatology", title: "x", schema: DERMA_V1 });
    expect(again.userErrors.map((e) => e.code)).toEqual(["FORM_TEMPLATE_EXISTS"]);

    for (const schema of [
      { type: "array", items: {} },
      { type: "object", properties: {} },
      { type: "object", properties: { a: { type: "strin" } } },
      { type: "object", properties: { a: { type: "string", widget: "big" } } },
      { $id: "x", type: "object", properties: { a: { type: "string" } } },
    ]) {
      const bad = await mutate("createFormTemplate", { specialty: "cardiology", title: "x", schema });
      expect(
        bad.userErrors.map((e) => [e.code, e.field]),
        JSON.stringify(schema),
      ).toEqual([["FORM_SCHEMA_INVALID", ["schema"]]]);
    }
    const { formTemplates } = await kit.q<{ formTemplates: Template[] }>(
      `{ formTemplates(specialty: "cardiology", all: true) { id } }`,
      {},
      kit.operator,
    );
    expect(formTemplates).toEqual([]);
  });

  it("records the version each report was validated against; old reports keep theirs after a new version is active", async () => {
    const [v1] = (
      await kit.q<{ formTemplates: Template[] }>(
        `{ formTemplates(specialty: "dermatology") { ${TEMPLATE} } }`,
        {},
        kit.operator,
      )
    ).formTemplates;
    const order = await dermatologyOrderInEvaluation();
    const pre = await attach(kit, kit.labAKey, order.id, "PRELIMINARY", { form: { lesion: "nevus" } });
    expect(pre.userErrors).toEqual([]);

    // the edit is a new version, active at once; version 1 is retired but kept
    const v2 = ok(
      await mutate("createFormTemplateVersion", { id: v1!.id, title: "Informe dermatológico", schema: DERMA_V2 }),
    );
    expect(v2).toMatchObject({ specialty: "dermatology", templateVersion: 2, active: true, schema: DERMA_V2 });
    const v1Now = (
      await kit.q<{ formTemplate: Template }>(
        `query($id: ID!) { formTemplate(id: $id) { ${TEMPLATE} } }`,
        { id: v1!.id },
        kit.labAKey,
      )
    ).formTemplate;
    expect(v1Now).toMatchObject({ templateVersion: 1, active: false, schema: DERMA_V1 });
    // a partner reads templates but not who at the operator wrote them
    expect(v1Now.createdByName).toBeNull();

    // a form valid under version 1 breaks version 2 now, and says where
    const stale = await attach(kit, kit.labAKey, order.id, "FINAL", { form: { lesion: "nevus" } });
    expect(stale.userErrors.map((e) => [e.code, e.field])).toEqual([["FORM_INVALID", ["form", "biopsy"]]]);
    expect(stale.userErrors[0]!.message).toContain("v2");
    const fin = await attach(kit, kit.labAKey, order.id, "FINAL", { form: { lesion: "nevus", biopsy: true } });
    expect(fin.userErrors).toEqual([]);

    const view = await kit.q<ReportsView>(REPORTS, { id: order.id }, kit.labAKey);
    expect(
      view.order.reports.map((r) => [r.kind, r.templateVersion, r.template?.templateVersion, r.template?.schema]),
    ).toEqual([
      ["PRELIMINARY", 1, 1, DERMA_V1],
      ["FINAL", 2, 2, DERMA_V2],
    ]);

    // editing a version that is no longer the latest is refused: someone wrote after it
    const late = await mutate("createFormTemplateVersion", { id: v1!.id, title: "x", schema: DERMA_V1 });
    expect(late.userErrors.map((e) => e.code)).toEqual(["STALE_VERSION"]);
  });

  it("keeps a draft version inactive, activates one version at a time, and retiring leaves documents only", async () => {
    const list = async () =>
      (
        await kit.q<{ formTemplates: Template[] }>(
          `{ formTemplates(specialty: "dermatology", all: true) { ${TEMPLATE} } }`,
          {},
          kit.operator,
        )
      ).formTemplates;
    const [v2] = await list();
    const draft = ok(
      await mutate("createFormTemplateVersion", { id: v2!.id, title: "Borrador", schema: DERMA_V1, activate: false }),
    );
    expect(draft).toMatchObject({ templateVersion: 3, active: false });
    expect((await list()).map((t) => [t.templateVersion, t.active])).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ]);

    // version 1 back in force: version 2 steps down in the same change
    const v1 = (await list()).find((t) => t.templateVersion === 1)!;
    ok(await mutate("activateFormTemplate", { id: v1.id, expectedVersion: v1.version }));
    expect((await list()).map((t) => [t.templateVersion, t.active])).toEqual([
      [3, false],
      [2, false],
      [1, true],
    ]);
    const order = await dermatologyOrderInEvaluation();
    const under1 = await attach(kit, kit.labAKey, order.id, "PRELIMINARY", { form: { lesion: "nevus" } });
    expect(under1.userErrors).toEqual([]);
    expect(under1.order!.reports.map((r) => r.templateVersion)).toEqual([1]);

    // a stale expectedVersion is refused
    const staleActivate = await mutate("activateFormTemplate", { id: v1.id, expectedVersion: v1.version });
    expect(staleActivate.userErrors.map((e) => e.code)).toEqual(["STALE_VERSION"]);

    const current = (await list()).find((t) => t.templateVersion === 1)!;
    const retired = ok(await mutate("retireFormTemplate", { id: current.id, expectedVersion: current.version }));
    expect(retired.active).toBe(false);
    const none = await attach(kit, kit.labAKey, order.id, "FINAL", { form: { lesion: "nevus" } });
    expect(none.userErrors.map((e) => e.code)).toEqual(["FORM_TEMPLATE_MISSING"]);
    const active = await kit.q<{ formTemplates: Template[] }>(
      `{ formTemplates(specialty: "dermatology") { id } }`,
      {},
      kit.labAKey,
    );
    expect(active.formTemplates).toEqual([]);
    const view = await kit.q<ReportsView>(REPORTS, { id: order.id }, kit.labAKey);
    // the report made under version 1 still names it
    expect(view.order.reports[0]!.template).toMatchObject({ templateVersion: 1, schema: DERMA_V1 });

    // every change is in the audit trail
    const actions = await kit.api.orm.em
      .fork()
      .getConnection()
      .execute<{ action: string }[]>(
        `select action from audit_event where entity_type = 'FormTemplate' order by created_at, action`,
      );
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(["formTemplate.create", "formTemplate.version", "formTemplate.activate", "formTemplate.retire"]),
    );
  });

  it("lets only ADMIN and OPERATOR write templates", async () => {
    const asPartner = await kit.api.gql(
      `mutation($i: CreateFormTemplateInput!) { createFormTemplate(input: $i) { userErrors { code } } }`,
      { i: { specialty: "oncology", title: "x", schema: DERMA_V1 } },
      kit.labAKey,
    );
    expect(asPartner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const asBilling = await kit.api.gql(
      `mutation($i: CreateFormTemplateInput!) { createFormTemplate(input: $i) { userErrors { code } } }`,
      { i: { specialty: "oncology", title: "x", schema: DERMA_V1 } },
      kit.billing,
    );
    expect(asBilling.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    ok(await mutate("createFormTemplate", { specialty: "oncology", title: "Oncología", schema: DERMA_V1 }, admin));
  });
});
