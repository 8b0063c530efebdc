// Targets: add, change and delete (audited in the same transaction), every validation path, the duplicate rule, and
// progress from real delivered sessions with attendance.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTarget, deleteTarget, listTargets, targetProgress, updateTarget, type TargetRow } from "~/models/targets.server";
import * as targetsPage from "~/routes/reports.targets._index";
import * as newTarget from "~/routes/reports.targets.new";
import * as editTarget from "~/routes/reports.targets.$targetId.edit";
import * as deleteTargetPage from "~/routes/reports.targets.$targetId.delete";
import { db } from "~/utils/db.server";
import { targetSchema } from "~/forms/targets.server";
import { addDays } from "~/utils/time";
import { makePerson, makeProgramme, makeRegisterEntry, makeSession, makeTarget, makeTeam, makeVenue } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";
import { allowAuditInserts, refuseAuditInserts } from "./disclosures-helpers";

type Reply = { values: Record<string, string>; errors: Record<string, string[]> };
const reply = (data: unknown) => data as Reply;

const dateFields = (prefix: string, date: string) => {
  const [year, month, day] = date.split("-");
  return { [`${prefix}Day`]: String(Number(day)), [`${prefix}Month`]: String(Number(month)), [`${prefix}Year`]: year };
};
const form = (overrides: Record<string, string> = {}) => ({
  metric: "PUPILS_REACHED",
  value: "4,000",
  ...dateFields("from", "2026-09-01"),
  ...dateFields("to", "2027-07-21"),
  note: "Year 10 pupils, commissioned by the council",
  ...overrides,
});

let manager: { cookie: string; user: { id: string; email: string } };
beforeAll(async () => {
  manager = await signedInAs(["MANAGER"]);
});

