import { ServiceCode } from "../../modules/service-code/service-code.entity.js";
import type { SeedContext } from "../context.js";

type Row = [system: string, code: string, description: string, fee: string, specialty: string, preauth?: boolean];

/** A CDT subset for the dental workflow and the operator's local codes, in CLP. */
const CODES: Row[] = [
  ["CDT", "D0120", "Periodic oral evaluation — established patient", "25000.00", "dentistry"],
  ["CDT", "D0150", "Comprehensive oral evaluation — new or established patient", "35000.00", "dentistry"],
  ["CDT", "D0210", "Intraoral — complete series of radiographic images", "45000.00", "dentistry"],
  ["CDT", "D0220", "Intraoral — periapical first radiographic image", "12000.00", "dentistry"],
  ["CDT", "D0274", "Bitewings — four radiographic images", "28000.00", "dentistry"],
  ["CDT", "D1110", "Prophylaxis — adult", "40000.00", "dentistry"],
  ["CDT", "D2140", "Amalgam — one surface, primary or permanent", "38000.00", "dentistry"],
  ["CDT", "D2330", "Resin-based composite — one surface, anterior", "45000.00", "dentistry"],
  ["CDT", "D2740", "Crown — porcelain/ceramic", "380000.00", "dentistry", true],
  ["CDT", "D3310", "Endodontic therapy, anterior tooth (excluding final restoration)", "180000.00", "dentistry", true],
  ["CDT", "D7140", "Extraction, erupted tooth or exposed root", "55000.00", "dentistry"],
  ["LOCAL", "EX-GEN", "Examen médico general", "30000.00", "general"],
  ["LOCAL", "RX-STD", "Radiografía simple (dos proyecciones)", "25000.00", "radiology"],
  ["LOCAL", "LAB-HEM", "Hemograma completo", "9000.00", "laboratory"],
  ["LOCAL", "AUD-TON", "Audiometría tonal", "35000.00", "audiology"],
  ["LOCAL", "PER-TRA", "Peritaje traumatológico", "120000.00", "traumatology", true],
  ["LOCAL", "PER-PSI", "Peritaje psiquiátrico", "150000.00", "psychiatry", true],
  ["LOCAL", "PER-AUD", "Peritaje audiológico", "90000.00", "audiology", true],
  ["LOCAL", "INT-ESP", "Interconsulta de especialista", "60000.00", "interconsultation"],
];

export async function seedServiceCodes(ctx: SeedContext): Promise<void> {
  for (const [system, code, description, fee, specialty, preauth] of CODES) {
    ctx.serviceCodes.push(
      ctx.em.create(ServiceCode, {
        system,
        code,
        description,
        fee,
        currency: "CLP",
        specialty,
        requiresPreauthorization: preauth ?? false,
      }),
    );
  }
  await ctx.em.flush();
}
