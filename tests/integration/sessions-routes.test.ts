import { beforeAll, describe, expect, it } from "vitest";
import * as daySheet from "~/routes/diary.day-sheet";
import * as week from "~/routes/diary._index";
import * as month from "~/routes/diary.month";
import * as cancel from "~/routes/sessions.$sessionId.cancel";
import * as sessionPage from "~/routes/sessions.$sessionId._index";
import * as move from "~/routes/sessions.$sessionId.move";
import * as list from "~/routes/sessions._index";
import * as exportCsv from "~/routes/sessions.export";
import * as book from "~/routes/sessions.new";
import { db } from "~/utils/db.server";
import type { ErrorReply } from "~/web/errors.server";
import { makeProgramme, makeSession, makeTeam, makeVenue } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;

async function makeWorld() {
  const programme = await makeProgramme(db, { name: "Somebody's Daughter", getInMinutes: 60, getOutMinutes: 45, capacity: 240 });
  const team = await makeTeam(db, { name: "Touring team", workingWeekdays: "1,2,3,4,5,6,7", sessionsPerDay: 3 });
  const otherTeam = await makeTeam(db, { name: "Other team" });
  const venueA = await makeVenue(db, {
    kind: "COMMUNITY_VENUE",
    name: "Ashgrove Hall",
    postcode: "NF2 4LB",
    contact: { name: "Alison Reid", role: "Manager", email: "a@example.test", phone: "01632 960001" },
  });
  const venueB = await makeVenue(db, { kind: "COMMUNITY_VENUE", name: "Brookside Centre" });
  const coordinator = await signedInAs(["COORDINATOR"]);
  const facilitator = await signedInAs(["FACILITATOR"], { teamId: team.id });
  const otherFacilitator = await signedInAs(["FACILITATOR"], { teamId: otherTeam.id });
  const manager = await signedInAs(["MANAGER"]);
  const lead = await signedInAs(["LEAD"]);
  const admin = await signedInAs(["ADMIN"]);
  return { programme, team, otherTeam, venueA, venueB, coordinator, facilitator, otherFacilitator, manager, lead, admin };
}

beforeAll(async () => {
  w = await makeWorld();
});

const fields = (over: Record<string, string | string[]> = {}) => ({
  programmeId: w.programme.id,
  venueId: w.venueA.id,
  teamId: w.team.id,
  dateDay: "15",
  dateMonth: "3",
  dateYear: "2027",
  startTime: "10:00",
  endTime: "11:30",
  yearGroups: ["9", "10"],
  expectedPupils: "180",
  venueNotes: "Main hall",
  internalNotes: "Head is keen",
  ...over,
});
const reply = (data: unknown) => data as ErrorReply;

async function bookOk(over: Record<string, string | string[]> = {}) {
  const res = await run(book.action, post("/sessions/new", fields(over), w.coordinator.cookie));
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return res.headers.get("Location")!.split("/").pop()!;
}

describe("who may open the booking pages", () => {
  it("sends the signed-out to sign in and refuses roles without the permission", async () => {
    expect((await run(book.loader, get("/sessions/new"))).status).toBe(302);
    expect((await run(week.loader, get("/diary"))).status).toBe(302);
    for (const who of [w.facilitator, w.manager, w.lead]) {
      expect((await run(book.loader, get("/sessions/new", who.cookie))).status).toBe(403);
      expect((await run(book.action, post("/sessions/new", fields(), who.cookie))).status).toBe(403);
    }
    for (const path of ["/diary", "/diary/month", "/sessions", "/sessions/export"]) {
      const handler = {
        "/diary": week.loader,
        "/diary/month": month.loader,
        "/sessions": list.loader,
        "/sessions/export": exportCsv.loader,
      }[path];
      expect((await run(handler, get(path, w.lead.cookie))).status).toBe(403);
      for (const who of [w.coordinator, w.facilitator, w.manager, w.admin])
        expect((await run(handler, get(path, who.cookie))).status).toBe(200);
    }
    expect(await db.session.count()).toBe(0);
  });
});