describe("adding, changing and deleting a target", () => {
  it("lets a manager add, change and delete a target, each with its audit row", async () => {
    const play = await makeProgramme(db, { name: "Chelsea's Choice" });
    const created = await run(newTarget.action, post("/reports/targets/new", form({ programmeId: play.id }), manager.cookie));
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toBe("/reports/targets");
    const saved = await db.target.findFirstOrThrow({ where: { programmeId: play.id } });
    expect(saved).toMatchObject({
      metric: "PUPILS_REACHED",
      value: 4000,
      fromDate: "2026-09-01",
      toDate: "2027-07-21",
      note: "Year 10 pupils, commissioned by the council",
    });

    const edit = await run(editTarget.loader, get(`/reports/targets/${saved.id}/edit`, manager.cookie), { targetId: saved.id });
    expect(edit.status).toBe(200);
    expect((edit.data as { target: { id: string } }).target.id).toBe(saved.id);
    const changed = await run(
      editTarget.action,
      post(`/reports/targets/${saved.id}/edit`, form({ programmeId: play.id, value: "4500", note: "" }), manager.cookie),
      { targetId: saved.id },
    );
    expect(changed.status).toBe(302);
    expect(await db.target.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ value: 4500, note: null });

    const confirm = await run(deleteTargetPage.loader, get(`/reports/targets/${saved.id}/delete`, manager.cookie), { targetId: saved.id });
    expect(confirm.status).toBe(200);
    expect(await db.target.count({ where: { id: saved.id } })).toBe(1); // GET only asks
    const unanswered = await run(deleteTargetPage.action, post(`/reports/targets/${saved.id}/delete`, {}, manager.cookie), {
      targetId: saved.id,
    });
    expect(unanswered.status).toBe(400);
    expect(reply(unanswered.data).errors.confirm).toEqual(["Select yes if you want to delete this target"]);
    expect(
      (
        await run(deleteTargetPage.action, post(`/reports/targets/${saved.id}/delete`, { confirm: "no" }, manager.cookie), {
          targetId: saved.id,
        })
      ).status,
    ).toBe(302);
    expect(await db.target.count({ where: { id: saved.id } })).toBe(1);
    expect(
      (
        await run(deleteTargetPage.action, post(`/reports/targets/${saved.id}/delete`, { confirm: "yes" }, manager.cookie), {
          targetId: saved.id,
        })
      ).status,
    ).toBe(302);
    expect(await db.target.count({ where: { id: saved.id } })).toBe(0);

    const audit = await db.auditEvent.findMany({ where: { entityType: "Target", entityId: saved.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["target.created", manager.user.id],
      ["target.updated", manager.user.id],
      ["target.deleted", manager.user.id],
    ]);
    const snapshot = { metric: "PUPILS_REACHED", programmeId: play.id, fromDate: "2026-09-01", toDate: "2027-07-21" };
    expect(audit[0].details).toEqual({ v: 1, after: { ...snapshot, value: 4000, note: "Year 10 pupils, commissioned by the council" } });
    expect(audit[1].details).toEqual({
      v: 1,
      before: { ...snapshot, value: 4000, note: "Year 10 pupils, commissioned by the council" },
      after: { ...snapshot, value: 4500, note: null },
    });
    expect(audit[2].details).toEqual({ v: 1, before: { ...snapshot, value: 4500, note: null } });
  });

  describe("a failed audit write undoes the change", () => {
    afterEach(allowAuditInserts);
    const actor = () => ({ id: manager.user.id, email: manager.user.email, roles: ["MANAGER"] });
    const meta = { ip: null, userAgent: null };
    const input = (from: string, to: string) =>
      targetSchema.parse({ metric: "SESSIONS_DELIVERED", value: "50", ...dateFields("from", from), ...dateFields("to", to) });

    it("on create", async () => {
      await refuseAuditInserts("target.created");
      await expect(createTarget(actor(), input("2030-01-01", "2030-03-31"), meta)).rejects.toThrow();
      expect(await db.target.count({ where: { fromDate: "2030-01-01" } })).toBe(0);
    });

    it("on change and on delete", async () => {
      const target = await makeTarget(db, { metric: "SESSIONS_DELIVERED", value: 40, fromDate: "2031-01-01", toDate: "2031-03-31" });
      await refuseAuditInserts("target.updated");
      await expect(updateTarget(actor(), target.id, input("2031-01-01", "2031-06-30"), meta)).rejects.toThrow();
      expect(await db.target.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ value: 40, toDate: "2031-03-31" });
      await allowAuditInserts();
      await refuseAuditInserts("target.deleted");
      await expect(deleteTarget(actor(), target.id, meta)).rejects.toThrow();
      expect(await db.target.count({ where: { id: target.id } })).toBe(1);
    });
  });

  it("answers 404 for a target that does not exist, on every page and action", async () => {
    for (const targetId of ["nope", "bad\u0000id"]) {
      expect((await run(editTarget.action, post(`/reports/targets/x/edit`, {}, manager.cookie), { targetId })).status).toBe(404);
      expect((await run(deleteTargetPage.action, post(`/reports/targets/x/delete`, {}, manager.cookie), { targetId })).status).toBe(404);
      expect((await run(editTarget.loader, get(`/reports/targets/x/edit`, manager.cookie), { targetId })).status).toBe(404);
      expect((await run(editTarget.action, post(`/reports/targets/x/edit`, form(), manager.cookie), { targetId })).status).toBe(404);
      expect((await run(deleteTargetPage.loader, get(`/reports/targets/x/delete`, manager.cookie), { targetId })).status).toBe(404);
      expect(
        (await run(deleteTargetPage.action, post(`/reports/targets/x/delete`, { confirm: "yes" }, manager.cookie), { targetId })).status,
      ).toBe(404);
    }
  });

  it("is for managers and admins; coordinators and leads read progress only", async () => {
    for (const role of ["COORDINATOR", "LEAD", "FACILITATOR"] as const) {
      const { cookie } = await signedInAs([role]);
      expect((await run(newTarget.action, post("/reports/targets/new", form({ metric: "PEOPLE_TRAINED" }), cookie))).status).toBe(403);
      const list = await run(targetsPage.loader, get("/reports/targets", cookie));
      expect(list.status).toBe(role === "FACILITATOR" ? 403 : 200);
      if (list.status === 200) expect((list.data as { canManage: boolean }).canManage).toBe(false);
    }
    expect(await db.target.count({ where: { metric: "PEOPLE_TRAINED", fromDate: "2026-09-01" } })).toBe(0);
    const { cookie } = await signedInAs(["ADMIN"]);
    expect((await run(targetsPage.loader, get("/reports/targets", cookie))).data).toMatchObject({ canManage: true });
  });
});

