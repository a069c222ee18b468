import type { TermMessages } from "../types";

export const terms: TermMessages = {
  specialties: {
    traumatology: "Traumatología",
    psychiatry: "Psiquiatría",
    audiology: "Audiología",
    dentistry: "Odontología",
    general: "Medicina general",
    radiology: "Radiología",
    laboratory: "Laboratorio",
    interconsultation: "Interconsulta",
  },
  form: {
    title: "Informe de %{specialty} (formulario v%{version})",
    fields: {
      diagnosis: "Diagnóstico",
      affectedSegment: "Segmento afectado",
      functionalLoss: "Pérdida funcional (%)",
      rangeOfMotionDegrees: "Rango de movimiento (grados)",
      requiresSurgery: "Requiere cirugía",
      examinedAt: "Fecha del examen",
      notes: "Notas",
      icd10: "Código CIE-10",
      gafScore: "Puntuación EEAG",
      workCapacity: "Capacidad laboral",
      sessions: "Sesiones",
      leftEarDb: "Oído izquierdo (dB)",
      rightEarDb: "Oído derecho (dB)",
      hearingLossType: "Tipo de hipoacusia",
      tinnitus: "Acúfenos",
    },
    values: {
      affectedSegment: {
        SPINE: "Columna",
        UPPER_LIMB: "Extremidad superior",
        LOWER_LIMB: "Extremidad inferior",
        PELVIS: "Pelvis",
        HEAD: "Cabeza",
        THORAX: "Tórax",
      },
      workCapacity: { FULL: "Completa", PARTIAL: "Parcial", NONE: "Ninguna" },
      hearingLossType: { NONE: "Ninguna", CONDUCTIVE: "Conductiva", SENSORINEURAL: "Neurosensorial", MIXED: "Mixta" },
    },
  },
  caps: { DEDUCTIBLE: "Deducible", PER_CLAIM_LIMIT: "Tope por reclamación", ANNUAL_LIMIT: "Tope anual" },
  actor_kinds: { STAFF: "Personal", PARTNER: "Socio externo", SYSTEM: "Sistema" },
};
