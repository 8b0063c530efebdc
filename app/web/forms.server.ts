import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";

/** What a form needs to re-render after a failed POST: the user's input and the errors by field ("" = whole form). */
export type FormReply = { values: Record<string, string | string[]>; errors: Record<string, string[]> };

// Secrets are never sent back to the page; "postcode" and "laCode" are ordinary input and are kept.
const NEVER_ECHOED = /password|secret|token|totp|recovery|^code$/i;

export function valuesOf(formData: FormData): FormReply["values"] {
  const values: FormReply["values"] = {};
  for (const key of new Set(formData.keys())) {
    if (NEVER_ECHOED.test(key)) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

export function formFailure(formData: FormData, errors: FormReply["errors"], status = 400) {
  return data<FormReply>({ values: valuesOf(formData), errors }, { status });
}

const NUL_MESSAGE = "Remove the character that is not allowed (a NUL byte) from this answer";

/**
 * Validate a form with zod (server side; empty strings become undefined, Conform-style).
 * On failure returns a 400 reply to return from the action as is. A NUL character in any field is a 400 too.
 */
export function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
): { ok: true; value: z.output<S> } | { ok: false; reply: ReturnType<typeof formFailure> } {
  // PostgreSQL cannot store a NUL character in text (SQLite can): refuse it in every field, on both databases.
  const withNul = [...new Set(formData.keys())].filter((key) =>
    formData.getAll(key).some((v) => typeof v === "string" && v.includes("\u0000")),
  );
  if (withNul.length) return { ok: false, reply: formFailure(formData, Object.fromEntries(withNul.map((key) => [key, [NUL_MESSAGE]]))) };
  const submission = parseWithZod(formData, { schema });
  if (submission.status === "success") return { ok: true, value: submission.value as z.output<S> };
  const errors: FormReply["errors"] = {};
  for (const [path, messages] of Object.entries(submission.error ?? {})) {
    // "roles[0]" (one bad item of a list) is reported against the field, "roles".
    const field = path.replace(/\[\d+\].*$/, "");
    if (messages?.length) errors[field] ??= messages;
  }
  return { ok: false, reply: formFailure(formData, errors) };
}

/** A GET form's query string as FormData, so a search form is parsed and echoed like a posted one. */
export function queryAsFormData(url: URL): FormData {
  const formData = new FormData();
  for (const [key, value] of url.searchParams) formData.append(key, value);
  return formData;
}
