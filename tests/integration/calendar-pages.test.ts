import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { venueAvailability } from "~/models/calendars.server";
import * as calendar from "~/routes/calendar._index";
import * as newYear from "~/routes/calendar.years.new";
import * as year from "~/routes/calendar.years.$yearId._index";
import * as newTerm from "~/routes/calendar.years.$yearId.terms.new";
import * as term from "~/routes/calendar.terms.$termId";
import * as newAllClosure from "~/routes/calendar.closures.new";
import * as closure from "~/routes/calendar.closures.$closureId";
import * as importTerms from "~/routes/calendar.import";
import * as newVenueClosure from "~/routes/venues.$venueId.closures.new";
import * as venueTerms from "~/routes/venues.$venueId.terms";
import { db } from "~/utils/db.server";
import { todayInLondon } from "~/utils/time";
import { makeAcademicYear, makeVenue, TERMS_2026_27 } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";

const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;
const date = (prefix: string, iso: string) => {
  const [y, m, d] = iso.split("-");
  return { [`${prefix}Day`]: d, [`${prefix}Month`]: m, [`${prefix}Year`]: y };
};

function upload(path: string, bytes: Uint8Array | null, cookie: string, fields: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (bytes) form.append("file", new Blob([new Uint8Array(bytes)], { type: "text/csv" }), "terms.csv");
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie, Origin: "http://localhost" } });
}

describe("calendar permissions", () => {
  it("is refused to facilitators, managers and leads", async () => {
    for (const role of ["FACILITATOR", "MANAGER", "LEAD"] as const) {
      const { cookie } = await signedInAs([role]);
      expect((await run(calendar.loader, get("/calendar", cookie))).status).toBe(403);
      expect(
        (
          await run(
            newYear.action,
            post("/calendar/years/new", { name: "2030/31", ...date("start", "2030-09-01"), ...date("end", "2031-08-31") }, cookie),
          )
        ).status,
      ).toBe(403);
      expect(
        (await run(newAllClosure.action, post("/calendar/closures/new", { reason: "INSET", ...date("start", "2030-09-02") }, cookie)))
          .status,
      ).toBe(403);
      expect((await run(importTerms.action, upload("/calendar/import", new Uint8Array([65]), cookie))).status).toBe(403);
    }
    expect(await db.academicYear.count({ where: { name: "2030/31" } })).toBe(0);
  });
});

