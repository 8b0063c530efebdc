import { errorSummaryItems } from "~/components/govuk";

type Reply = { values?: Record<string, string | string[]>; errors?: Record<string, string[]> } | undefined;

/** Client side of a form reply: the value to show in a field, its error, and the summary items. */
export function useFormReply(reply: Reply, fieldOrder: string[] = [], targets: Record<string, string> = {}) {
  const values = reply?.values ?? {};
  const errors = reply?.errors ?? {};
  return {
    value: (name: string, fallback = ""): string => {
      const v = values[name];
      return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? fallback) : fallback;
    },
    values: (name: string, fallback: string[] = []): string[] => {
      const v = values[name];
      return v === undefined ? (reply ? [] : fallback) : Array.isArray(v) ? v : [v];
    },
    error: (name: string): string | undefined => errors[name]?.[0],
    formError: errors[""]?.[0],
    summary: errorSummaryItems(errors, fieldOrder, targets),
    hasErrors: Object.keys(errors).length > 0,
  };
}
