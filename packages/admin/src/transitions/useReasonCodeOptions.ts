import { useQuery } from "@tanstack/react-query";
import { useLocaleState, useTranslate } from "react-admin";
import { request } from "../data/api";
import type { TransitionMeta } from "../resources/types";

export interface ReasonCodeOption {
  code: string;
  label: string;
}

/**
 * The reason codes a dialog offers: the schema's enum values, or the rows of
 * the query the generator found (rejectionReasons), labelled in the user's
 * language when the row has that label (labelEs, labelZh, labelFa, labelBg) and in English
 * otherwise.
 */
export function useReasonCodeOptions(
  reasonCodes: string[],
  source: TransitionMeta["reasonCodeSource"],
): ReasonCodeOption[] {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey: ["reasonCodes", source?.query],
    queryFn: () =>
      request<Record<string, Record<string, string>[]>>(`{ ${source?.query} { code ${source?.labels.join(" ")} } }`),
    enabled: Boolean(source),
    staleTime: Infinity,
  });
  if (!source) {
    return reasonCodes.map((code) => ({ code, label: translate(`clinigraph.reason_codes.${code}`, { _: code }) }));
  }
  const wanted = `label${locale.charAt(0).toUpperCase()}${locale.slice(1)}`;
  return (data?.[source.query] ?? []).map((row) => ({
    code: row.code,
    label: row[wanted] ?? row.labelEn ?? row.code,
  }));
}
