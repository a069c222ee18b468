import { fakerES, fakerFA, fakerZH_CN, type Faker } from "@faker-js/faker";

/** faker v10 has no Bulgarian locale; a short list of common names keeps the demo believable. */
const BG_MALE_FIRST = [
  "Георги",
  "Иван",
  "Димитър",
  "Николай",
  "Петър",
  "Христо",
  "Стоян",
  "Александър",
  "Васил",
  "Тодор",
];
const BG_FEMALE_FIRST = [
  "Мария",
  "Иванка",
  "Елена",
  "Йорданка",
  "Петя",
  "Десислава",
  "Гергана",
  "Надежда",
  "Радостина",
  "Виктория",
];
const BG_LAST_MALE = [
  "Иванов",
  "Георгиев",
  "Димитров",
  "Петров",
  "Николов",
  "Христов",
  "Стоянов",
  "Тодоров",
  "Илиев",
  "Атанасов",
];

export type PersonLocale = "es" | "zh" | "fa" | "bg";

export interface DemoPerson {
  firstName: string;
  lastName: string;
  language: PersonLocale;
  country: "CL" | "CN" | "IR" | "BG";
  phone: string;
  nationalId: string;
  birthDate: string;
}

const FAKERS: Record<Exclude<PersonLocale, "bg">, Faker> = { es: fakerES, zh: fakerZH_CN, fa: fakerFA };

/** Seeds every locale's generator, so the same seed gives the same region every time. */
export function seedPeople(seed: number, refDate: string): void {
  for (const f of Object.values(FAKERS)) {
    f.seed(seed);
    f.setDefaultRefDate(refDate);
  }
}

/** Chilean RUT with its modulo-11 check digit, e.g. 12.345.678-5. */
function rut(f: Faker): string {
  const body = f.number.int({ min: 5_000_000, max: 25_000_000 });
  let sum = 0;
  let mul = 2;
  for (const d of String(body).split("").reverse()) {
    sum += Number(d) * mul;
    mul = mul === 7 ? 2 : mul + 1;
  }
  const rest = 11 - (sum % 11);
  const dv = rest === 11 ? "0" : rest === 10 ? "K" : String(rest);
  return `${body.toLocaleString("es-CL")}-${dv}`;
}

export function demoPerson(locale: PersonLocale): DemoPerson {
  // Bulgarian people draw their randomness from the Spanish generator (deterministic too).
  const f = locale === "bg" ? fakerES : FAKERS[locale];
  const sex = f.person.sexType();
  const birth = f.date.birthdate({ mode: "age", min: 1, max: 90 }).toISOString().slice(0, 10);
  switch (locale) {
    case "es":
      return {
        firstName: f.person.firstName(sex),
        lastName: f.person.lastName(),
        language: "es",
        country: "CL",
        phone: `+569${f.string.numeric(8)}`,
        nationalId: rut(f),
        birthDate: birth,
      };
    case "zh":
      return {
        firstName: f.person.firstName(sex),
        lastName: f.person.lastName(),
        language: "zh",
        country: "CN",
        phone: `+861${f.helpers.arrayElement(["3", "5", "8"])}${f.string.numeric(9)}`,
        nationalId: `310${f.string.numeric(3)}${birth.replaceAll("-", "")}${f.string.numeric(4)}`,
        birthDate: birth,
      };
    case "fa":
      return {
        firstName: f.person.firstName(sex),
        lastName: f.person.lastName(),
        language: "fa",
        country: "IR",
        phone: `+989${f.string.numeric(9)}`,
        nationalId: f.string.numeric(10),
        birthDate: birth,
      };
    case "bg": {
      const male = sex === "male";
      const last = f.helpers.arrayElement(BG_LAST_MALE);
      return {
        firstName: f.helpers.arrayElement(male ? BG_MALE_FIRST : BG_FEMALE_FIRST),
        lastName: male ? last : `${last}а`,
        language: "bg",
        country: "BG",
        phone: `+3598${f.helpers.arrayElement(["7", "8", "9"])}${f.string.numeric(7)}`,
        nationalId: `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${f.string.numeric(4)}`,
        birthDate: birth,
      };
    }
  }
}

export { fakerES as demoFaker };
