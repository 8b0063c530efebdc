import { z } from "zod";
import { SESSION_STATUSES, type SessionStatus } from "./session-status";
import { isDateOnly } from "./time";

export type DiaryQuery = { team?: string; venue?: string; programme?: string; status?: SessionStatus };

// Anything that cannot be an id is ignored, never queried (PostgreSQL refuses a NUL byte with an error).
const idParam = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,100}$/)
  .optional()
  .catch(undefined);

/** Filters from a diary URL; anything unrecognised is ignored rather than an error. */
export function diaryQueryFrom(url: URL): DiaryQuery {
  const p = url.searchParams;
  return {
    team: idParam.parse(p.get("team") ?? undefined),
    venue: idParam.parse(p.get("venue") ?? undefined),
    programme: idParam.parse(p.get("programme") ?? undefined),
    status: z
      .enum(SESSION_STATUSES)
      .optional()
      .catch(undefined)
      .parse(p.get("status") ?? undefined),
  };
}

// Diary dates outside these years are typing mistakes, not plans.
const plausibleYear = (v: string) => v >= "2000" && v < "2100";

export function dateParam(url: URL, name: string): string | undefined {
  const v = url.searchParams.get(name) ?? "";
  return isDateOnly(v) && plausibleYear(v) ? v : undefined;
}

export function monthParam(url: URL): string | undefined {
  const v = url.searchParams.get("month") ?? "";
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(v) && plausibleYear(v) ? v : undefined;
}

/** A query string for links that keep the filters. */
export function diaryHref(path: string, query: DiaryQuery, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...extra })) if (v !== undefined && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