describe("validation", () => {
  const attempt = async (fields: Record<string, string>) => {
    const res = await run(newTarget.action, post("/reports/targets/new", fields, manager.cookie));
    return { status: res.status, errors: reply(res.data)?.errors ?? {}, values: reply(res.data)?.values ?? {} };
  };

  it("explains every missing answer at once (400)", async () => {
    const res = await attempt({});
    expect(res.status).toBe(400);
    expect(res.errors).toEqual({
      metric: ["Select what the target counts"],
      value: ["Enter the target number"],
      from: ["Enter the start date"],
      to: ["Enter the end date"],
    });
  });

  it("refuses a metric not in the list and numbers that are not whole numbers from 1 to 1,000,000, keeping the input", async () => {
    expect((await attempt(form({ metric: "MAGIC" }))).errors).toEqual({ metric: ["Select what the target counts"] });
    for (const value of ["0", "-5", "1.5", "1000001", "lots", "1e3", "9".repeat(20)]) {
      const res = await attempt(form({ value }));
      expect(res.status, value).toBe(400);
      expect(res.errors).toEqual({ value: ["The target must be a whole number between 1 and 1,000,000"] });
      expect(res.values.value).toBe(value);
    }
    expect(targetSchema.parse(form({ value: "1,000,000" })).value).toBe(1_000_000);
    expect(targetSchema.parse(form({ value: " 300 " })).value).toBe(300);
  });

  it("needs real dates, the end on or after the start, and a period of at most 2 years", async () => {
    expect((await attempt(form({ fromDay: "31", fromMonth: "2", fromYear: "2027" }))).errors).toEqual({
      from: ["The start date must be a real date"],
    });
    expect((await attempt(form({ toDay: "", toMonth: "7", toYear: "2027" }))).errors).toEqual({
      to: ["The end date must include a day, month and year"],
    });
    expect((await attempt(form({ ...dateFields("to", "2026-08-31") }))).errors).toEqual({
      to: ["The end date must be the same as or after the start date"],
    });
    expect((await attempt(form({ ...dateFields("to", "2028-09-01") }))).errors).toEqual({ to: ["The period must be 2 years or shorter"] });
    expect(targetSchema.parse(form({ ...dateFields("to", "2028-08-31") })).toDate).toBe("2028-08-31");
    expect(targetSchema.parse(form({ ...dateFields("to", "2026-09-01") })).toDate).toBe("2026-09-01"); // a one-day target
  });

  it("refuses a programme that is not in the list (400), does not exist or is archived (422)", async () => {
    expect((await attempt(form({ programmeId: "not an id!" }))).errors).toEqual({ programmeId: ["Select a programme from the list"] });
    const missing = await attempt(form({ programmeId: "no-such-programme" }));
    expect(missing.status).toBe(422);
    expect(missing.errors).toEqual({ programmeId: ["Select a programme from the list"] });
    const old = await makeProgramme(db, { name: "Old Play" });
    await db.programme.update({ where: { id: old.id }, data: { archivedAt: new Date() } });
    const archived = await attempt(form({ programmeId: old.id }));
    expect(archived.status).toBe(422);
    expect(archived.errors.programmeId).toEqual(["Old Play is archived: choose a current programme, or all programmes"]);
    expect(await db.target.count({ where: { programmeId: old.id } })).toBe(0);
  });

  it("keeps an archived programme on a target that already had it", async () => {
    const old = await makeProgramme(db, { name: "Retired Play" });
    const target = await makeTarget(db, {
      metric: "PUPILS_REACHED",
      value: 100,
      fromDate: "2025-09-01",
      toDate: "2026-08-31",
      programmeId: old.id,
    });
    await db.programme.update({ where: { id: old.id }, data: { archivedAt: new Date() } });
    const edit = await run(editTarget.loader, get(`/reports/targets/${target.id}/edit`, manager.cookie), { targetId: target.id });
    expect((edit.data as { programmes: { id: string }[] }).programmes.map((p) => p.id)).toContain(old.id);
    const res = await run(
      editTarget.action,
      post(
        `/reports/targets/${target.id}/edit`,
        form({ programmeId: old.id, value: "120", ...dateFields("from", "2025-09-01"), ...dateFields("to", "2026-08-31") }),
        manager.cookie,
      ),
      { targetId: target.id },
    );
    expect(res.status).toBe(302);
  });

  it("refuses a note longer than 500 characters", async () => {
    expect((await attempt(form({ note: "x".repeat(501) }))).errors).toEqual({ note: ["Note must be 500 characters or fewer"] });
  });
});

