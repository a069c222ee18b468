import { z } from "zod";
import { DomainError, DomainErrors } from "../errors/domain-error.js";
import { PlatformErrorCode } from "../errors/platform.errors.js";

/**
 * Validates a mutation input with zod and turns every problem into its own userError (code
 * VALIDATION_FAILED, the field path, a readable message), so the caller fixes all of them in
 * one round. A field with two broken rules is reported once, by its first rule.
 */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const errors: DomainError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const key = path.join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(
      new DomainError(
        PlatformErrorCode.VALIDATION_FAILED,
        `${path.join(".") || "input"}: ${issue.message}`,
        path.length ? path : undefined,
      ),
    );
  }
  throw errors.length === 1 ? errors[0]! : new DomainErrors(errors as [DomainError, ...DomainError[]]);
}

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Shared field rules, so every module validates the same things the same way. */
export const rules = {
  name: z.string().trim().min(1, "must not be empty").max(200, "is at most 200 characters"),
  text: (max = 2000) => z.string().trim().max(max, `is at most ${max} characters`),
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be a phone number in E.164 format, e.g. +56912345678"),
  email: z.email("must be an e-mail address").max(254),
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as CL"),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as America/Santiago"),
  language: z.enum(["en", "es", "zh", "fa", "bg"], "must be one of en, es, zh, fa, bg"),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as CLP"),
  uuid: z.uuid("must be an id"),
  /** A real calendar day: 2026-02-30 and 0000-00-00 are refused. */
  localDate: z.string().refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1900;
  }, "must be a real date in YYYY-MM-DD format"),
  // 15 integer digits: IRR fees, deductibles and limits reach 10^12 rials and more (the claim engine's bound too).
  decimal: (maxFraction = 2) =>
    z
      .string()
      .regex(
        new RegExp(`^-?\\d{1,15}(\\.\\d{1,${maxFraction}})?$`),
        `must be a decimal number with at most ${maxFraction} decimals`,
      ),
  rate: z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, "must be a rate between 0 and 1 with at most 4 decimals"),
};

export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish();
}
