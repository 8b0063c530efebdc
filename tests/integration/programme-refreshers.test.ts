// Changing a programme's refresher period moves the stored refresher due dates of its certificates, in the same
// transaction as the change (refreshers.server.ts recomputeRefresherDates, called by updateProgramme).
import { describe, expect, it } from "vitest";
import { updateProgramme } from "~/models/programmes.server";
import { db } from "~/utils/db.server";
import type { ProgrammeInput } from "~/forms/reference.server";
import { makePerson, makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

const meta = { ip: null, userAgent: "vitest" };

async function world() {
  const user = await makeUser(db, { roles: ["COORDINATOR"] });
  const actor = { ...user, roles: ["COORDINATOR"] };
  const training = await makeProgramme(db, {
    name: "Driver training",
    kind: "DRIVER_TRAINING",
    audienceType: "DRIVERS",
    yearGroups: "",
    refresherMonths: 12,
  });
  const other = await makeProgramme(db, {
    name: "Staff briefing",
    kind: "STAFF_BRIEFING",
    audienceType: "STAFF",
    yearGroups: "",
    refresherMonths: 12,
  });
  const team = await makeTeam(db);
  const venue = await makeVenue(db, { kind: "COUNCIL_SITE" });
  const certify = async (programmeId: string, date: string) => {
    const session = await makeSession(db, {
      programmeId,
      venueId: venue.id,
      teamId: team.id,
      date,
      start: "10:00",
      end: "12:00",
      status: "DELIVERED",
    });
    const person = await makePerson(db);
    return db.certificate.create({
      data: { number: `C-${session.id}`, personId: person.id, sessionId: session.id, refresherDueOn: "2027-01-31" },
    });
  };
  // 31 January: month ends clamp, so 13 months on is 28 February.
  const january = await certify(training.id, "2026-01-31");
  const march = await certify(training.id, "2026-03-29");
  const untouched = await certify(other.id, "2026-03-29");
  const input = (over: Partial<ProgrammeInput> = {}): ProgrammeInput => ({
    name: "Driver training",
    kind: "DRIVER_TRAINING",
    audienceType: "DRIVERS",
    yearGroups: [],
    defaultDurationMinutes: 90,
    capacity: 240,
    getInMinutes: 60,
    getOutMinutes: 45,
    refresherMonths: 12,
    ...over,
  });
  const due = async (id: string) => (await db.certificate.findUniqueOrThrow({ where: { id } })).refresherDueOn;
  return { actor, training, january, march, untouched, input, due };
}

describe("changing a programme's refresher period", () => {
  it("recomputes its certificates' due dates, and only its own", async () => {
    const w = await world();
    await updateProgramme(w.actor, w.training.id, w.input({ refresherMonths: 13 }), meta);
    expect(await w.due(w.january.id)).toBe("2027-02-28");
    expect(await w.due(w.march.id)).toBe("2027-04-29");
    expect(await w.due(w.untouched.id)).toBe("2027-01-31");
    expect(
      (await db.auditEvent.findFirstOrThrow({ where: { action: "programme.update", entityId: w.training.id } })).details,
    ).toMatchObject({ changed: expect.arrayContaining(["refresherMonths"]) });
  });

  it("clears them when the programme no longer has refreshers", async () => {
    const w = await world();
    await updateProgramme(w.actor, w.training.id, w.input({ refresherMonths: undefined }), meta);
    expect(await w.due(w.january.id)).toBeNull();
    expect(await w.due(w.march.id)).toBeNull();
  });

  it("leaves them alone when something else changes", async () => {
    const w = await world();
    await updateProgramme(w.actor, w.training.id, w.input({ name: "Taxi driver training" }), meta);
    expect(await w.due(w.january.id)).toBe("2027-01-31"); // the stored value, not recomputed (12 months would give the same day of 2027)
    expect(await w.due(w.march.id)).toBe("2027-01-31");
  });
});
