/** Intl.Locale week data; Node 20 exposes it as a getter, newer runtimes as getWeekInfo(). */
interface WeekInfo {
  weekend: number[];
}
type LocaleWithWeekInfo = Intl.Locale & { weekInfo?: WeekInfo; getWeekInfo?: () => WeekInfo };

const SATURDAY_SUNDAY: readonly number[] = [6, 0];

/**
 * The customary weekend of a country from CLDR (via the runtime's ICU data): Iran
 * [5] (Friday only), Saudi Arabia [5, 6], Chile/Bulgaria/Spain/China [6, 0]. Days
 * are 0 = Sunday … 6 = Saturday. Falls back to Saturday–Sunday when the runtime
 * has no week data.
 */
export function defaultWeekendDays(country: string): number[] {
  const locale = new Intl.Locale(`und-${country.toUpperCase()}`) as LocaleWithWeekInfo;
  const info = locale.getWeekInfo?.() ?? locale.weekInfo;
  // CLDR counts 1 = Monday … 7 = Sunday.
  return info ? info.weekend.map((day) => day % 7) : [...SATURDAY_SUNDAY];
}
