import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/server.fixtures.js";
import { Fixtures } from "../../test-support/entities.fixtures.js";
import { forkFor } from "../../platform/db/orm.js";
import type { Principal } from "../../platform/auth/principal.js";
import { OrganizationKind } from "../organization/organization.entity.js";
import { Liability } from "../policy/policy.entity.js";
import { hooksOf } from "../../platform/composition/hooks.js";
import { Visit, VisitLiabilityLink } from "../visit/visit.entity.js";
import { VisitKind, VisitStatus, VisitConclusion } from "../visit/visit.enums.js";
import { visitApproved } from "../visit/visit.events.js";
import { Claim } from "./claim.entity.js";
import { dentalFeeSchedule, insuredPatientWithCase } from "./claim.fixtures.js";

let api: TestApi;
let fx: Fixtures;

beforeAll(async () => {
  api = await startTestApi();
  fx = new Fixtures(api.orm);
  await dentalFeeSchedule(fx.em);
});
afterAll(async () => api?.close());

describe("visit approval", () => {
  it("creates one DRAFT inpatient claim per liability link, registered by the approving operator, once", async () => {
    const operator = await fx.operatorOrg();
    const hospital = await fx.organization(OrganizationKind.HOSPITAL);
    const insurer = await fx.organization(OrganizationKind.INSURER);
    const cov = await insuredPatientWithCase(fx.em, { insurer, registeredBy: hospital });
    const hosp = fx.em.create(Liability, {
      policy: cov.policy,
      code: "HOSP",
      name: "Hospitalisation",
      coverageRate: "0.9000",
    });
    cov.kase.hospital = hospital;
    const visit = fx.em.create(Visit, {
      number: "VIS-2026-000001",
      kind: VisitKind.FIELD_VISIT,
      case: cov.kase,
      patient: cov.patient,
      site: hospital,
      status: VisitStatus.COMPLETED,
      conclusion: VisitConclusion.COMPLETED,
    } as never);
    fx.em.create(VisitLiabilityLink, { visit, policy: cov.policy, liability: cov.liability } as never);
    fx.em.create(VisitLiabilityLink, { visit, policy: cov.policy, liability: hosp } as never);
    await fx.em.flush();

    const reviewer = await fx.user(["REVIEWER"]);
    const principal: Principal = {
      kind: "STAFF",
      userId: reviewer.id,
      organizationId: operator.id,
      roles: ["REVIEWER"],
      email: reviewer.email,
    };
    const em = forkFor(api.orm, principal);
    await em.transactional(async (tem) => {
      for (const handler of hooksOf(em).list(visitApproved)) await handler(tem as typeof em, visit.id, principal);
    });
    // A retried approval (or a second handler run) adds nothing.
    await em.transactional(async (tem) => {
      for (const handler of hooksOf(em).list(visitApproved)) await handler(tem as typeof em, visit.id, principal);
    });

    // Read unscoped: a reviewer sees claims once submitted, not the drafts its approval opened.
    const claims = await forkFor(api.orm, { kind: "SYSTEM" }).find(
      Claim,
      { sourceVisitId: visit.id },
      { orderBy: { number: "ASC" } },
    );
    expect(claims).toHaveLength(2);
    expect(await forkFor(api.orm, principal).count(Claim, { sourceVisitId: visit.id })).toBe(0);
    expect(claims.map((c) => c.liability.id).sort()).toEqual([cov.liability.id, hosp.id].sort());
    for (const c of claims) {
      expect(c).toMatchObject({ status: "DRAFT", kind: "INPATIENT", currency: "EUR", lineCount: 0 });
      expect(c.registeredBy.id).toBe(operator.id);
      expect(c.provider?.id).toBe(hospital.id);
      expect(c.case.id).toBe(cov.kase.id);
    }
  });
});
