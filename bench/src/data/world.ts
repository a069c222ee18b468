import { Faker, es, en } from "@faker-js/faker";
import { Rng } from "../shared/prng.js";

/** Everything the table generators share: sizes, the clock, the PRNG and the ids created so far. */
export interface Sizes {
  orders: number;
  cases: number;
  patients: number;
  visits: number;
  claims: number;
  labs: number;
  clinics: number;
  hospitals: number;
  interconsultants: number;
  agencies: number;
  insurers: number;
  policies: number;
}

/** ~1M orders ↔ ~300k cases, ~200k visits, ~300k claims, ~100k patients; partners stay in the hundreds. */
export function sizesFor(orders: number): Sizes {
  const r = (f: number, min = 1) => Math.max(min, Math.round(orders * f));
  return {
    orders,
    cases: r(0.3),
    patients: r(0.1),
    visits: r(0.2),
    claims: r(0.3),
    labs: 150,
    clinics: 120,
    hospitals: 60,
    interconsultants: 40,
    agencies: 20,
    insurers: 12,
    policies: r(0.04, 10),
  };
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** The history spans two years before the anchor. */
export const SPAN_MS = 730 * DAY;

export interface Org {
  id: string;
  kind: string;
}

export class World {
  readonly rng: Rng;
  readonly faker: Faker;
  readonly firstNames: string[];
  readonly lastNames: string[];
  operatorId = "";
  operatorUserId = "";
  labs: Org[] = [];
  clinics: Org[] = [];
  hospitals: Org[] = [];
  interconsultants: Org[] = [];
  agencies: Org[] = [];
  insurers: Org[] = [];
  patientIds: string[] = [];
  patientCustomerNumbers: string[] = [];
  policies: { id: string; patientIds: string[]; liabilityIds: string[] }[] = [];
  cases: { id: string; patientIndex: number; registeredById: string; createdMs: number; policyIndex: number }[] = [];

  constructor(
    readonly seed: number,
    readonly anchorMs: number,
    readonly sizes: Sizes,
  ) {
    this.rng = new Rng(seed);
    this.faker = new Faker({ locale: [es, en] });
    this.faker.seed(seed);
    this.firstNames = Array.from({ length: 400 }, () => this.faker.person.firstName());
    this.lastNames = Array.from({ length: 800 }, () => this.faker.person.lastName());
  }

  /** A creation time over the two years, denser recently (volume grows like a live system's). */
  createdMs(): number {
    const u = Math.sqrt(this.rng.next());
    return this.anchorMs - SPAN_MS + u * SPAN_MS - this.rng.int(0, 3) * HOUR;
  }

  get providers(): Org[] {
    return [...this.labs, ...this.interconsultants];
  }

  get registrars(): Org[] {
    return [...this.clinics, ...this.hospitals, ...this.agencies];
  }
}

export const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);
