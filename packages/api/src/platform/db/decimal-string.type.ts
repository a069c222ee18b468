import { Type } from "@mikro-orm/core";

/**
 * Money stays a decimal string from Postgres `numeric` to GraphQL: pg returns numeric as
 * a string already, and this type stops MikroORM from ever turning it into a float.
 * Arithmetic and rendering are modules/claim/engine/money.ts's.
 */
export class DecimalStringType extends Type<string | null, string | null> {
  override convertToDatabaseValue(value: string | null): string | null {
    return value;
  }
  override convertToJSValue(value: string | null): string | null {
    return value === null || value === undefined ? null : String(value);
  }
  override getColumnType(prop: { precision?: number; scale?: number }): string {
    return `numeric(${prop.precision ?? 14},${prop.scale ?? 2})`;
  }
  override compareAsType(): string {
    return "string";
  }
}
