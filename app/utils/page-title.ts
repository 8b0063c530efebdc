import type { UIMatch } from "@remix-run/react";

/** Routes name their page with `export const handle = { title: "…" }` or `{ title: (data) => "…" }`. */
export type RouteHandle = { title?: string | ((data: never) => string) };

function hasFormErrors(actionData: unknown): boolean {
  if (!actionData || typeof actionData !== "object" || !("errors" in actionData)) return false;
  const errors = (actionData as { errors: unknown }).errors;
  return !!errors && typeof errors === "object" && Object.keys(errors).length > 0;
}

/**
 * "Error: Sign in – Outreach" when a form on the page came back with errors, as the GOV.UK pattern asks: a posted
 * form's action data, or a GET form's reply in the page's loader data under `reply`.
 */
export function pageTitle(matches: UIMatch[], actionData: Record<string, unknown> | null): string {
  let title = "Outreach";
  for (const match of matches) {
    const handle = match.handle as RouteHandle | undefined;
    if (!handle?.title) continue;
    title = typeof handle.title === "function" ? (handle.title as (d: unknown) => string)(match.data) : handle.title;
  }
  const withService = title === "Outreach" ? title : `${title} – Outreach`;
  const searchReply = (matches.at(-1)?.data as { reply?: unknown } | undefined)?.reply;
  return Object.values(actionData ?? {}).some(hasFormErrors) || hasFormErrors(searchReply) ? `Error: ${withService}` : withService;
}
