// Sessions for the feed-writer test: every status, with and without a URL, hostile text (escapes, line breaks,
// non-ASCII, long lines), both clock changes and an end before its start.
import type { CalendarSession } from "~/utils/ics.server";

const STATUSES: CalendarSession["status"][] = ["PROVISIONAL", "INVITED", "CONFIRMED", "DECLINED", "DELIVERED", "CANCELLED"];
const TEXTS = [
  "Somebody's Daughter – Ashgrove School",
  'Back\\slash; semi, comma "quoted" <b>tags</b> & ampersand',
  "Lines\nbreak\r\nhere\rand there",
  "Été, café – ½ price 😀 ".repeat(8),
  "",
];

export function feedSessions(): CalendarSession[] {
  return Array.from({ length: 60 }, (_, i) => {
    const start = new Date(Date.UTC(2026, 2, 27 + (i % 7), 8 + (i % 9), (i * 7) % 60, i % 2 ? 0 : 30, i % 3 ? 0 : 999));
    const end = new Date(start.getTime() + (i % 11 === 5 ? -3_600_000 : 90 * 60_000));
    return {
      icalUid: `session-${i}@outreach.northfield.gov.uk`,
      icalSequence: i % 4,
      startsAt: i % 10 === 3 ? new Date(Date.UTC(2026, 9, 25, 0, 30)) : start,
      endsAt: i % 10 === 3 ? new Date(Date.UTC(2026, 9, 25, 2, 30)) : end,
      status: STATUSES[i % STATUSES.length],
      summary: TEXTS[i % TEXTS.length] || "Untitled",
      description: TEXTS[(i + 1) % TEXTS.length],
      location: TEXTS[(i + 2) % TEXTS.length],
      updatedAt: new Date(Date.UTC(2026, 11, 3, 10, i % 60, i % 60, 123)),
      url: i % 3 === 0 ? `https://outreach.northfield.gov.uk/sessions/${i}?a=1,b=2;c` : undefined,
    };
  });
}
