// Found by the soak test (npm run soak): on a busy machine, attendance and invitation transactions that waited (for a
// row lock, or for the CPU) outlived Prisma's default transaction limits (2 s to start, 5 s in all) and failed with a
// 500. Every transaction now has the limits bookings already had (app/utils/db.server.ts): a wait is not a failure.
import { describe, expect, it } from "vitest";
import { recordPupilAttendance } from "~/models/attendance.server";
import { db } from "~/utils/db.server";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

const meta = { ip: null, userAgent: "vitest" };

describe("transactions that wait", () => {
  it("attendance recorded while another transaction holds the session's row for 6 seconds is saved, not failed", async () => {
    const programme = await makeProgramme(db);
    const team = await makeTeam(db);
    const venue = await makeVenue(db);
    const user = await makeUser(db, { roles: ["FACILITATOR"], teamId: team.id });
    const session = await makeSession(db, {
      programmeId: programme.id,
      venueId: venue.id,
      teamId: team.id,
      date: "2026-10-14",
      start: "10:00",
      end: "11:00",
      status: "CONFIRMED",
    });
    let locked!: () => void;
    const rowHeld = new Promise<void>((resolve) => (locked = resolve));
    let holderDone = 0;
    const holder = db.$transaction(
      async (tx) => {
        await tx.session.update({ where: { id: session.id }, data: { internalNotes: "held" } });
        locked();
        await new Promise((resolve) => setTimeout(resolve, 6000));
        holderDone = Date.now();
      },
      { timeout: 30_000 },
    );
    await rowHeld;
    const saved = await recordPupilAttendance(
      { id: user.id, email: user.email, roles: ["FACILITATOR"] },
      { sessionId: session.id, counts: [{ yearGroup: "Y10", sex: "GIRL", count: 12 }], adultsPresent: 2, confirmOverCapacity: false },
      meta,
    );
    await holder;
    expect(saved).toEqual({ pupils: 12, correction: false });
    expect(holderDone).toBeGreaterThan(0);
    expect(await db.session.findUniqueOrThrow({ where: { id: session.id }, select: { status: true, adultsPresent: true } })).toEqual({
      status: "DELIVERED",
      adultsPresent: 2,
    });
  });
});
