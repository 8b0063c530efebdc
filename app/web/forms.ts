import { errorSummaryItems } from "~/components/govuk";

type Reply = { values?: Record<string, string | string[]>; errors?: Record<string, string[]> } | undefined;

/** Client side of a form reply: the value to show in a field, its error, and the summary items. */
export function useFormReply(reply: Reply, fieldOrder: string[] = [], targets: Record<string, string> = {}) {
  const values = reply?.values ?? {};
  const errors = reply?.errors ?? {};
  const value = (name: string, fallback = ""): string => {
    const v = values[name];
    return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? fallback) : fallback;
  };
  return {
    value,
    /** A GOV.UK input's `name`, `defaultValue` (the user's input, else `fallback`) and `error` in one spread: `{...form.field("name")}`. */
    field: (name: string, fallback = "") => ({ name, defaultValue: value(name, fallback), error: errors[name]?.[0] }),
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

/** What useFormReply gives a page, for components that take a form as a prop. */
export type FormReplyView = ReturnType<typeof useFormReply>;
