import type { HeadersFunction } from "@remix-run/node";
import { isRecordId } from "./record-id";

/** Throw a 404 unless the condition holds: a missing or out-of-scope record is "not found". */
export function invariantResponse(condition: unknown, message = "Not found", status = 404): asserts condition {
  if (!condition) throw new Response(message, { status, statusText: message });
}

/** A safe local path to return to after sign-in (never another site). */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/**
 * A free-text filter from the query string (?q=, ?actor=): trimmed, at most `max` characters, without control
 * characters (PostgreSQL refuses a NUL byte with an error); undefined when empty.
 */
export function queryText(request: Request, name: string, max: number): string | undefined {
  const value = new URL(request.url).searchParams
    .get(name)
    ?.replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, max);
  return value || undefined;
}

/** Parse ?page= into a positive integer. */
export function pageFromUrl(request: Request): number {
  const raw = Number(new URL(request.url).searchParams.get("page") ?? "1");
  return Number.isInteger(raw) && raw > 0 && raw < 100_000 ? raw : 1;
}

/** Route `headers` for pages with sensitive content: never cached. (Remix keeps loaders' Set-Cookie headers itself.) */
export const noStoreHeaders = () => ({ "Cache-Control": "no-store" });
/**
 * The `headers` export of every page reached through a secret link (invitation response, certificate check, password
 * reset): `export const headers = tokenPageHeaders;`. The token in the URL must not leak to other sites in a Referer,
 * be cached, or be indexed. (Form posts from such pages still pass the CSRF check: browsers send Sec-Fetch-Site.)
 */
export const tokenPageHeaders: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
});
/** A record id from the URL: anything that cannot be an id (e.g. with a NUL byte, which PostgreSQL refuses) is a 404. */
export function idParam(value: string | undefined, message = "Not found"): string {
  invariantResponse(isRecordId(value), message);
  return value;
}