describe("academic years and terms", () => {
  it("adds a year and its terms; refuses end before start, a term outside the year and overlapping terms", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const created = await run(
      newYear.action,
      post("/calendar/years/new", { name: "2027/28", ...date("start", "2027-09-01"), ...date("end", "2028-08-31") }, cookie),
    );
    expect(created.status).toBe(302);
    const y = await db.academicYear.findUniqueOrThrow({ where: { name: "2027/28" } });

    const backwards = await run(
      newYear.action,
      post("/calendar/years/new", { name: "2028/29", ...date("start", "2029-08-31"), ...date("end", "2028-09-01") }, cookie),
    );
    expect(backwards.status).toBe(400);
    expect(errorsOf(backwards.data).end).toEqual(["The end date must be after the start date"]);
    const badName = await run(
      newYear.action,
      post("/calendar/years/new", { name: "2028/30", startDay: "31", startMonth: "2", startYear: "2028" }, cookie),
    );
    expect(errorsOf(badName.data)).toMatchObject({
      name: ["The academic year must span two consecutive years, like 2026/27"],
      start: ["The start date must be a real date"],
      end: ["Enter the end date"],
    });
    const overlap = await run(
      newYear.action,
      post("/calendar/years/new", { name: "2028/29", ...date("start", "2028-08-01"), ...date("end", "2029-07-31") }, cookie),
    );
    expect(overlap.status).toBe(422);

    const params = { yearId: y.id };
    const autumn = {
      name: "Autumn",
      ...date("start", "2027-09-02"),
      ...date("end", "2027-12-17"),
      ...date("halfTermStart", "2027-10-25"),
      ...date("halfTermEnd", "2027-10-29"),
    };
    expect((await run(newTerm.action, post(`/calendar/years/${y.id}/terms/new`, autumn, cookie), params)).status).toBe(302);
    const endBeforeStart = await run(
      newTerm.action,
      post(`/calendar/years/${y.id}/terms/new`, { name: "Spring", ...date("start", "2028-03-24"), ...date("end", "2028-01-04") }, cookie),
      params,
    );
    expect(endBeforeStart.status).toBe(400);
    expect(errorsOf(endBeforeStart.data).end).toEqual(["The last day of term must be on or after the first day"]);
    const halfOutside = await run(
      newTerm.action,
      post(
        `/calendar/years/${y.id}/terms/new`,
        { name: "Spring", ...date("start", "2028-01-04"), ...date("end", "2028-03-24"), ...date("halfTermStart", "2028-04-01") },
        cookie,
      ),
      params,
    );
    expect(errorsOf(halfOutside.data).halfTermEnd).toEqual(["Enter both half-term dates, or neither"]);
    const outsideYear = await run(
      newTerm.action,
      post(`/calendar/years/${y.id}/terms/new`, { name: "Summer", ...date("start", "2028-04-17"), ...date("end", "2028-09-20") }, cookie),
      params,
    );
    expect(outsideYear.status).toBe(422);
    const duplicate = await run(
      newTerm.action,
      post(`/calendar/years/${y.id}/terms/new`, { ...autumn, ...date("start", "2027-09-03") }, cookie),
      params,
    );
    expect(duplicate.status).toBe(422);
    expect(errorsOf(duplicate.data).name).toEqual(["2027/28 already has a autumn term"]);
    expect(await db.term.count({ where: { academicYearId: y.id } })).toBe(1);

    const saved = await db.term.findFirstOrThrow({ where: { academicYearId: y.id } });
    expect(saved).toMatchObject({
      startDate: "2027-09-02",
      endDate: "2027-12-17",
      halfTermStart: "2027-10-25",
      halfTermEnd: "2027-10-29",
      venueId: null,
    });
    expect(
      (
        await run(term.action, post(`/calendar/terms/${saved.id}`, { ...autumn, intent: "update", ...date("end", "2027-12-16") }, cookie), {
          termId: saved.id,
        })
      ).status,
    ).toBe(302);
    expect((await db.term.findUniqueOrThrow({ where: { id: saved.id } })).endDate).toBe("2027-12-16");
    expect((await run(year.loader, get(`/calendar/years/${y.id}`, cookie), params)).status).toBe(200);
    expect((await run(year.loader, get("/calendar/years/nope", cookie), { yearId: "nope" })).status).toBe(404);
    expect((await run(term.action, post(`/calendar/terms/${saved.id}`, { intent: "delete" }, cookie), { termId: saved.id })).status).toBe(
      302,
    );
    expect(await db.term.count({ where: { id: saved.id } })).toBe(0);
  });

  it("gives a school its own terms (an academy), which then decide its availability", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const y = await makeAcademicYear(db, { name: "2026/27", startDate: "2026-09-01", endDate: "2027-08-31", terms: TERMS_2026_27 });
    const academy = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Castle Mead Academy" });
    const res = await run(
      venueTerms.action,
      post(
        `/venues/${academy.id}/terms`,
        {
          academicYearId: y.id,
          name: "Autumn",
          ...date("start", "2026-09-07"),
          ...date("end", "2026-12-17"),
          ...date("halfTermStart", "2026-10-19"),
          ...date("halfTermEnd", "2026-10-23"),
        },
        cookie,
      ),
      { venueId: academy.id },
    );
    expect(res.status).toBe(302);
    expect(await venueAvailability(academy.id, "2026-10-27")).toEqual({ available: true });
    expect(await venueAvailability(academy.id, "2026-10-20")).toMatchObject({ kind: "HALF_TERM" });
    const bad = await run(venueTerms.action, post(`/venues/${academy.id}/terms`, { academicYearId: "", name: "Spring" }, cookie), {
      venueId: academy.id,
    });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.data)).toEqual({
      academicYearId: ["Select the academic year"],
      start: ["Enter the first day of term"],
      end: ["Enter the last day of term"],
    });
    expect((await run(venueTerms.loader, get("/venues/nope/terms", cookie), { venueId: "nope" })).status).toBe(404);
  });
});