describe("booking through the form", () => {
  it("books a session and redirects to its page", async () => {
    const id = await bookOk();
    const saved = await db.session.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ status: "PROVISIONAL", yearGroups: "9,10", expectedPupils: 180, venueNotes: "Main hall" });
    const page = await run(sessionPage.loader, get(`/sessions/${id}`, w.coordinator.cookie), { sessionId: id });
    expect(page.status).toBe(200);
    const session = (page.data as { session: { startTime: string; internalNotes: string | null; changes: unknown[]; actions: unknown } })
      .session;
    expect(session).toMatchObject({ startTime: "10:00", internalNotes: "Head is keen", actions: { edit: true, move: true, cancel: true } });
    expect(session.changes).toHaveLength(1);
  });

  it("explains every problem with bad input, keeps it, and saves nothing (400)", async () => {
    const before = await db.session.count();
    const res = await run(
      book.action,
      post(
        "/sessions/new",
        {
          programmeId: "",
          dateDay: "31",
          dateMonth: "2",
          dateYear: "2027",
          startTime: "25:00",
          endTime: "",
          expectedPupils: "lots",
          yearGroups: "99",
        },
        w.coordinator.cookie,
      ),
    );
    expect(res.status).toBe(400);
    const { errors, values } = reply(res.data);
    expect(Object.keys(errors).sort()).toEqual(
      ["date", "endTime", "expectedPupils", "programmeId", "startTime", "teamId", "venueId", "yearGroups"].sort(),
    );
    expect(errors.date[0]).toMatch(/real date/);
    expect(values.startTime).toBe("25:00");
    expect(await db.session.count()).toBe(before);
  });

  it("names the clash and links to the clashing session (422), keeping the input", async () => {
    const first = await bookOk({ dateDay: "16" });
    const res = await run(
      book.action,
      post("/sessions/new", fields({ dateDay: "16", startTime: "11:00", endTime: "12:00", venueId: w.venueB.id }), w.coordinator.cookie),
    );
    expect(res.status).toBe(422);
    const r = reply(res.data);
    expect(r.errors.startTime[0]).toMatch(/Touring team is already booked: Somebody's Daughter at Ashgrove Hall/);
    expect(r.related).toEqual([{ id: first, text: expect.stringContaining("Somebody's Daughter at Ashgrove Hall (Touring team)") }]);
    expect(r.values.startTime).toBe("11:00");
  });

  it("asks for a reason when over capacity, then records it", async () => {
    const over = await run(book.action, post("/sessions/new", fields({ dateDay: "17", expectedPupils: "300" }), w.coordinator.cookie));
    expect(over.status).toBe(422);
    expect(reply(over.data)).toMatchObject({
      capacityWarning: true,
      errors: { capacityOverrideReason: [expect.stringMatching(/programme's capacity of 240/)] },
    });
    const id = await bookOk({ dateDay: "17", expectedPupils: "300", capacityOverrideReason: "Two sittings" });
    expect((await db.session.findUniqueOrThrow({ where: { id } })).capacityOverrideReason).toBe("Two sittings");
  });

  it("refuses a time the clocks skip, and the past without confirmation", async () => {
    const skipped = await run(
      book.action,
      post(
        "/sessions/new",
        fields({ dateDay: "28", dateMonth: "3", dateYear: "2027", startTime: "01:30", endTime: "03:00" }),
        w.coordinator.cookie,
      ),
    );
    expect(skipped.status).toBe(422);
    expect(reply(skipped.data).errors.startTime[0]).toMatch(/clocks go forward/);
    const past = await run(book.action, post("/sessions/new", fields({ dateYear: "2025" }), w.coordinator.cookie));
    expect(past.status).toBe(422);
    expect(reply(past.data).errors.date[0]).toMatch(/future/);
    const recorded = await bookOk({ dateYear: "2025", alreadyDelivered: "yes" });
    expect((await db.session.findUniqueOrThrow({ where: { id: recorded } })).status).toBe("DELIVERED");
  });

  it("refuses unknown programmes, venues and teams with 422, not 500", async () => {
    const res = await run(book.action, post("/sessions/new", fields({ dateDay: "18", venueId: "no-such-venue" }), w.coordinator.cookie));
    expect(res.status).toBe(422);
    expect(reply(res.data).errors.venueId[0]).toBe("Select a venue from the list");
  });
});

describe("session page, move and cancel", () => {
  it("shows a facilitator their own team's session read-only and hides others' (404)", async () => {
    const id = await bookOk({ dateDay: "22" });
    const own = await run(sessionPage.loader, get(`/sessions/${id}`, w.facilitator.cookie), { sessionId: id });
    expect(own.status).toBe(200);
    expect((own.data as { session: { actions: unknown; internalNotes: unknown } }).session).toMatchObject({
      actions: { edit: false, move: false, cancel: false },
      internalNotes: null,
    });
    expect((await run(sessionPage.loader, get(`/sessions/${id}`, w.otherFacilitator.cookie), { sessionId: id })).status).toBe(404);
    expect((await run(sessionPage.loader, get(`/sessions/${id}`, w.lead.cookie), { sessionId: id })).status).toBe(403);
    expect((await run(sessionPage.loader, get("/sessions/nope", w.coordinator.cookie), { sessionId: "nope" })).status).toBe(404);
    expect((await run(move.loader, get(`/sessions/${id}/move`, w.facilitator.cookie), { sessionId: id })).status).toBe(403);
    expect((await run(cancel.action, post(`/sessions/${id}/cancel`, { reason: "x" }, w.manager.cookie), { sessionId: id })).status).toBe(
      403,
    );
  });

  it("moves a session, keeping history, and refuses bad moves", async () => {
    const id = await bookOk({ dateDay: "23" });
    expect((await run(move.loader, get(`/sessions/${id}/move`, w.coordinator.cookie), { sessionId: id })).status).toBe(200);
    const bad = await run(
      move.action,
      post(
        `/sessions/${id}/move`,
        { venueId: w.venueA.id, teamId: w.team.id, dateDay: "", dateMonth: "", dateYear: "", startTime: "x", endTime: "11:00" },
        w.coordinator.cookie,
      ),
      { sessionId: id },
    );
    expect(bad.status).toBe(400);
    const moveTo = {
      venueId: w.venueB.id,
      teamId: w.team.id,
      dateDay: "24",
      dateMonth: "3",
      dateYear: "2027",
      startTime: "13:00",
      endTime: "14:30",
      reason: "Exams moved",
    };
    const moved = await run(move.action, post(`/sessions/${id}/move`, moveTo, w.coordinator.cookie), { sessionId: id });
    expect(moved.status).toBe(302);
    const saved = await db.session.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ venueId: w.venueB.id, icalSequence: 1 });
    const page = await run(sessionPage.loader, get(`/sessions/${id}`, w.coordinator.cookie), { sessionId: id });
    const changes = (page.data as { session: { changes: { kind: string; fieldChanges: { field: string }[] }[] } }).session.changes;
    expect(changes[0]).toMatchObject({ kind: "MOVED", fieldChanges: [{ field: "time" }, { field: "venue" }] });
    expect((await run(move.action, post("/sessions/nope/move", moveTo, w.coordinator.cookie), { sessionId: "nope" })).status).toBe(404);
  });

  it("cancels with a reason; a cancelled session cannot be cancelled or moved again", async () => {
    const id = await bookOk({ dateDay: "25" });
    const noReason = await run(cancel.action, post(`/sessions/${id}/cancel`, { reason: " " }, w.coordinator.cookie), { sessionId: id });
    expect(noReason.status).toBe(400);
    expect(reply(noReason.data).errors.reason[0]).toBe("Enter why the session is cancelled");
    expect(
      (await run(cancel.action, post(`/sessions/${id}/cancel`, { reason: "School closed" }, w.coordinator.cookie), { sessionId: id }))
        .status,
    ).toBe(302);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).status).toBe("CANCELLED");
    expect(
      (await run(cancel.action, post(`/sessions/${id}/cancel`, { reason: "Again" }, w.coordinator.cookie), { sessionId: id })).status,
    ).toBe(422);
    expect((await run(cancel.loader, get(`/sessions/${id}/cancel`, w.coordinator.cookie), { sessionId: id })).status).toBe(404);
    expect((await run(move.loader, get(`/sessions/${id}/move`, w.coordinator.cookie), { sessionId: id })).status).toBe(404);
    expect(
      (await run(cancel.action, post("/sessions/nope/cancel", { reason: "x" }, w.coordinator.cookie), { sessionId: "nope" })).status,
    ).toBe(404);
  });
});

