// The pg driver runs one query at a time per connection: queries on an interactive transaction must not overlap
// (pg warns "client.query() when the client is already executing a query", and pg 9 will refuse). Prisma itself
// loads nested relations in parallel, so this covers our code and db.server.ts's queue on transactions.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bookSession, rescheduleSession } from "~/models/sessions/changes.server";
import { db } from "~/utils/db.server";
import { makeAcademicYear, makeClosure, makeProgramme, makeTeam, makeUser, makeVenue, TERMS_2026_27 } from "../factories";

const meta = { ip: null, userAgent: "vitest" };
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(warning.message);
beforeEach(() => {
  warnings.length = 0;
  process.on("warning", onWarning);
});
afterEach(() => {
  process.off("warning", onWarning);
});

describe("queries inside a booking transaction", () => {
  it("booking and moving at a school (terms and closures read in the transaction) run their queries one at a time", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"] });
    const actor = { ...user, roles: ["COORDINATOR"] as const };
    const programme = await makeProgramme(db);
    const team = await makeTeam(db);
    const school = await makeVenue(db, { kind: "SECONDARY_SCHOOL" });
    await makeAcademicYear(db, { name: `2026 to 2027 ${school.id}`, startDate: "2026-09-01", endDate: "2027-08-31", terms: TERMS_2026_27 });
    await makeClosure(db, { venueId: school.id, startDate: "2027-03-12", reason: "INSET" });
    const now = new Date("2027-03-01T12:00:00Z");
    const session = await bookSession(
      actor,
      { programmeId: programme.id, venueId: school.id, teamId: team.id, date: "2027-03-08", startTime: "10:00", endTime: "11:00" },
      meta,
      now,
    );
    await rescheduleSession(
      actor,
      { sessionId: session.id, date: "2027-03-09", startTime: "10:00", endTime: "11:00", venueId: school.id, teamId: team.id },
      meta,
      now,
    );
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    expect(warnings.filter((w) => w.includes("already executing"))).toEqual([]);
  });
});
