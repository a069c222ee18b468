import { validateWorkCalendar } from "../../platform/calendar/index.js";
import { Organization, OrganizationKind } from "../../modules/organization/organization.entity.js";
import { WorkCalendar } from "../../modules/work-calendar/work-calendar.entity.js";
import type { SeedContext } from "../context.js";

const CALENDARS = {
  CL: {
    name: "Chile (nacional)",
    country: "CL",
    weekendDays: [0, 6],
    timeZone: "America/Santiago",
    closures: ["2026-09-17"],
  },
  BG: { name: "България (национален)", country: "BG", weekendDays: [0, 6], timeZone: "Europe/Sofia", closures: [] },
  // 调休: China works some Saturdays to bridge public holidays.
  CN: {
    name: "中国（全国）",
    country: "CN",
    weekendDays: [0, 6],
    timeZone: "Asia/Shanghai",
    closures: [],
    openDays: ["2026-02-14", "2026-09-20"],
  },
  // Iran's weekend is Friday.
  IR: { name: "ایران (سراسری)", country: "IR", weekendDays: [5], timeZone: "Asia/Tehran", closures: [] },
} as const;

type Country = keyof typeof CALENDARS;

/**
 * What each provider takes orders in (the specialties of the seed's orders to it); the
 * clinics not named state none, so the console offers them for any specialty.
 */
const SPECIALTIES: Record<string, string[]> = {
  lab1: ["traumatology", "radiology"],
  lab2: ["traumatology"],
  lab3: ["audiology", "laboratory"],
  clinic3: ["audiology", "general"],
  interconsultant1: ["traumatology"],
  interconsultant2: ["psychiatry"],
};
const LANGUAGE: Record<Country, string> = { CL: "es", BG: "bg", CN: "zh", IR: "fa" };

interface OrgSeed {
  key: string;
  kind: OrganizationKind;
  name: string;
  country: Country;
  region: string;
  taxId: string;
  phone: string;
  email: string;
}

const K = OrganizationKind;
export const DEMO_OPERATOR_NAME = "Comisión Médica Regional de Valparaíso";

const ORGANIZATIONS: OrgSeed[] = [
  {
    key: "operator",
    kind: K.OPERATOR,
    name: DEMO_OPERATOR_NAME,
    country: "CL",
    region: "Valparaíso",
    taxId: "61.979.440-0",
    phone: "+56322123400",
    email: "contacto@cmr-valparaiso.demo",
  },
  {
    key: "clinic1",
    kind: K.CLINIC,
    name: "Clínica Dental Viña del Mar",
    country: "CL",
    region: "Valparaíso",
    taxId: "76.543.210-3",
    phone: "+56322650100",
    email: "recepcion@dentalvina.demo",
  },
  {
    key: "clinic2",
    kind: K.CLINIC,
    name: "Дентален център „Витоша“",
    country: "BG",
    region: "София",
    taxId: "204518733",
    phone: "+35929551200",
    email: "office@vitosha-dental.demo",
  },
  {
    key: "clinic3",
    kind: K.CLINIC,
    name: "Centro Médico Los Andes",
    country: "CL",
    region: "Valparaíso",
    taxId: "77.120.455-8",
    phone: "+56342441200",
    email: "agenda@losandes.demo",
  },
  {
    key: "lab1",
    kind: K.LAB,
    name: "Laboratorio Clínico Puerto",
    country: "CL",
    region: "Valparaíso",
    taxId: "76.880.112-K",
    phone: "+56322255800",
    email: "resultados@labpuerto.demo",
  },
  {
    key: "lab2",
    kind: K.LAB,
    name: "Медицинска лаборатория „Сердика“",
    country: "BG",
    region: "София",
    taxId: "131420877",
    phone: "+35928104400",
    email: "lab@serdika.demo",
  },
  {
    key: "lab3",
    kind: K.LAB,
    name: "上海仁和医学检验所",
    country: "CN",
    region: "上海",
    taxId: "91310115MA1K4XYZ2Q",
    phone: "+862150801234",
    email: "lab@renhe.demo",
  },
  {
    key: "hospital1",
    kind: K.HOSPITAL,
    name: "Hospital Regional del Pacífico",
    country: "CL",
    region: "Valparaíso",
    taxId: "61.606.500-1",
    phone: "+56322364000",
    email: "admisiones@hrpacifico.demo",
  },
  {
    key: "hospital2",
    kind: K.HOSPITAL,
    name: "上海浦江医院",
    country: "CN",
    region: "上海",
    taxId: "12310000425008765X",
    phone: "+862168383000",
    email: "ruyuan@pujiang.demo",
  },
  {
    key: "interconsultant1",
    kind: K.INTERCONSULTANT,
    name: "Dr. Andrés Rojas — Traumatología",
    country: "CL",
    region: "Valparaíso",
    taxId: "12.876.543-2",
    phone: "+56998765432",
    email: "arojas@peritos.demo",
  },
  {
    key: "interconsultant2",
    kind: K.INTERCONSULTANT,
    name: "Д-р Мария Илиева — Психиатрия",
    country: "BG",
    region: "София",
    taxId: "8005124471",
    phone: "+359887112233",
    email: "d-r.ilieva@consult.demo",
  },
  {
    key: "agency1",
    kind: K.AGENCY,
    name: "کارگزاری خسارت پارس",
    country: "IR",
    region: "تهران",
    taxId: "10103456789",
    phone: "+982188776655",
    email: "info@pars-claims.demo",
  },
  {
    key: "agency2",
    kind: K.AGENCY,
    name: "Agencia de Siniestros Costa Central",
    country: "CL",
    region: "Valparaíso",
    taxId: "76.301.998-4",
    phone: "+56322789900",
    email: "siniestros@costacentral.demo",
  },
  {
    key: "insurer1",
    kind: K.INSURER,
    name: "Seguros Pacífico Sur",
    country: "CL",
    region: "Metropolitana",
    taxId: "96.512.300-7",
    phone: "+56226001000",
    email: "salud@pacificosur.demo",
  },
  {
    key: "insurer2",
    kind: K.INSURER,
    name: "华安健康保险股份有限公司",
    country: "CN",
    region: "上海",
    taxId: "91310000717866186P",
    phone: "+862195556000",
    email: "claims@huaan-health.demo",
  },
];

export async function seedOrganizations(ctx: SeedContext): Promise<void> {
  for (const [country, def] of Object.entries(CALENDARS)) {
    const cal = ctx.em.create(WorkCalendar, {
      name: def.name,
      country: def.country,
      weekendDays: [...def.weekendDays],
      closures: [...def.closures],
      openDays: "openDays" in def ? [...def.openDays] : [],
      timeZone: def.timeZone,
    });
    validateWorkCalendar({ ...cal, region: undefined });
    ctx.calendars[country] = cal;
  }
  for (const o of ORGANIZATIONS) {
    const cal = ctx.calendars[o.country]!;
    ctx.organizations[o.key] = ctx.em.create(Organization, {
      kind: o.kind,
      name: o.name,
      taxId: o.taxId,
      phone: o.phone,
      email: o.email,
      region: o.region,
      country: o.country,
      timeZone: cal.timeZone,
      language: LANGUAGE[o.country],
      specialties: SPECIALTIES[o.key] ?? [],
      workCalendar: cal,
    });
  }
  await ctx.em.flush();
}
