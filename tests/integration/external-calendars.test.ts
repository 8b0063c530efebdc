// External busy calendars served by a real HTTP server on loopback: a weekly recurrence with an excluded, a moved and
// a cancelled instance across the spring clock change, an all-day event, an event in America/New_York, a UTC event
// and a transparent one; a 304 on a matching ETag; a failure that keeps the last good copy; and booking, "find free
// dates" and the tour planner refusing the busy time.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  addExternalCalendar,
  CalendarUrlError,
  externalCalendarsOf,
  isPrivateAddress,
  refreshExternalCalendar,
  removeExternalCalendar,
} from "~/models/external-calendars.server";
import { bookSession, type BookingInput } from "~/models/sessions/changes.server";
import { ExternalBusyError } from "~/models/sessions/errors";
import { findFreeDates } from "~/models/sessions/free-dates.server";
import { diaryWeek } from "~/models/sessions/queries.server";
import { planTour } from "~/models/tour-planner/solve";
import { buildPlanInput } from "~/models/tour-plans.server";
import { db } from "~/utils/db.server";
import { makeProgramme, makeTeam, makeUser, makeVenue } from "../factories";

vi.hoisted(() => {
  process.env.EXTERNAL_CALENDARS_ALLOW_PRIVATE = "true"; // the test server is on loopback; before anything reads the environment
});

const NOW = new Date("2027-03-01T12:00:00Z");
const meta = { ip: null, userAgent: "vitest" };
const SECRET_DETAIL = "Rehearsal with Confidential Client";

const TEAM_ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
  // Every Tuesday 10:00-12:00 London, six times; 9 March excluded, 16 March moved to Wednesday 17 March 14:00-16:00,
  // 23 March cancelled; 30 March is after the clocks go forward (10:00 BST is 09:00 UTC).
  "BEGIN:VEVENT",
  "UID:weekly@example.test",
  "DTSTART;TZID=Europe/London:20270302T100000",
  "DTEND;TZID=Europe/London:20270302T120000",
  "RRULE:FREQ=WEEKLY;COUNT=6",
  "EXDATE;TZID=Europe/London:20270309T100000",
  `SUMMARY:${SECRET_DETAIL}`,
  "LOCATION:12 Private Road",
  "DESCRIPTION:Call Jo on 07700 900123",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:weekly@example.test",
  "RECURRENCE-ID;TZID=Europe/London:20270316T100000",
  "DTSTART;TZID=Europe/London:20270317T140000",
  "DTEND;TZID=Europe/London:20270317T160000",
  `SUMMARY:${SECRET_DETAIL} (moved)`,
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:weekly@example.test",
  "RECURRENCE-ID;TZID=Europe/London:20270323T100000",
  "DTSTART;TZID=Europe/London:20270323T100000",
  "DTEND;TZID=Europe/London:20270323T120000",
  "STATUS:CANCELLED",
  "END:VEVENT",
  // All day on Thursday 4 March.
  "BEGIN:VEVENT",
  "UID:allday@example.test",
  "DTSTART;VALUE=DATE:20270304",
  "DTEND;VALUE=DATE:20270305",
  "SUMMARY:Day off",
  "END:VEVENT",
  // 09:00-10:00 in New York (EST, UTC-5) on Friday 5 March is 14:00-15:00 in London (GMT).
  "BEGIN:VEVENT",
  "UID:newyork@example.test",
  "DTSTART;TZID=America/New_York:20270305T090000",
  "DTEND;TZID=America/New_York:20270305T100000",
  "SUMMARY:Call with the US office",
  "END:VEVENT",
  // In UTC.
  "BEGIN:VEVENT",
  "UID:utc@example.test",
  "DTSTART:20270311T100000Z",
  "DTEND:20270311T110000Z",
  "END:VEVENT",
  // Free time (transparent) is not busy.
  "BEGIN:VEVENT",
  "UID:free@example.test",
  "DTSTART;TZID=Europe/London:20270308T100000",
  "DTEND;TZID=Europe/London:20270308T120000",
  "TRANSP:TRANSPARENT",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

const VENUE_ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:hall@example.test",
  "DTSTART:20270310T130000Z",
  "DTEND:20270310T150000Z",
  "SUMMARY:Exam in the hall",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

