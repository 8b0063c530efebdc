import { SESSION_STATUSES, type SessionStatus } from "./session-status";
import { isDateOnly } from "./time";
import { isRecordId } from "./record-id";

export type DiaryQuery = { team?: string; venue?: string; programme?: string; status?: SessionStatus };

// Anything that cannot be an id is ignored, never queried. Plain checks, not zod: the diary's pages import this
// module, and zod stays out of the browser (ADR 036).
const idParam = (value: string | null) => {
  const id = value?.trim();
  return isRecordId(id) ? id : undefined;
};
const isSessionStatus = (value: string | null): value is SessionStatus => (SESSION_STATUSES as readonly (string | null)[]).includes(value);

/** Filters from a diary URL; anything unrecognised is ignored rather than an error. */
export function diaryQueryFrom(url: URL): DiaryQuery {
  const p = url.searchParams;
  const status = p.get("status");
  return {
    team: idParam(p.get("team")),
    venue: idParam(p.get("venue")),
    programme: idParam(p.get("programme")),
    status: isSessionStatus(status) ? status : undefined,
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
