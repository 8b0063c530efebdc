// Found by the soak test (npm run soak): on a busy machine, attendance and invitation transactions that waited (for a
// row lock, or for the CPU) outlived Prisma's default transaction limits (2 s to start, 5 s in all) and failed with a
// 500. Every transaction now has the limits bookings already had (app/utils/db.server.ts): a wait is not a failure.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { recordPupilAttendance } from "~/models/attendance.server";
import { db, usingPostgres } from "~/utils/db.server";
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

  // The app server, the worker and the reply listener are separate processes on one SQLite file. With SQLite's
  // deferred BEGIN, a transaction that had read could not then write after another process wrote (SQLITE_BUSY at
  // once): a calendar reply was lost that way in a browser test on a busy machine. BEGIN IMMEDIATE waits instead.
  it.skipIf(usingPostgres())(
    "SQLite: a transaction in another process that reads and then writes survives a write from this process in between",
    async () => {
      const second = spawn(process.execPath, ["--import", "tsx", "tests/support/read-then-write.ts"], {
        env: process.env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let errors = "";
      second.stderr.on("data", (chunk) => (errors += chunk));
      const exited = new Promise<number | null>((resolve) => second.on("exit", resolve));
      await new Promise<void>((resolve, reject) => {
        second.stdout.on("data", (chunk) => {
          out += chunk;
          if (out.includes("read")) resolve();
        });
        void exited.then(() => reject(new Error(`the second process ended before reading: ${errors}`)));
      });
      await db.setting.create({ data: { key: "written-by-this-process", value: true } });
      expect({ code: await exited, errors }).toEqual({ code: 0, errors: "" });
      expect(out).toContain("written");
      expect(await db.setting.count({ where: { key: { in: ["written-by-this-process", "written-by-second-process"] } } })).toBe(2);
    },
    60_000,
  );
});
