import {
  Liability,
  Policy,
  PolicyMember,
  PolicyNetworkProvider,
  PolicyStatus,
  PolicyType,
} from "../../modules/policy/policy.entity.js";
import type { Patient } from "../../modules/patient/patient.entity.js";
import { demoFaker } from "../people.js";
import type { SeedContext } from "../context.js";

interface InsurerPlan {
  insurer: string;
  prefix: string;
  currency: string;
  deductible: string;
  network: string[];
  /** Patients of these languages buy this insurer's policies. */
  languages: string[];
  /** [code, name, rate, annual limit, per-claim limit] */
  liabilities: [string, string, string, string | null, string | null][];
  groups: string[];
}

const PLANS: InsurerPlan[] = [
  {
    insurer: "insurer1",
    prefix: "SPS",
    currency: "CLP",
    deductible: "50000.00",
    network: ["clinic1", "clinic3", "lab1", "hospital1", "interconsultant1"],
    languages: ["es", "bg", "fa"],
    liabilities: [
      ["HOSP", "Hospitalización", "0.9000", "30000000.00", "15000000.00"],
      ["OUTP", "Atención ambulatoria", "0.8000", "3000000.00", "500000.00"],
      ["DENT", "Atención dental", "0.7000", "800000.00", "400000.00"],
    ],
    groups: ["Empresa Portuaria Valparaíso S.A.", "Universidad del Litoral"],
  },
  {
    insurer: "insurer2",
    prefix: "HA",
    currency: "CNY",
    deductible: "500.00",
    network: ["lab3", "hospital2"],
    languages: ["zh"],
    liabilities: [
      ["HOSP", "住院医疗", "0.9000", "400000.00", "200000.00"],
      ["OUTP", "门诊医疗", "0.8000", "20000.00", "3000.00"],
      ["DENT", "牙科医疗", "0.6000", "5000.00", "2000.00"],
    ],
    groups: ["上海港务集团有限公司", "浦江科技发展有限公司"],
  },
];

export async function seedPolicies(ctx: SeedContext): Promise<void> {
  const f = demoFaker;
  const year = Number(ctx.today.slice(0, 4));
  for (const plan of PLANS) {
    const insured = f.helpers.shuffle(ctx.patients.filter((p) => plan.languages.includes(p.language)));
    let seq = 0;
    const makePolicy = (type: PolicyType, holderName: string, members: Patient[], expired = false) => {
      seq += 1;
      const y = expired ? year - 1 : year;
      const policy = ctx.em.create(Policy, {
        number: `${plan.prefix}-${type === PolicyType.GROUP ? "GRP" : "IND"}-${y}-${String(seq).padStart(4, "0")}`,
        type,
        insurer: ctx.organizations[plan.insurer]!,
        holderName,
        validFrom: `${y}-01-01`,
        validTo: `${y}-12-31`,
        status: expired ? PolicyStatus.EXPIRED : PolicyStatus.ACTIVE,
        deductible: plan.deductible,
        coverageRate: type === PolicyType.GROUP ? "0.8000" : "0.7000",
        currency: plan.currency,
      });
      for (const [code, name, rate, annual, perClaim] of plan.liabilities)
        ctx.em.create(Liability, {
          policy,
          code,
          name,
          coverageRate: rate,
          annualLimit: annual,
          perClaimLimit: perClaim,
        });
      for (const patient of members) ctx.em.create(PolicyMember, { policy, patient });
      for (const provider of plan.network)
        ctx.em.create(PolicyNetworkProvider, { policy, provider: ctx.organizations[provider]! });
      ctx.policies.push(policy);
    };
    // A third of the insured hold individual policies (a few already expired); the rest are in groups.
    const individual = insured.splice(0, Math.floor(insured.length / 3));
    individual.forEach((p, i) => makePolicy(PolicyType.INDIVIDUAL, `${p.firstName} ${p.lastName}`, [p], i % 10 === 9));
    const perGroup = Math.ceil(insured.length / plan.groups.length);
    plan.groups.forEach((employer, i) =>
      makePolicy(PolicyType.GROUP, employer, insured.slice(i * perGroup, (i + 1) * perGroup)),
    );
  }
  await ctx.em.flush();
}
