import type { PartnerRole, StaffRole } from "../platform/auth/principal.js";

/**
 * Fixed demo credentials, printed by `pnpm db:seed` and `pnpm dev` and quoted in the
 * README. They exist only in databases the demo seed created; never in production.
 */
export interface DemoLogin {
  key: string;
  email: string;
  password: string;
  name: string;
  roles: StaffRole[];
}

export const DEMO_LOGINS: DemoLogin[] = [
  {
    key: "admin",
    email: "admin@clinigraph.demo",
    password: "demo-admin-2026",
    name: "Valentina Soto",
    roles: ["ADMIN"],
  },
  {
    key: "operator",
    email: "operator@clinigraph.demo",
    password: "demo-operator-2026",
    name: "Matías Fuentes",
    roles: ["OPERATOR"],
  },
  {
    key: "reviewer",
    email: "reviewer@clinigraph.demo",
    password: "demo-reviewer-2026",
    name: "Camila Reyes",
    roles: ["REVIEWER"],
  },
  {
    key: "visitor1",
    email: "visitor1@clinigraph.demo",
    password: "demo-visitor1-2026",
    name: "Diego Muñoz",
    roles: ["VISITOR"],
  },
  {
    key: "visitor2",
    email: "visitor2@clinigraph.demo",
    password: "demo-visitor2-2026",
    name: "王芳",
    roles: ["VISITOR"],
  },
  {
    key: "billing",
    email: "billing@clinigraph.demo",
    password: "demo-billing-2026",
    name: "Francisca Morales",
    roles: ["BILLING"],
  },
  // Branch staff (分公司): the others above are head office and see every branch.
  {
    key: "operatorValparaiso",
    email: "operator.valparaiso@clinigraph.demo",
    password: "demo-valparaiso-2026",
    name: "Ignacio Vera",
    roles: ["OPERATOR"],
  },
  {
    key: "operatorShanghai",
    email: "operator.shanghai@clinigraph.demo",
    password: "demo-shanghai-2026",
    name: "李明",
    roles: ["OPERATOR"],
  },
  {
    key: "operatorBranches",
    email: "operator.branches@clinigraph.demo",
    password: "demo-branches-2026",
    name: "Javiera Lin",
    roles: ["OPERATOR"],
  },
];

/** The branches (modules/branch/branch.seed.ts DEMO_BRANCHES codes) each branch login works in. */
export const DEMO_BRANCH_MEMBERS: Record<string, string[]> = {
  operatorValparaiso: ["VAL"],
  operatorShanghai: ["SHA"],
  operatorBranches: ["VAL", "SHA"],
};

/** A partner organisation's own console login (the partner portal). */
export interface DemoPartnerLogin {
  /** Key of the organisation in the seed's organisation table. */
  organization: string;
  kind: string;
  email: string;
  password: string;
  name: string;
  roles: PartnerRole[];
  language: string;
}

/** One admin per partner kind the portal serves first: a lab, a specialist, a hospital, an agency. */
export const DEMO_PARTNER_LOGINS: DemoPartnerLogin[] = [
  {
    organization: "lab1",
    kind: "LAB",
    email: "lab@partner.demo",
    password: "demo-lab-user-2026",
    name: "Paula Contreras",
    roles: ["PARTNER_ADMIN"],
    language: "es",
  },
  {
    organization: "interconsultant1",
    kind: "INTERCONSULTANT",
    email: "specialist@partner.demo",
    password: "demo-specialist-2026",
    name: "Andrés Rojas",
    roles: ["PARTNER_ADMIN"],
    language: "es",
  },
  {
    organization: "hospital1",
    kind: "HOSPITAL",
    email: "hospital@partner.demo",
    password: "demo-hospital-user-2026",
    name: "Rodrigo Álvarez",
    roles: ["PARTNER_ADMIN"],
    language: "es",
  },
  {
    organization: "agency1",
    kind: "AGENCY",
    email: "agency@partner.demo",
    password: "demo-agency-user-2026",
    name: "مریم احمدی",
    roles: ["PARTNER_ADMIN"],
    language: "fa",
  },
];

export interface DemoApiKey {
  /** Key of the organisation in the seed's organisation table. */
  organization: string;
  kind: string;
  prefix: string;
  secret: string;
}

/** `ck_<8 alnum prefix>_<secret>`, the format authenticate() accepts. */
export const DEMO_API_KEYS: DemoApiKey[] = [
  { organization: "clinic1", kind: "CLINIC", prefix: "DEMOCLN1", secret: "demo-clinic-key-not-for-production-0001" },
  { organization: "lab1", kind: "LAB", prefix: "DEMOLAB1", secret: "demo-lab-key-not-for-production-0001" },
  {
    organization: "hospital1",
    kind: "HOSPITAL",
    prefix: "DEMOHSP1",
    secret: "demo-hospital-key-not-for-production-0001",
  },
  {
    organization: "interconsultant1",
    kind: "INTERCONSULTANT",
    prefix: "DEMOINT1",
    secret: "demo-interconsultant-key-not-for-production-1",
  },
  { organization: "agency1", kind: "AGENCY", prefix: "DEMOAGY1", secret: "demo-agency-key-not-for-production-0001" },
  { organization: "insurer1", kind: "INSURER", prefix: "DEMOINS1", secret: "demo-insurer-key-not-for-production-0001" },
];

export const fullApiKey = (k: DemoApiKey): string => `ck_${k.prefix}_${k.secret}`;