describe("closures", () => {
  it("adds an INSET day to one school, which makes it unavailable that day only, and removes it", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const school = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Hollins Park High School" });
    const res = await run(
      newVenueClosure.action,
      post(`/venues/${school.id}/closures/new`, { reason: "INSET", ...date("start", "2026-11-13"), note: "Staff training" }, cookie),
      { venueId: school.id },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/venues/${school.id}?week=2026-11-13`);
    expect(await venueAvailability(school.id, "2026-11-13")).toMatchObject({
      available: false,
      kind: "INSET",
      reason: "Friday 13 November 2026 is an INSET day for Hollins Park High School (Staff training)",
    });
    expect(await venueAvailability(school.id, "2026-11-12")).toEqual({ available: true });
    const saved = await db.closure.findFirstOrThrow({ where: { venueId: school.id } });
    expect((await run(closure.loader, get(`/calendar/closures/${saved.id}`, cookie), { closureId: saved.id })).status).toBe(200);
    expect(
      (await run(closure.action, post(`/calendar/closures/${saved.id}`, { intent: "garbage" }, cookie), { closureId: saved.id })).status,
    ).toBe(400);
    expect(
      (await run(closure.action, post(`/calendar/closures/${saved.id}`, { intent: "remove" }, cookie), { closureId: saved.id })).status,
    ).toBe(302);
    expect(await venueAvailability(school.id, "2026-11-13")).toEqual({ available: true });
    expect(
      (await run(closure.action, post(`/calendar/closures/${saved.id}`, { intent: "remove" }, cookie), { closureId: saved.id })).status,
    ).toBe(404);
  });

  it("adds an all-schools closure and refuses end before start and a missing reason", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const res = await run(
      newAllClosure.action,
      post("/calendar/closures/new", { reason: "EXAMS", ...date("start", "2027-05-10"), ...date("end", "2027-05-21") }, cookie),
    );
    expect(res.status).toBe(302);
    expect(await db.closure.count({ where: { venueId: null, reason: "EXAMS", startDate: "2027-05-10", endDate: "2027-05-21" } })).toBe(1);
    const bad = await run(
      newAllClosure.action,
      post("/calendar/closures/new", { ...date("start", "2027-05-21"), ...date("end", "2027-05-10") }, cookie),
    );
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.data)).toEqual({
      reason: ["Select why the venue cannot be visited"],
      end: ["The last day must be on or after the first day"],
    });
    expect(
      (
        await run(newVenueClosure.action, post("/venues/nope/closures/new", { reason: "INSET", ...date("start", "2027-05-10") }, cookie), {
          venueId: "nope",
        })
      ).status,
    ).toBe(404);
  });
});

describe("term dates from CSV", () => {
  it("imports the fixture, creating the years, and updates on a second import", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const bytes = readFileSync("tests/fixtures/terms/northfield-terms.csv");
    const first = await run(importTerms.action, upload("/calendar/import", bytes, cookie));
    expect(first.status).toBe(302);
    expect(await db.term.count({ where: { venueId: null, academicYear: { name: { in: ["2025/26", "2026/27"] } } } })).toBe(6);
    expect(await db.academicYear.findUniqueOrThrow({ where: { name: "2025/26" } })).toMatchObject({
      startDate: "2025-09-01",
      endDate: "2026-08-31",
    });
    const second = await run(importTerms.action, upload("/calendar/import", bytes, cookie));
    expect(second.status).toBe(302);
    expect(await db.term.count({ where: { venueId: null, academicYear: { name: { in: ["2025/26", "2026/27"] } } } })).toBe(6);
  });

  it("refuses a file with bad rows, naming each line, and writes nothing", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const before = await db.term.count();
    const res = await run(importTerms.action, upload("/calendar/import", readFileSync("tests/fixtures/terms/bad-terms.csv"), cookie));
    expect(res.status).toBe(422);
    const messages = errorsOf(res.data).file;
    expect(messages[0]).toBe("The file has 2 problems: nothing was imported");
    expect(messages.slice(1)).toEqual([
      "Line 3: end_date is before start_date; half-term must be within the term and end on or after it starts",
      "Line 4: Start_date must be a real date in the format YYYY-MM-DD",
    ]);
    expect(await db.term.count()).toBe(before);
  });

  it("refuses missing columns, an empty upload and no file at all", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const missing = await run(
      importTerms.action,
      upload("/calendar/import", new TextEncoder().encode("year,term,start\n2026/27,Autumn,2026-09-03\n"), cookie),
    );
    expect(missing.status).toBe(422);
    expect(errorsOf(missing.data).file[0]).toMatch(
      /^The file is missing the columns academic_year, start_date, end_date, half_term_start, half_term_end/,
    );
    expect(errorsOf((await run(importTerms.action, upload("/calendar/import", new Uint8Array(), cookie))).data).file).toEqual([
      "The selected file is empty",
    ]);
    const none = await run(importTerms.action, upload("/calendar/import", null, cookie));
    expect(none.status).toBe(400);
    expect(errorsOf(none.data).file).toEqual(["Select a CSV file"]);
    const urlEncoded = await run(importTerms.action, post("/calendar/import", { file: "academic_year" }, cookie));
    expect(urlEncoded.status).toBe(400);
  });
});

describe("term CSV overlaps", () => {
  it("refuses terms that overlap one another", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const csv =
      "academic_year,term,start_date,end_date,half_term_start,half_term_end\n2029/30,Autumn,2029-09-03,2029-12-19,,\n2029/30,Spring,2029-12-01,2030-03-27,,\n";
    const res = await run(importTerms.action, upload("/calendar/import", new TextEncoder().encode(csv), cookie));
    expect(res.status).toBe(422);
    expect(errorsOf(res.data).file.slice(1)).toEqual(["Line 3: 2029/30 Spring overlaps 2029/30 Autumn"]);
    expect(await db.academicYear.count({ where: { name: "2029/30" } })).toBe(0);
  });
});

describe("the calendar page", () => {
  it("lists the next bank holidays from the bundled file", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const res = await run(calendar.loader, get("/calendar", cookie));
    const { bankHolidays } = res.data as { bankHolidays: { date: string; title: string }[] };
    const today = todayInLondon();
    expect(bankHolidays.length).toBeGreaterThan(0);
    expect(bankHolidays.every((b) => b.date >= today)).toBe(true);
    expect(bankHolidays.map((b) => b.date)).toEqual([...bankHolidays.map((b) => b.date)].sort());
  });
});
