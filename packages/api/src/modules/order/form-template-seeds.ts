/**
 * The report forms of the first three specialties, as plain data (no ORM import) so the
 * console's catalogue test can hold its words against every field and choice.
 */
export const FORM_TEMPLATE_SEEDS: { specialty: string; title: string; schema: Record<string, unknown> }[] = [
  {
    specialty: "traumatology",
    title: "Informe de traumatología",
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["diagnosis", "affectedSegment", "functionalLoss", "examinedAt"],
      properties: {
        diagnosis: { type: "string", minLength: 3, maxLength: 2000 },
        affectedSegment: { enum: ["SPINE", "UPPER_LIMB", "LOWER_LIMB", "PELVIS", "HEAD", "THORAX"] },
        functionalLoss: { type: "number", minimum: 0, maximum: 100 },
        rangeOfMotionDegrees: { type: "integer", minimum: 0, maximum: 360 },
        requiresSurgery: { type: "boolean" },
        examinedAt: { type: "string", format: "date" },
        notes: { type: "string", maxLength: 4000 },
      },
    },
  },
  {
    specialty: "psychiatry",
    title: "Informe de psiquiatría",
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["diagnosis", "icd10", "gafScore", "workCapacity"],
      properties: {
        diagnosis: { type: "string", minLength: 3, maxLength: 2000 },
        icd10: { type: "string", pattern: "^[A-Z][0-9]{2}(\\.[0-9]{1,2})?$" },
        gafScore: { type: "integer", minimum: 1, maximum: 100 },
        workCapacity: { enum: ["FULL", "PARTIAL", "NONE"] },
        sessions: { type: "integer", minimum: 1, maximum: 20 },
        notes: { type: "string", maxLength: 4000 },
      },
    },
  },
  {
    specialty: "audiology",
    title: "Informe de audiología",
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["leftEarDb", "rightEarDb", "hearingLossType"],
      properties: {
        leftEarDb: { type: "number", minimum: -10, maximum: 120 },
        rightEarDb: { type: "number", minimum: -10, maximum: 120 },
        hearingLossType: { enum: ["NONE", "CONDUCTIVE", "SENSORINEURAL", "MIXED"] },
        tinnitus: { type: "boolean" },
        notes: { type: "string", maxLength: 4000 },
      },
    },
  },
];