describe("the duplicate rule", () => {
  it("refuses a second target for the same metric and programme over an overlapping period (422), naming the first", async () => {
    const play = await makeProgramme(db, { name: "Somebody's Sister" });
    const first = await makeTarget(db, {
      metric: "SCHOOLS_COVERED",
      value: 14,
      fromDate: "2026-09-01",
      toDate: "2027-08-31",
      programmeId: play.id,
    });
    const overlapping = await run(
      newTarget.action,
      post(
        "/reports/targets/new",
        form({
          metric: "SCHOOLS_COVERED",
          value: "12",
          programmeId: play.id,
          ...dateFields("from", "2027-08-31"),
          ...dateFields("to", "2027-12-31"),
        }),
        manager.cookie,
      ),
    );
    expect(overlapping.status).toBe(422);
    expect(reply(overlapping.data).errors.from).toEqual([
      "There is already a target for Schools and colleges covered (Somebody's Sister), 1 Sept 2026 to 31 Aug 2027 (14): change that target or choose a period that does not overlap it",
    ]);
    expect(reply(overlapping.data).values.value).toBe("12");
    // The next day, another programme, all programmes or another metric are all different targets.
    const allowed = [
      form({
        metric: "SCHOOLS_COVERED",
        value: "12",
        programmeId: play.id,
        ...dateFields("from", "2027-09-01"),
        ...dateFields("to", "2027-12-31"),
      }),
      form({ metric: "SCHOOLS_COVERED", value: "12", ...dateFields("from", "2026-09-01"), ...dateFields("to", "2027-08-31") }),
      form({
        metric: "SESSIONS_DELIVERED",
        value: "12",
        programmeId: play.id,
        ...dateFields("from", "2026-09-01"),
        ...dateFields("to", "2027-08-31"),
      }),
    ];
    for (const fields of allowed)
      expect((await run(newTarget.action, post("/reports/targets/new", fields, manager.cookie))).status).toBe(302);
    // Two targets for all programmes collide too.
    const again = await run(
      newTarget.action,
      post("/reports/targets/new", { ...allowed[1], ...dateFields("from", "2027-01-01") }, manager.cookie),
    );
    expect(again.status).toBe(422);
    expect(reply(again.data).errors.from[0]).toContain("Schools and colleges covered, 1 Sept 2026 to 31 Aug 2027 (12)");
    // Changing a target never collides with itself, but may not be moved onto another.
    const sameSelf = await run(
      editTarget.action,
      post(
        `/reports/targets/${first.id}/edit`,
        form({
          metric: "SCHOOLS_COVERED",
          value: "15",
          programmeId: play.id,
          ...dateFields("from", "2026-09-01"),
          ...dateFields("to", "2027-08-31"),
        }),
        manager.cookie,
      ),
      { targetId: first.id },
    );
    expect(sameSelf.status).toBe(302);
    const ontoAnother = await run(
      editTarget.action,
      post(
        `/reports/targets/${first.id}/edit`,
        form({
          metric: "SCHOOLS_COVERED",
          value: "15",
          programmeId: play.id,
          ...dateFields("from", "2026-09-01"),
          ...dateFields("to", "2027-09-01"),
        }),
        manager.cookie,
      ),
      { targetId: first.id },
    );
    expect(ontoAnother.status).toBe(422);
    expect(await db.target.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ value: 15, toDate: "2027-08-31" });
  });
});