describe("diary, list, CSV and day sheet", () => {
  it("shows the typed time across the clock changes in the week and month views", async () => {
    const spring = await makeSession(db, {
      programmeId: w.programme.id,
      venueId: w.venueA.id,
      teamId: w.team.id,
      date: "2026-03-29",
      start: "10:00",
      end: "11:30",
      status: "DELIVERED",
    });
    const autumn = await makeSession(db, {
      programmeId: w.programme.id,
      venueId: w.venueA.id,
      teamId: w.team.id,
      date: "2026-10-25",
      start: "10:00",
      end: "11:30",
      status: "DELIVERED",
    });
    type Week = { week: { start: string; days: { date: string; sessions: { id: string; startTime: string }[] }[] } };
    const springWeek = (await run(week.loader, get(`/diary?week=2026-03-29&team=${w.team.id}`, w.coordinator.cookie))).data as Week;
    expect(springWeek.week.start).toBe("2026-03-23");
    expect(springWeek.week.days[6].sessions).toEqual([expect.objectContaining({ id: spring.id, startTime: "10:00" })]);
    const autumnWeek = (await run(week.loader, get(`/diary?week=2026-10-25&team=${w.team.id}`, w.facilitator.cookie))).data as Week;
    expect(autumnWeek.week.days[6].sessions).toEqual([expect.objectContaining({ id: autumn.id, startTime: "10:00" })]);
    type Month = { month: { weeks: { date: string; sessions: { id: string; startTime: string }[] }[][] } };
    const octMonth = (await run(month.loader, get(`/diary/month?month=2026-10&team=${w.team.id}`, w.manager.cookie))).data as Month;
    const oct25 = octMonth.month.weeks.flat().find((d) => d.date === "2026-10-25")!;
    expect(oct25.sessions).toEqual([expect.objectContaining({ id: autumn.id, startTime: "10:00" })]);
    expect(octMonth.month.weeks.every((wk) => wk.length === 7)).toBe(true);
  });

  it("scopes facilitators to their own team in the list and CSV, with filters and pagination", async () => {
    const other = await makeSession(db, {
      programmeId: w.programme.id,
      venueId: w.venueB.id,
      teamId: w.otherTeam.id,
      date: "2027-04-06",
      start: "10:00",
      end: "11:00",
    });
    type List = { sessions: { items: { id: string }[]; total: number; pageCount: number } };
    const mine = (await run(list.loader, get("/sessions", w.facilitator.cookie))).data as List;
    expect(mine.sessions.items.some((s) => s.id === other.id)).toBe(false);
    const theirs = (await run(list.loader, get("/sessions", w.otherFacilitator.cookie))).data as List;
    expect(theirs.sessions.items.map((s) => s.id)).toEqual([other.id]);
    const filtered = (await run(list.loader, get(`/sessions?team=${w.otherTeam.id}&status=PROVISIONAL`, w.coordinator.cookie)))
      .data as List;
    expect(filtered.sessions.total).toBe(1);
    const garbage = await run(list.loader, get("/sessions?status=BOGUS&page=-3", w.coordinator.cookie));
    expect(garbage.status).toBe(200);
    const csv = await exportCsv.loader({
      request: get("/sessions/export", w.facilitator.cookie),
      params: {},
      context: { requestId: "TEST", cspNonce: "" },
    });
    const text = await (csv as Response).text();
    expect((csv as Response).headers.get("Content-Type")).toMatch(/text\/csv/);
    expect(text).toContain("Date,Start,End,Programme,Venue");
    expect(text).toContain("Touring team");
    expect(text).not.toContain(other.id);
  });

  it("prints a team's day in order with get-in times, contacts and travel gaps", async () => {
    await bookOk({ dateDay: "29", dateMonth: "3", startTime: "09:30", endTime: "11:00" });
    await bookOk({ dateDay: "29", dateMonth: "3", venueId: w.venueB.id, startTime: "14:00", endTime: "15:00" });
    type Sheet = {
      sheet: { sessions: { startTime: string; getInTime: string; travelMinutesBefore: number | null; contact: { name: string } | null }[] };
    };
    const res = await run(daySheet.loader, get(`/diary/day-sheet?team=${w.team.id}&date=2027-03-29`, w.facilitator.cookie));
    expect(res.status).toBe(200);
    const sheet = (res.data as Sheet).sheet;
    expect(sheet.sessions.map((s) => [s.startTime, s.getInTime, s.travelMinutesBefore])).toEqual([
      ["09:30", "08:30", null],
      ["14:00", "13:00", 75],
    ]);
    expect(sheet.sessions[0].contact?.name).toBe("Alison Reid");
    expect((await run(daySheet.loader, get(`/diary/day-sheet?team=${w.team.id}&date=2027-03-29`, w.otherFacilitator.cookie))).status).toBe(
      404,
    );
    expect((await run(daySheet.loader, get("/diary/day-sheet?team=x&date=yesterday", w.coordinator.cookie))).status).toBe(404);
  });
});
