import type pg from "pg";
import { hash } from "@node-rs/argon2";
import {
  KEYED_LABS,
  labKeyPrefix,
  labKeySecret,
  sha256Hex,
  STAFF_PASSWORD,
  STAFF_USERS,
} from "../shared/credentials.js";
import { uuidv7At } from "../shared/prng.js";
import { copyRows, type Cell } from "./copy.js";
import { dateOnly, DAY, SPAN_MS, type Org, type World } from "./world.js";

const TS = ["created_at", "updated_at"] as const;
export const SPECIALTIES = ["traumatology", "cardiology", "radiology", "neurology", "psychiatry", "ophthalmology"];

/** Organisations of every kind, staff users with a known password, and lab API keys with known secrets. */
export async function loadOrganizations(db: pg.PoolClient, w: World): Promise<number> {
  const t0 = new Date(w.anchorMs - SPAN_MS - 30 * DAY);
  const rows: Cell[][] = [];
  const make = (kind: string, count: number, label: string): Org[] =>
    Array.from({ length: count }, (_, i) => {
      const id = uuidv7At(t0.getTime() + rows.length, w.rng);
      const name = `${label} ${w.faker.location.city()} ${i + 1}`;
      rows.push([
        id,
        t0,
        t0,
        1,
        kind,
        name,
        null,
        w.faker.phone.number(),
        `contact${rows.length}@${kind.toLowerCase()}.bench`,
        "RM",
        "CL",
        "America/Santiago",
        "es",
        null,
        true,
      ]);
      return { id, kind };
    });
  [{ id: w.operatorId }] = make("OPERATOR", 1, "Operator");
  w.labs = make("LAB", w.sizes.labs, "Laboratorio");
  w.clinics = make("CLINIC", w.sizes.clinics, "Clínica");
  w.hospitals = make("HOSPITAL", w.sizes.hospitals, "Hospital");
  w.interconsultants = make("INTERCONSULTANT", w.sizes.interconsultants, "Interconsultor");
  w.agencies = make("AGENCY", w.sizes.agencies, "Agencia");
  w.insurers = make("INSURER", w.sizes.insurers, "Aseguradora");
  const cols = [
    "id",
    ...TS,
    "version",
    "kind",
    "name",
    "tax_id",
    "phone",
    "email",
    "region",
    "country",
    "time_zone",
    "language",
    "work_calendar_id",
    "active",
  ];
  await copyRows(db, "organization", cols, rows);

  const passwordHash = await hash(STAFF_PASSWORD);
  const users = STAFF_USERS.map((u, i) => {
    const id = uuidv7At(t0.getTime() + i, w.rng);
    return [
      id,
      t0,
      t0,
      1,
      u.email,
      u.email.split("@")[0],
      null,
      "es",
      u.roles,
      [],
      w.operatorId,
      passwordHash,
      true,
      0,
      null,
      null,
    ];
  });
  w.operatorUserId = String(users[0]![0]);
  await copyRows(
    db,
    "app_user",
    [
      "id",
      ...TS,
      "version",
      "email",
      "name",
      "phone",
      "language",
      "roles",
      "partner_roles",
      "organization_id",
      "password_hash",
      "active",
      "failed_logins",
      "locked_until",
      "last_login_at",
    ],
    users,
  );

  const keys = w.labs
    .slice(0, KEYED_LABS)
    .map((lab, i) => [
      uuidv7At(t0.getTime() + i, w.rng),
      t0,
      t0,
      1,
      lab.id,
      `bench key ${i}`,
      labKeyPrefix(i),
      sha256Hex(labKeySecret(i)),
      ["read", "write"],
      null,
      null,
      null,
    ]);
  await copyRows(
    db,
    "api_key",
    [
      "id",
      ...TS,
      "version",
      "organization_id",
      "name",
      "prefix",
      "secret_hash",
      "scopes",
      "last_used_at",
      "revoked_at",
      "created_by_user_id",
    ],
    keys,
  );

  const codes = SPECIALTIES.flatMap((sp, s) =>
    Array.from({ length: 10 }, (_, i) => [
      uuidv7At(t0.getTime() + s * 10 + i, w.rng),
      t0,
      t0,
      1,
      "FONASA",
      `${sp.slice(0, 5).toUpperCase()}-${String(i + 1).padStart(2, "0")}`,
      `${sp} service ${i + 1}`,
      (20 + ((s * 10 + i) % 17) * 7.5).toFixed(2),
      "CLP",
      i % 4 === 0,
      sp,
      true,
    ]),
  );
  await copyRows(
    db,
    "service_code",
    [
      "id",
      ...TS,
      "version",
      "system",
      "code",
      "description",
      "fee",
      "currency",
      "requires_preauthorization",
      "specialty",
      "active",
    ],
    codes,
  );
  return rows.length + users.length + keys.length + codes.length;
}