describe("the duplicate rule under concurrent changes", () => {
  it("saves one of several identical targets added at the same moment", async () => {
    const play = await makeProgramme(db, { name: "Somebody's Cousin" });
    const input = {
      metric: "PUPILS_REACHED" as const,
      programmeId: play.id,
      value: 500,
      fromDate: "2026-09-01",
      toDate: "2027-07-21",
      note: null,
    };
    const meta = { ip: "127.0.0.1", userAgent: "vitest" };
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => createTarget({ ...manager.user, roles: ["MANAGER"] }, input, meta)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected"))
      expect(r.reason).toMatchObject({ name: "DuplicateTargetError" });
    expect(await db.target.count({ where: { programmeId: play.id } })).toBe(1);
  });
});

describe("progress to target", () => {
  // 13 March 2027, 10:00 London: 193 days since 1 September 2026.
  const now = new Date("2027-03-13T10:00:00Z");
  let rows: Record<string, TargetRow>;

  beforeAll(async () => {
    const team = await makeTeam(db);
    const play = await makeProgramme(db, { name: "Progress Play" });
    const drivers = await makeProgramme(db, {
      name: "Driver safeguarding",
      kind: "DRIVER_TRAINING",
      audienceType: "DRIVERS",
      yearGroups: "",
    });
    const [a, b, c] = [
      await makeVenue(db, { name: "Alpha Academy" }),
      await makeVenue(db, { name: "Beta College", kind: "COLLEGE" }),
      await makeVenue(db, { name: "Gamma School" }),
    ];
    const hall = await makeVenue(db, { name: "Civic hall", kind: "COMMUNITY_VENUE" });
    const session = (
      programmeId: string,
      venueId: string,
      date: string,
      status: "DELIVERED" | "CONFIRMED" | "CANCELLED",
      expectedPupils?: number,
    ) => makeSession(db, { programmeId, venueId, teamId: team.id, date, start: "10:00", end: "11:30", status, expectedPupils });
    const pupils = async (sessionId: string, girls: number, boys: number) =>
      db.attendanceCount.createMany({
        data: [
          { sessionId, yearGroup: "10", sex: "GIRL", count: girls },
          { sessionId, yearGroup: "10", sex: "BOY", count: boys },
        ],
      });
    await pupils((await session(play.id, a.id, "2026-10-20", "DELIVERED")).id, 700, 650);
    await pupils((await session(play.id, b.id, "2027-02-10", "DELIVERED")).id, 800, 800);
    await pupils((await session(play.id, c.id, "2027-02-11", "CANCELLED")).id, 500, 500); // cancelled: not counted
    await session(play.id, c.id, "2027-04-20", "CONFIRMED", 600); // booked ahead, in the summer term
    await session(play.id, a.id, "2027-09-20", "CONFIRMED", 900); // after the period: not in the pipeline
    const course = await session(drivers.id, hall.id, "2027-01-15", "DELIVERED");
    const trained = [];
    for (const status of ["ATTENDED", "ATTENDED", "ABSENT"] as const) {
      const person = await makePerson(db);
      trained.push(person);
      await makeRegisterEntry(db, { sessionId: course.id, personId: person.id, status });
    }
    // A course ahead: the absent driver comes again (booked), one already trained comes again (not counted twice).
    const courseAhead = await session(drivers.id, hall.id, "2027-03-20", "CONFIRMED");
    for (const person of [trained[1], trained[2]])
      await makeRegisterEntry(db, { sessionId: courseAhead.id, personId: person.id, status: "EXPECTED" });
    const t = async (
      metric: "PUPILS_REACHED" | "SCHOOLS_COVERED" | "SESSIONS_DELIVERED" | "PEOPLE_TRAINED",
      value: number,
      fromDate: string,
      toDate: string,
      programmeId?: string,
    ) => {
      const { id } = await makeTarget(db, { metric, value, fromDate, toDate, programmeId });
      return await db.target.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          metric: true,
          value: true,
          fromDate: true,
          toDate: true,
          note: true,
          programmeId: true,
          programme: { select: { id: true, name: true } },
        },
      });
    };
    rows = {
      pupils: await t("PUPILS_REACHED", 4000, "2026-09-01", "2027-07-21", play.id),
      schools: await t("SCHOOLS_COVERED", 3, "2026-09-01", "2027-08-31", play.id),
      sessions: await t("SESSIONS_DELIVERED", 3, "2026-09-01", "2027-08-31", play.id),
      drivers: await t("PEOPLE_TRAINED", 300, "2026-04-01", "2027-03-31", drivers.id),
      nextYear: await t("PUPILS_REACHED", 4000, "2027-09-01", "2028-07-21", play.id),
      lastYear: await t("SESSIONS_DELIVERED", 10, "2025-09-01", "2026-08-31"),
    };
  });

  it("counts achieved figures from delivered sessions and attendance, with the booked pipeline and a status", async () => {
    const [pupils, schools, sessions, drivers, nextYear, lastYear] = await targetProgress(
      [rows.pupils, rows.schools, rows.sessions, rows.drivers, rows.nextYear, rows.lastYear],
      now,
    );
    expect(pupils).toMatchObject({
      metricLabel: "Pupils reached",
      programme: { name: "Progress Play" },
      achieved: 2950,
      value: 4000,
      percent: 74,
      booked: 600,
      pipeline: 3550,
      schoolsInArea: null,
      status: "On track",
    });
    const inArea = await db.venue.count({ where: { kind: { in: ["SECONDARY_SCHOOL", "COLLEGE"] }, status: "OPEN", archivedAt: null } });
    expect(schools).toMatchObject({ achieved: 2, booked: 1, pipeline: 3, percent: 67, schoolsInArea: inArea, status: "On track" });
    // 2 of 3 sessions delivered, and the April booking makes 3.
    expect(sessions).toMatchObject({ achieved: 2, booked: 1, pipeline: 3, status: "On track" });
    // 2 of 300 drivers, one more on a course's register, with 18 days of the financial year left.
    expect(drivers).toMatchObject({ metricLabel: "People trained", achieved: 2, booked: 1, pipeline: 3, percent: 1, status: "At risk" });
    expect(nextYear).toMatchObject({ achieved: 0, status: "Not started" });
    expect(lastYear).toMatchObject({ achieved: 0, status: "Ended – not met" });
    // On 1 August the April booking has passed undelivered: no pipeline, and the pupils target has ended.
    const [pupilsLater, schoolsLater] = await targetProgress([rows.pupils, rows.schools], new Date("2027-08-01T09:00:00Z"));
    expect(pupilsLater).toMatchObject({ achieved: 2950, booked: 0, status: "Ended – not met" });
    expect(schoolsLater).toMatchObject({ achieved: 2, booked: 0, pipeline: 2, status: "At risk" });
  });

  it("lists current, past and all targets, a page at a time", async () => {
    const today = "2027-03-13";
    const current = await listTargets({ page: 1, filter: "current", today });
    const ids = current.items.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining([rows.pupils.id, rows.drivers.id, rows.nextYear.id]));
    expect(ids).not.toContain(rows.lastYear.id);
    expect((await listTargets({ page: 1, filter: "past", today })).items.map((t) => t.id)).toContain(rows.lastYear.id);
    const all = await listTargets({ page: 1, filter: "all", today });
    expect(all.total).toBe(await db.target.count());
    for (let i = 0; i < 26; i++)
      await makeTarget(db, {
        metric: "SESSIONS_DELIVERED",
        value: 1,
        fromDate: addDays("2040-01-01", i * 2),
        toDate: addDays("2040-01-01", i * 2),
      });
    const secondPage = await listTargets({ page: 2, filter: "all", today });
    expect(secondPage.pageCount).toBeGreaterThanOrEqual(2);
    expect(secondPage.items.length).toBeGreaterThan(0);
  });

  it("shows the progress page to readers with the filter and pages in the query string", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const res = await run(targetsPage.loader, get("/reports/targets?show=past&page=1", cookie));
    expect(res.status).toBe(200);
    const data = res.data as { filter: string; targets: { items: { id: string; status: string }[] } };
    expect(data.filter).toBe("past");
    expect(data.targets.items.find((t) => t.id === rows.lastYear.id)?.status).toBe("Ended – not met");
    expect((await run(targetsPage.loader, get("/reports/targets?show=%00nonsense", cookie))).data).toMatchObject({ filter: "current" });
  });
});
