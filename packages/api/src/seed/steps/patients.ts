import { SYSTEM } from "../../platform/auth/principal.js";
import { fieldCipher } from "../../platform/crypto/field-encryption.js";
import { recordStatusChange } from "../../platform/state-machine/engine.js";
import { Patient, PatientStatus } from "../../modules/patient/patient.entity.js";
import { demoFaker, demoPerson, type PersonLocale } from "../people.js";
import type { SeedContext } from "../context.js";

export const DEMO_PATIENT_COUNT = 200;

/** Who registers the patients of each community, and how many there are. */
const COHORTS: { locale: PersonLocale; share: number; registrars: string[]; domain: string }[] = [
  { locale: "es", share: 0.4, registrars: ["clinic1", "clinic3", "hospital1", "agency2"], domain: "example.cl" },
  { locale: "zh", share: 0.2, registrars: ["hospital2"], domain: "example.cn" },
  { locale: "fa", share: 0.2, registrars: ["agency1"], domain: "example.ir" },
  { locale: "bg", share: 0.2, registrars: ["clinic2"], domain: "example.bg" },
];

function asciiSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

export async function seedPatients(ctx: SeedContext): Promise<void> {
  const cipher = fieldCipher();
  const f = demoFaker;
  const numbers = new Set<string>();
  let n = 0;
  for (const cohort of COHORTS) {
    const count = Math.round(DEMO_PATIENT_COUNT * cohort.share);
    for (let i = 0; i < count; i++) {
      n += 1;
      const person = demoPerson(cohort.locale);
      let customerNumber: string;
      do customerNumber = String(f.number.int({ min: 10_000_000, max: 99_999_999 }));
      while (numbers.has(customerNumber));
      numbers.add(customerNumber);
      const slug = asciiSlug(`${person.firstName}.${person.lastName}`);
      const local = slug.length > 3 ? `${slug}${n}` : `paciente${n}`;
      const status = f.helpers.weightedArrayElement([
        { weight: 6, value: PatientStatus.ACTIVE },
        { weight: 3, value: PatientStatus.PROSPECT },
        { weight: 1, value: PatientStatus.INACTIVE },
      ]);
      const patient = ctx.em.create(Patient, {
        customerNumber,
        firstName: person.firstName,
        lastName: person.lastName,
        birthDate: person.birthDate,
        phone: person.phone,
        email: f.datatype.boolean(0.8) ? `${local}@${cohort.domain}` : null,
        language: person.language,
        smsConsent: f.datatype.boolean(0.85),
        emailConsent: f.datatype.boolean(0.6),
        nationalIdEnc: cipher.encrypt(person.nationalId),
        nationalIdIndex: cipher.blindIndex(person.nationalId),
        registeredBy: ctx.organizations[f.helpers.arrayElement(cohort.registrars)]!,
        status,
      });
      // The same history the state machine would have written, so the console shows it.
      recordStatusChange(ctx.em, "Patient", patient.id, null, PatientStatus.PROSPECT, "REGISTER", SYSTEM);
      if (status !== PatientStatus.PROSPECT)
        recordStatusChange(
          ctx.em,
          "Patient",
          patient.id,
          PatientStatus.PROSPECT,
          PatientStatus.ACTIVE,
          "ACTIVATE",
          SYSTEM,
        );
      if (status === PatientStatus.INACTIVE)
        recordStatusChange(
          ctx.em,
          "Patient",
          patient.id,
          PatientStatus.ACTIVE,
          PatientStatus.INACTIVE,
          "DEACTIVATE",
          SYSTEM,
        );
      ctx.patients.push(patient);
    }
  }
  await ctx.em.flush();
}
