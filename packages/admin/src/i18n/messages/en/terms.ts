/**
 * Words for codes that arrive as data rather than as GraphQL enums: specialties, the
 * report forms' fields and choices (form templates, JSON Schema), cap rules, actor kinds.
 * Rejection reasons come from the API's own table (reasons.ts). test/i18n.test.ts checks
 * the seeded form templates' every field and choice has a word here.
 */
export const terms = {
  document_types: {
    CLAIM_FORM: "Claim form",
    INVOICE: "Invoice",
    PRESCRIPTION: "Prescription",
    MEDICAL_REPORT: "Medical report",
    ID_COPY: "ID copy",
    PHOTO: "Photo",
  },
  specialties: {
    traumatology: "Traumatology",
    psychiatry: "Psychiatry",
    audiology: "Audiology",
    dentistry: "Dentistry",
    general: "General medicine",
    radiology: "Radiology",
    laboratory: "Laboratory",
    interconsultation: "Interconsultation",
  },
  form: {
    title: "%{specialty} report (form v%{version})",
    fields: {
      diagnosis: "Diagnosis",
      affectedSegment: "Affected segment",
      functionalLoss: "Functional loss (%)",
      rangeOfMotionDegrees: "Range of motion (degrees)",
      requiresSurgery: "Requires surgery",
      examinedAt: "Examined at",
      notes: "Notes",
      icd10: "ICD-10 code",
      gafScore: "GAF score",
      workCapacity: "Work capacity",
      sessions: "Sessions",
      leftEarDb: "Left ear (dB)",
      rightEarDb: "Right ear (dB)",
      hearingLossType: "Type of hearing loss",
      tinnitus: "Tinnitus",
    },
    values: {
      affectedSegment: {
        SPINE: "Spine",
        UPPER_LIMB: "Upper limb",
        LOWER_LIMB: "Lower limb",
        PELVIS: "Pelvis",
        HEAD: "Head",
        THORAX: "Thorax",
      },
      workCapacity: { FULL: "Full", PARTIAL: "Partial", NONE: "None" },
      hearingLossType: { NONE: "None", CONDUCTIVE: "Conductive", SENSORINEURAL: "Sensorineural", MIXED: "Mixed" },
    },
  },
  caps: { DEDUCTIBLE: "Deductible", PER_CLAIM_LIMIT: "Per-claim limit", ANNUAL_LIMIT: "Annual limit" },
  actor_kinds: {
    STAFF: "Staff",
    PARTNER: "Partner",
    PARTNER_USER: "Partner's user",
    SYSTEM: "System",
    ANONYMOUS: "Not signed in",
  },
};
