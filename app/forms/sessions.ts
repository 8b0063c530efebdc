// What the booking, move and free-dates forms offer, and the booking form filled in from a link (no zod: pages import
// these; the schemas that parse the forms are in sessions.server.ts).
import { RECORD_ID } from "~/utils/record-id";

export const YEAR_GROUPS = ["7", "8", "9", "10", "11", "12", "13"] as const;

/**
 * The booking form filled in from a link (the free-dates search links each free day): values that cannot be an id,
 * a date or a time are left out, and the form checks everything again when posted.
 */
export function bookingPrefill(url: URL) {
  const pick = (name: string, pattern: RegExp) => {
    const value = url.searchParams.get(name);
    return value && pattern.test(value) ? value : undefined;
  };
  return {
    programmeId: pick("programmeId", RECORD_ID),
    venueId: pick("venueId", RECORD_ID),
    teamId: pick("teamId", RECORD_ID),
    date: pick("date", /^\d{4}-\d{2}-\d{2}$/),
    startTime: pick("startTime", /^\d{2}:\d{2}$/),
    endTime: pick("endTime", /^\d{2}:\d{2}$/),
  };
}

/** How many weeks the free-dates search looks ahead, as offered on the form. */
export const SEARCH_WEEKS = ["2", "4", "6", "8", "12"] as const;
