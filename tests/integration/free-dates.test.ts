// Finding free dates: each working day judged by the booking rules (calendar, clashes, sessions per day, the clock
// change), the search page (a GET form) and the booking form filled in from a free day's link.
import { beforeAll, describe, expect, it } from "vitest";
import { findFreeDates, type FreeDatesInput } from "~/models/sessions/free-dates.server";
import * as findDates from "~/routes/sessions.find-dates";
import * as book from "~/routes/sessions.new";
import { db } from "~/utils/db.server";
import type { FormReply } from "~/web/forms.server";
import { makeClosure, makeProgramme, makeSession, makeTeam, makeVenue } from "../factories";
import { get, run, signedInAs } from "../setup/requests";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;

async function makeWorld() {
  const programme = await makeProgramme(db, { name: "Somebody's Daughter", getInMinutes: 0, getOutMinutes: 0 });
  const team = await makeTeam(db, { name: "Open Door", sessionsPerDay: 1 });
  const otherTeam = await makeTeam(db, { name: "Second company", sessionsPerDay: 3 });
  const school = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Castle Mead Academy" });
  const elsewhere = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Thornbury High" });
  await makeClosure(db, { venueId: school.id, startDate: "2027-03-23", reason: "INSET" });
  const session = (over: { venueId: string; teamId: string; date: string; start: string; end: string }) =>
    makeSession(db, { programmeId: programme.id, status: "CONFIRMED", ...over });
  const teamBusy = await session({ venueId: elsewhere.id, teamId: team.id, date: "2027-03-24", start: "10:00", end: "11:00" });
  const hallBusy = await session({ venueId: school.id, teamId: otherTeam.id, date: "2027-03-25", start: "09:00", end: "10:00" });
  const afternoon = await session({ venueId: elsewhere.id, teamId: team.id, date: "2027-03-30", start: "14:00", end: "15:00" });
  // A cancelled session holds nothing.
  await makeSession(db, {
    programmeId: programme.id,
    venueId: school.id,
    teamId: team.id,
    date: "2027-03-31",
    start: "09:30",
    end: "11:00",
    status: "CANCELLED",
  });
  return { programme, team, otherTeam, school, elsewhere, teamBusy, hallBusy, afternoon };
}

beforeAll(async () => {
  w = await makeWorld();
});

const search = (over: Partial<FreeDatesInput> = {}): FreeDatesInput => ({
  programmeId: w.programme.id,
  venueId: w.school.id,
  teamId: w.team.id,
  from: "2027-03-22",
  weeks: 2,
  startTime: "09:30",
  endTime: "11:00",
  ...over,
});
const march = new Date("2027-03-01T12:00:00Z");

describe("findFreeDates", () => {
  it("judges each of the team's working days as a booking would, naming what is in the way", async () => {
    const found = await findFreeDates(search(), march);
    expect(found).toMatchObject({
      programmeName: "Somebody's Daughter",
      venueName: "Castle Mead Academy",
      teamName: "Open Door",
      from: "2027-03-22",
      to: "2027-04-04",
    });
    const byDate = Object.fromEntries(found.options.map((o) => [o.date, o.free ? "free" : o.reason]));
    expect(byDate).toEqual({
      "2027-03-22": "free",
      "2027-03-23": expect.stringMatching(/INSET/),
      "2027-03-24": "Open Door is already booked at that time",
      "2027-03-25": "Castle Mead Academy is already in use at that time",
      "2027-03-26": expect.stringMatching(/bank holiday \(Good Friday\)/),
      "2027-03-29": expect.stringMatching(/bank holiday \(Easter Monday\)/),
      "2027-03-30": "Open Door already has 1 session that day",
      "2027-03-31": "free",
      "2027-04-01": "free",
      "2027-04-02": "free",
    });
    // The sessions in the way are named, so the coordinator can open them.
    const clash = found.options.find((o) => o.date === "2027-03-24");
    expect(clash).toMatchObject({
      free: false,
      sessions: [{ id: w.teamBusy.id, venueName: "Thornbury High", teamName: "Open Door", reason: "TEAM" }],
    });
    expect(found.options.find((o) => o.date === "2027-03-25")).toMatchObject({ sessions: [{ id: w.hallBusy.id, reason: "VENUE" }] });
    expect(found.options.find((o) => o.date === "2027-03-30")).toMatchObject({ sessions: [{ id: w.afternoon.id }] });
  });

  it("counts the travel buffer between venues and the day that has started", async () => {
    // 11:15 at Castle Mead after 10:00–11:00 at Thornbury High is inside the 45-minute travel buffer.
    const late = await findFreeDates(search({ from: "2027-03-24", weeks: 1, startTime: "11:15", endTime: "12:00" }), march);
    expect(late.options[0]).toMatchObject({ date: "2027-03-24", free: false, reason: "Open Door is already booked at that time" });
    const later = await findFreeDates(search({ from: "2027-03-24", weeks: 1, startTime: "11:45", endTime: "12:30" }), march);
    // Past the buffer the team is free at that time, but the team's one session a day is taken.
    expect(later.options[0]).toMatchObject({ date: "2027-03-24", free: false, reason: "Open Door already has 1 session that day" });
    // At 10:00 on 22 March the 09:30 session can no longer be booked.
    const started = await findFreeDates(search({ weeks: 1 }), new Date("2027-03-22T10:00:00Z"));
    expect(started.options[0]).toMatchObject({ date: "2027-03-22", free: false, reason: "This date has passed" });
  });

  it("refuses a time that the spring clock change skips, and accepts it on the autumn night", async () => {
    const weekend = await makeTeam(db, { workingWeekdays: "1,2,3,4,5,6,7", sessionsPerDay: 3 });
    const hall = await makeVenue(db, { kind: "COMMUNITY_VENUE" });
    const night = (from: string) =>
      findFreeDates(search({ teamId: weekend.id, venueId: hall.id, from, weeks: 1, startTime: "01:30", endTime: "02:45" }), march);
    const spring = await night("2027-03-22");
    expect(spring.options.find((o) => o.date === "2027-03-28")).toMatchObject({
      free: false,
      reason: expect.stringMatching(/clocks go forward/),
    });
    expect(spring.options.find((o) => o.date === "2027-03-27")).toMatchObject({ free: true });
    const autumn = await night("2027-10-25");
    expect(autumn.options.find((o) => o.date === "2027-10-31")).toMatchObject({ free: true });
  });

  it("refuses an end before the start and a programme, venue or team that cannot be booked", async () => {
    await expect(findFreeDates(search({ startTime: "11:00", endTime: "09:30" }), march)).rejects.toMatchObject({ field: "endTime" });
    const archived = await makeTeam(db);
    await db.team.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await expect(findFreeDates(search({ teamId: archived.id }), march)).rejects.toMatchObject({ field: "teamId" });
    await expect(findFreeDates(search({ venueId: "no-such-venue" }), march)).rejects.toMatchObject({ field: "venueId" });
  });
});