/** Patients (registered by clinics/hospitals/agencies), then policies with liabilities and members. */
export async function loadPatientsAndPolicies(db: pg.PoolClient, w: World): Promise<number> {
  const registrars = w.registrars;
  const patients = function* (): Generator<Cell[]> {
    for (let i = 0; i < w.sizes.patients; i++) {
      const ms = w.anchorMs - SPAN_MS - 20 * DAY + (i / w.sizes.patients) * (SPAN_MS + 10 * DAY);
      const id = uuidv7At(ms, w.rng);
      const customer = String(10_000_000 + i);
      w.patientIds.push(id);
      w.patientCustomerNumbers.push(customer);
      const first = w.rng.pick(w.firstNames);
      const birth = dateOnly(w.anchorMs - w.rng.int(18, 85) * 365 * DAY - w.rng.int(0, 364) * DAY);
      const phone = w.rng.chance(0.9) ? `+569${String(w.rng.int(10_000_000, 99_999_999))}` : null;
      const at = new Date(ms);
      yield [
        id,
        at,
        at,
        1,
        customer,
        null,
        null,
        first,
        w.rng.pick(w.lastNames),
        birth,
        phone,
        null,
        w.rng.chance(0.9) ? "es" : "en",
        "ACTIVE",
        phone !== null,
        false,
        null,
        w.rng.pick(registrars).id,
      ];
    }
  };
  let n = await copyRows(
    db,
    "patient",
    [
      "id",
      "created_at",
      "updated_at",
      "version",
      "customer_number",
      "national_id_enc",
      "national_id_index",
      "first_name",
      "last_name",
      "birth_date",
      "phone",
      "email",
      "language",
      "status",
      "sms_consent",
      "email_consent",
      "declared_insurance",
      "registered_by_id",
    ],
    patients(),
  );

  const t0 = new Date(w.anchorMs - SPAN_MS - 25 * DAY);
  const policyRows: Cell[][] = [];
  const liabilityRows: Cell[][] = [];
  const memberRows: Cell[][] = [];
  for (let p = 0; p < w.sizes.policies; p++) {
    const id = uuidv7At(t0.getTime() + p, w.rng);
    const group = w.rng.chance(0.3);
    policyRows.push([
      id,
      t0,
      t0,
      1,
      `POL-${String(p + 1).padStart(8, "0")}`,
      group ? "GROUP" : "INDIVIDUAL",
      w.rng.pick(w.insurers).id,
      w.faker.company.name(),
      dateOnly(t0.getTime()),
      dateOnly(w.anchorMs + 365 * DAY),
      "ACTIVE",
      "50.00",
      "0.8000",
      "CLP",
    ]);
    const liabilityIds = ["OUTPATIENT", "INPATIENT"].map((code) => {
      const lid = uuidv7At(t0.getTime() + p, w.rng);
      liabilityRows.push([lid, t0, t0, 1, id, code, `${code.toLowerCase()} cover`, "0.8000", "500000.00", null]);
      return lid;
    });
    w.policies.push({ id, patientIds: [], liabilityIds });
  }
  // Every patient is a member of one policy; the policy is picked by patient index so it is stable.
  w.patientIds.forEach((pid, i) => {
    const policy = w.policies[i % w.policies.length]!;
    policy.patientIds.push(pid);
    memberRows.push([uuidv7At(t0.getTime() + i, w.rng), t0, t0, policy.id, pid]);
  });
  n += await copyRows(
    db,
    "policy",
    [
      "id",
      ...TS,
      "version",
      "number",
      "type",
      "insurer_id",
      "holder_name",
      "valid_from",
      "valid_to",
      "status",
      "deductible",
      "coverage_rate",
      "currency",
    ],
    policyRows,
  );
  n += await copyRows(
    db,
    "liability",
    ["id", ...TS, "version", "policy_id", "code", "name", "coverage_rate", "annual_limit", "per_claim_limit"],
    liabilityRows,
  );
  n += await copyRows(db, "policy_member", ["id", ...TS, "policy_id", "patient_id"], memberRows);
  return n;
}
