// Garbage posted to every reference-data action gives 400/404/422, never a 500, and changes nothing.
import { describe, expect, it } from "vitest";
import * as calendarImport from "~/routes/calendar.import";
import * as closure from "~/routes/calendar.closures.$closureId";
import * as newAllClosure from "~/routes/calendar.closures.new";
import * as term from "~/routes/calendar.terms.$termId";
import * as newYear from "~/routes/calendar.years.new";
import * as year from "~/routes/calendar.years.$yearId._index";
import * as newTerm from "~/routes/calendar.years.$yearId.terms.new";
import * as programme from "~/routes/programmes.$programmeId._index";
import * as editProgramme from "~/routes/programmes.$programmeId.edit";
import * as newProgramme from "~/routes/programmes.new";
import * as editTeam from "~/routes/teams.$teamId.edit";
import * as newTeam from "~/routes/teams.new";
import * as venue from "~/routes/venues.$venueId._index";
import * as venueClosure from "~/routes/venues.$venueId.closures.new";
import * as contact from "~/routes/venues.$venueId.contacts.$contactId";
import * as newContact from "~/routes/venues.$venueId.contacts.new";
import * as editVenue from "~/routes/venues.$venueId.edit";
import * as venueTerms from "~/routes/venues.$venueId.terms";
import * as venuesImport from "~/routes/venues.import";
import * as newVenue from "~/routes/venues.new";
import { db } from "~/utils/db.server";
import { makeAcademicYear, makeClosure, makeProgramme, makeTeam, makeVenue, TERMS_2026_27 } from "../factories";
import { post, run, signedInAs } from "../setup/requests";

const GARBAGE: Record<string, string | string[]>[] = [
  {},
  {
    intent: "\u0000",
    name: "\u0000\u0001",
    kind: "x".repeat(5000),
    memberIds: ["\u0000", "'; DROP TABLE"],
    academicYearId: "\u0000",
    laCode: "\u0000",
  },
  {
    name: "A",
    postcode: "\u0000",
    urn: "1e400",
    defaultDurationMinutes: "Infinity",
    sessionsPerDay: "NaN",
    startDay: "\u0000",
    startMonth: "99",
    startYear: "-1",
    reason: "INSET",
    email: "a@\u0000",
    isPrimary: "maybe",
  },
];

async function counts() {
  const [p, t, v, c, y, tm, cl] = await Promise.all([
    db.programme.count(),
    db.team.count(),
    db.venue.count(),
    db.venueContact.count(),
    db.academicYear.count(),
    db.term.count(),
    db.closure.count(),
  ]);
  return { p, t, v, c, y, tm, cl };
}

describe("garbage input", () => {
  it("never gives a 500 and never changes saved data", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const p = await makeProgramme(db);
    const t = await makeTeam(db);
    const v = await makeVenue(db, { contact: { name: "C", role: "DSL", email: "c@example.test" } });
    const ct = await db.venueContact.findFirstOrThrow({ where: { venueId: v.id } });
    const y = await makeAcademicYear(db, { name: "2026/27", startDate: "2026-09-01", endDate: "2027-08-31", terms: TERMS_2026_27 });
    const tm = await db.term.findFirstOrThrow({ where: { academicYearId: y.id } });
    const cl = await makeClosure(db, { venueId: v.id, startDate: "2026-11-13" });
    const routes: [unknown, string, Record<string, string>][] = [
      [newProgramme.action, "/programmes/new", {}],
      [programme.action, "/programmes/x", { programmeId: p.id }],
      [editProgramme.action, "/programmes/x/edit", { programmeId: p.id }],
      [newTeam.action, "/teams/new", {}],
      [editTeam.action, "/teams/x/edit", { teamId: t.id }],
      [newVenue.action, "/venues/new", {}],
      [venue.action, "/venues/x", { venueId: v.id }],
      [editVenue.action, "/venues/x/edit", { venueId: v.id }],
      [newContact.action, "/venues/x/contacts/new", { venueId: v.id }],
      [contact.action, "/venues/x/contacts/y", { venueId: v.id, contactId: ct.id }],
      [venueClosure.action, "/venues/x/closures/new", { venueId: v.id }],
      [venueTerms.action, "/venues/x/terms", { venueId: v.id }],
      [newYear.action, "/calendar/years/new", {}],
      [year.action, "/calendar/years/x", { yearId: y.id }],
      [newTerm.action, "/calendar/years/x/terms/new", { yearId: y.id }],
      [term.action, "/calendar/terms/x", { termId: tm.id }],
      [newAllClosure.action, "/calendar/closures/new", {}],
      [closure.action, "/calendar/closures/x", { closureId: cl.id }],
      [calendarImport.action, "/calendar/import", {}],
      [venuesImport.action, "/venues/import", {}],
    ];
    const before = await counts();
    for (const [action, path, params] of routes) {
      for (const fields of GARBAGE) {
        const res = await run(action, post(path, fields, cookie), params);
        expect([400, 404, 422], `${path} ${JSON.stringify(fields).slice(0, 80)} gave ${res.status}`).toContain(res.status);
      }
      const badIds = Object.fromEntries(Object.keys(params).map((k) => [k, "\u0000x"]));
      if (Object.keys(badIds).length) expect((await run(action, post(path, { intent: "remove" }, cookie), badIds)).status).toBe(404);
    }
    expect(await counts()).toEqual(before);
  });
});