describe("the find-free-dates page", () => {
  const query = (fields: Record<string, string>) => `/sessions/find-dates?${new URLSearchParams({ find: "1", ...fields })}`;
  const valid = () => ({
    programmeId: w.programme.id,
    venueId: w.school.id,
    teamId: w.team.id,
    dateDay: "22",
    dateMonth: "3",
    dateYear: "2027",
    weeks: "2",
    startTime: "9:30",
    endTime: "11:00",
  });
  type Loaded = { reply?: FormReply; result: { options: { date: string; free: boolean }[]; startTime: string } | null };

  it("shows an empty form until it is submitted, and only to those who book", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const blank = await run(findDates.loader, get("/sessions/find-dates", cookie));
    expect(blank.status).toBe(200);
    expect(blank.data).toMatchObject({ reply: undefined, result: null });
    const manager = await signedInAs(["MANAGER"]);
    expect((await run(findDates.loader, get("/sessions/find-dates", manager.cookie))).status).toBe(403);
  });

  it("names each problem and keeps what was typed", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const res = await run(
      findDates.loader,
      get(query({ ...valid(), venueId: "", dateDay: "31", dateMonth: "2", weeks: "52", startTime: "25:00" }), cookie),
    );
    expect(res.status).toBe(400);
    const { reply } = res.data as Loaded;
    expect(Object.keys(reply!.errors).sort()).toEqual(["date", "startTime", "venueId", "weeks"]);
    expect(reply!.errors.date[0]).toMatch(/real date/);
    expect(reply!.values).toMatchObject({ dateDay: "31", startTime: "25:00", teamId: w.team.id });

    const backwards = await run(findDates.loader, get(query({ ...valid(), startTime: "11:00", endTime: "09:30" }), cookie));
    expect(backwards.status).toBe(422);
    expect((backwards.data as Loaded).reply!.errors.endTime[0]).toBe("The end time must be after the start time");
  });

  it("lists the days, and a free day's link fills in the booking form", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const res = await run(findDates.loader, get(query(valid()), cookie));
    expect(res.status).toBe(200);
    const { result } = res.data as Loaded;
    expect(result!.startTime).toBe("09:30");
    expect(result!.options.filter((o) => o.free).map((o) => o.date)).toContain("2027-03-31");

    const link = `/sessions/new?${new URLSearchParams({ programmeId: w.programme.id, venueId: w.school.id, teamId: w.team.id, date: "2027-03-31", startTime: "09:30", endTime: "11:00" })}`;
    const form = await run(book.loader, get(link, cookie));
    expect((form.data as { prefill: unknown }).prefill).toEqual({
      programmeId: w.programme.id,
      venueId: w.school.id,
      teamId: w.team.id,
      date: "2027-03-31",
      startTime: "09:30",
      endTime: "11:00",
    });
    // What cannot be an id, a date or a time is left out.
    const odd = await run(book.loader, get("/sessions/new?venueId=%3Cscript%3E&date=31-03-2027&startTime=9.30", cookie));
    expect((odd.data as { prefill: Record<string, unknown> }).prefill).toEqual({
      programmeId: undefined,
      venueId: undefined,
      teamId: undefined,
      date: undefined,
      startTime: undefined,
      endTime: undefined,
    });
  });
});