// What the calendar server does, changed by the tests; and what it was asked.
const state = { failing: false, requests: [] as { path: string; ifNoneMatch: string | undefined; status: number }[] };
let server: Server;
let base: string;

function serve(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? "/";
  const ifNoneMatch = req.headers["if-none-match"];
  const answer = (status: number, body = "", headers: Record<string, string> = {}) => {
    state.requests.push({ path, ifNoneMatch, status });
    res.writeHead(status, headers).end(body);
  };
  if (state.failing) return answer(500, "boom");
  if (path.startsWith("/team.ics")) {
    if (ifNoneMatch === '"team-v1"') return answer(304);
    return answer(200, TEAM_ICS, { "content-type": "text/calendar", etag: '"team-v1"' });
  }
  if (path === "/venue.ics") return answer(200, VENUE_ICS, { "content-type": "text/calendar" });
  if (path === "/not-a-calendar") return answer(200, "<html>Sign in</html>", { "content-type": "text/html" });
  answer(404);
}

beforeAll(async () => {
  server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function world() {
  const user = await makeUser(db, { roles: ["COORDINATOR"] });
  const actor = { ...user, roles: ["COORDINATOR"] as const };
  const programme = await makeProgramme(db, { name: "Somebody's Daughter", getInMinutes: 0, getOutMinutes: 0, capacity: 240 });
  const team = await makeTeam(db, { name: "Open Door", sessionsPerDay: 2 });
  const school = await makeVenue(db, { name: "Castle Mead Academy" });
  const book = (over: Partial<BookingInput>) =>
    bookSession(
      actor,
      { programmeId: programme.id, venueId: school.id, teamId: team.id, date: "2027-03-02", startTime: "10:00", endTime: "11:00", ...over },
      meta,
      NOW,
    );
  return { actor, programme, team, school, book };
}

const busyRows = (calendarId: string) =>
  db.busyInterval.findMany({ where: { calendarId }, orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true, allDay: true } });
const iso = (rows: { startsAt: Date; endsAt: Date; allDay: boolean }[]) =>
  rows.map((r) => `${r.startsAt.toISOString()} ${r.endsAt.toISOString()}${r.allDay ? " all day" : ""}`);

const EXPECTED_TEAM_BUSY = [
  "2027-03-02T10:00:00.000Z 2027-03-02T12:00:00.000Z",
  "2027-03-04T00:00:00.000Z 2027-03-05T00:00:00.000Z all day",
  "2027-03-05T14:00:00.000Z 2027-03-05T15:00:00.000Z",
  "2027-03-11T10:00:00.000Z 2027-03-11T11:00:00.000Z",
  "2027-03-17T14:00:00.000Z 2027-03-17T16:00:00.000Z",
  "2027-03-30T09:00:00.000Z 2027-03-30T11:00:00.000Z",
  "2027-04-06T09:00:00.000Z 2027-04-06T11:00:00.000Z",
];

describe("reading an external calendar", () => {
  it("keeps only the busy times: recurrences expanded with their exception, moved and cancelled instances, all-day, other zones", async () => {
    const w = await world();
    const id = await addExternalCalendar(
      w.actor,
      { teamId: w.team.id },
      { label: "Company diary", url: `${base}/team.ics?secret=s3cr3t-token` },
      meta,
      NOW,
    );
    expect(iso(await busyRows(id))).toEqual(EXPECTED_TEAM_BUSY);
    // The address is stored encrypted and only its host is shown; no event detail is stored anywhere.
    const row = await db.externalCalendar.findUniqueOrThrow({ where: { id } });
    expect(row.urlEncrypted).not.toContain("s3cr3t-token");
    expect(row).toMatchObject({ urlHost: "127.0.0.1", etag: '"team-v1"', lastError: null, lastSuccessAt: NOW });
    const listed = await externalCalendarsOf({ teamId: w.team.id });
    expect(listed).toEqual([
      expect.objectContaining({ id, label: "Company diary", urlHost: "127.0.0.1", lastError: null, _count: { busy: 7 } }),
    ]);
    expect(JSON.stringify(listed)).not.toContain("s3cr3t-token");
    const stored = JSON.stringify([row, await db.busyInterval.findMany({ where: { calendarId: id } })]);
    for (const detail of ["Rehearsal", "Private Road", "07700", "Day off", "US office"]) expect(stored).not.toContain(detail);
  });

  it("sends the ETag back and keeps the copy on 304; on a failure records the error and keeps the last good copy", async () => {
    const w = await world();
    const id = await addExternalCalendar(
      w.actor,
      { teamId: w.team.id },
      { label: "Company diary", url: `${base}/team.ics?n=2` },
      meta,
      NOW,
    );
    const later = new Date(NOW.getTime() + 3600_000);
    expect(await refreshExternalCalendar({ teamId: w.team.id }, id, later)).toEqual({ ok: true, error: null });
    expect(state.requests.at(-1)).toEqual({ path: "/team.ics?n=2", ifNoneMatch: '"team-v1"', status: 304 });
    expect(iso(await busyRows(id))).toEqual(EXPECTED_TEAM_BUSY);

    state.failing = true;
    try {
      expect(await refreshExternalCalendar({ teamId: w.team.id }, id, later)).toEqual({
        ok: false,
        error: "The calendar answered with HTTP 500",
      });
    } finally {
      state.failing = false;
    }
    expect(iso(await busyRows(id))).toEqual(EXPECTED_TEAM_BUSY);
    expect(await db.externalCalendar.findUniqueOrThrow({ where: { id } })).toMatchObject({
      lastError: "The calendar answered with HTTP 500",
      lastFetchedAt: later,
      lastSuccessAt: later,
    });
    // The error never repeats the secret address.
    expect((await externalCalendarsOf({ teamId: w.team.id }))[0].lastError).not.toContain(base);
  });

  it("records a page that is not a calendar as an error, and refuses addresses that are not http or https", async () => {
    const w = await world();
    const id = await addExternalCalendar(w.actor, { teamId: w.team.id }, { label: "Wrong link", url: `${base}/not-a-calendar` }, meta, NOW);
    expect(await db.externalCalendar.findUniqueOrThrow({ where: { id } })).toMatchObject({
      lastError: "The calendar could not be read as an ICS calendar",
      lastSuccessAt: null,
    });
    expect(await busyRows(id)).toEqual([]);
    for (const url of ["ftp://example.test/cal.ics", "javascript:alert(1)", "not a url", "file:///etc/passwd"]) {
      await expect(addExternalCalendar(w.actor, { teamId: w.team.id }, { label: "Bad", url }, meta, NOW)).rejects.toBeInstanceOf(
        CalendarUrlError,
      );
    }
    await removeExternalCalendar(w.actor, { teamId: w.team.id }, id, meta);
    expect(await db.externalCalendar.count({ where: { id } })).toBe(0);
    // Adding and removing are audited with the address's host only: the address is a secret.
    const audit = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { action: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["external_calendar.add", w.actor.id],
      ["external_calendar.remove", w.actor.id],
    ]);
    expect(audit.map((a) => JSON.stringify(a.details)).join(" ")).not.toContain("not-a-calendar");
    await expect(removeExternalCalendar(w.actor, { teamId: w.team.id }, id, meta)).rejects.toThrow("Not found");
  });

  it("knows private, loopback and link-local addresses (refused unless EXTERNAL_CALENDARS_ALLOW_PRIVATE)", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "172.32.0.1", "2a00:1450:4009:81e::200e", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe("busy time as a clash", () => {
  it("booking refuses the team's and the venue's busy time, naming only the time", async () => {
    const w = await world();
    await addExternalCalendar(w.actor, { teamId: w.team.id }, { label: "Company diary", url: `${base}/team.ics?b=1` }, meta, NOW);
    await addExternalCalendar(w.actor, { venueId: w.school.id }, { label: "Hall bookings", url: `${base}/venue.ics` }, meta, NOW);

    const refused = async (over: Partial<BookingInput>) => {
      const error = await w.book(over).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ExternalBusyError);
      expect((error as Error).message).not.toContain("Rehearsal");
      return (error as Error).message;
    };
    expect(await refused({ date: "2027-03-02", startTime: "11:30", endTime: "12:30" })).toBe(
      "Open Door is busy (from the team's calendar) 10am to 12pm",
    );
    expect(await refused({ date: "2027-03-04", startTime: "09:00", endTime: "10:00" })).toBe(
      "Open Door is busy (from the team's calendar) all day on Thursday 4 March 2027",
    );
    expect(await refused({ date: "2027-03-05", startTime: "14:30", endTime: "15:30" })).toBe(
      "Open Door is busy (from the team's calendar) 2pm to 3pm",
    );
    expect(await refused({ date: "2027-03-30", startTime: "10:30", endTime: "11:30" })).toBe(
      "Open Door is busy (from the team's calendar) 10am to 12pm",
    );
    expect(await refused({ date: "2027-03-10", startTime: "13:30", endTime: "14:00" })).toBe(
      "Castle Mead Academy is busy (from the venue's calendar) 1pm to 3pm",
    );
    // The excluded and the cancelled instances, and the moved instance's old time, are free; touching is not a clash.
    for (const date of ["2027-03-09", "2027-03-23", "2027-03-16"]) {
      expect((await w.book({ date, startTime: "10:00", endTime: "11:00" })).status).toBe("PROVISIONAL");
    }
    expect((await w.book({ date: "2027-03-02", startTime: "12:00", endTime: "13:00" })).status).toBe("PROVISIONAL");
  });

  it('"Find free dates" gives the busy time as the reason', async () => {
    const w = await world();
    await addExternalCalendar(w.actor, { teamId: w.team.id }, { label: "Company diary", url: `${base}/team.ics?f=1` }, meta, NOW);
    const found = await findFreeDates(
      {
        programmeId: w.programme.id,
        venueId: w.school.id,
        teamId: w.team.id,
        from: "2027-03-01",
        weeks: 1,
        startTime: "10:30",
        endTime: "11:30",
      },
      NOW,
    );
    expect(Object.fromEntries(found.options.map((o) => [o.date, o.free ? "free" : o.reason]))).toEqual({
      "2027-03-01": "This date has passed",
      "2027-03-02": "Open Door is busy (from the team's calendar) 10am to 12pm",
      "2027-03-03": "free",
      "2027-03-04": "Open Door is busy (from the team's calendar) all day on Thursday 4 March 2027",
      "2027-03-05": "free",
    });
  });

  it("the tour planner plans around the busy time", async () => {
    const w = await world();
    await addExternalCalendar(w.actor, { teamId: w.team.id }, { label: "Company diary", url: `${base}/team.ics?p=1` }, meta, NOW);
    const schools = [w.school, await makeVenue(db, { name: "Thornbury High" }), await makeVenue(db, { name: "Ridgeway School" })];
    const input = await buildPlanInput(
      {
        programmeId: w.programme.id,
        teamIds: [w.team.id],
        from: "2027-03-01",
        to: "2027-03-05",
        venueIds: schools.map((s) => s.id),
        target: { kind: "EVERY_SCHOOL" },
        dayStart: "09:00",
        dayEnd: "15:00",
      },
      { now: NOW },
    );
    expect(input.busy).toHaveLength(3);
    const plan = planTour(input);
    expect(plan.sessions.length).toBeGreaterThan(0);
    const busy = EXPECTED_TEAM_BUSY.map((line) =>
      line
        .split(" ")
        .slice(0, 2)
        .map((t) => new Date(t).getTime()),
    );
    for (const s of plan.sessions) {
      const [from, to] = [new Date(s.startsAt).getTime(), new Date(s.endsAt).getTime()];
      expect(
        busy.some(([b, e]) => from < e && b < to),
        `${s.date} ${s.startTime}`,
      ).toBe(false);
    }
    expect(plan.sessions.map((s) => s.date)).not.toContain("2027-03-04");
  });
});

describe("the diary", () => {
  it("shows the team's busy time as busy, naming only the time", async () => {
    const w = await world();
    await addExternalCalendar(w.actor, { teamId: w.team.id }, { label: "Company diary", url: `${base}/team.ics?d=1` }, meta, NOW);
    const week = await diaryWeek({ viewer: w.actor, filters: { teamId: w.team.id }, date: "2027-03-01" });
    expect(Object.fromEntries(week.days.map((d) => [d.date, d.busy.map((b) => b.text)]))).toEqual({
      "2027-03-01": [],
      "2027-03-02": ["Open Door: busy (from the team's calendar) 10am to 12pm"],
      "2027-03-03": [],
      "2027-03-04": ["Open Door: busy (from the team's calendar) all day on Thursday 4 March 2027"],
      "2027-03-05": ["Open Door: busy (from the team's calendar) 2pm to 3pm"],
      "2027-03-06": [],
      "2027-03-07": [],
    });
  });
});
