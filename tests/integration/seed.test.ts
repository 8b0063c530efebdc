import { describe, expect, it } from "vitest";
import { venueAvailability } from "~/models/calendars.server";
import { sessionsClashingWith } from "~/models/sessions/facts.server";
import { signInWithPassword } from "~/models/sign-in.server";
import { db } from "~/utils/db.server";
import { londonDate } from "~/utils/time";
import { DEMO_ATTENDANCE_SESSIONS, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../../prisma/seed";

describe("demo seed", () => {
  it("creates a fictional borough once and keeps existing data on a second run", async () => {
    expect(await seedDemo()).toEqual({ seeded: true });
    expect(await db.venue.count({ where: { kind: { in: ["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL"] } } })).toBe(20);
    expect(await db.venue.count({ where: { kind: "COMMUNITY_VENUE" } })).toBe(3);
    expect(await db.venue.count({ where: { kind: "TAXI_OPERATOR" } })).toBe(2);
    expect(await db.programme.count()).toBeGreaterThanOrEqual(3);
    expect(await db.team.count()).toBe(2);
    expect(await db.term.count({ where: { venueId: null } })).toBe(6);
    expect(await db.closure.count({ where: { reason: "EXAMS" } })).toBeGreaterThanOrEqual(1);
    expect(await db.session.count({ where: { status: "DELIVERED" } })).toBeGreaterThanOrEqual(10);
    expect(await db.session.count({ where: { status: "PROVISIONAL", startsAt: { gt: new Date() } } })).toBeGreaterThanOrEqual(10);
    expect(await db.sessionChange.count({ where: { kind: "CANCELLED" } })).toBe(1);
    expect(await db.sessionChange.count({ where: { kind: "MOVED" } })).toBe(1);
    expect((await db.target.findMany({ orderBy: { metric: "asc" }, select: { metric: true } })).map((t) => t.metric)).toEqual([
      "PEOPLE_TRAINED",
      "PUPILS_REACHED",
      "SCHOOLS_COVERED",
    ]);
    // The tour planner's demo: every school on the grid, the company's base, and one saved plan of the summer term.
    expect(await db.venue.count({ where: { kind: { in: ["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL"] }, easting: null } })).toBe(0);
    expect(await db.team.count({ where: { baseEasting: { not: null } } })).toBe(1);
    const [plan] = await db.tourPlanVersion.findMany({ select: { status: true, result: true, bookedAt: true } });
    expect(plan).toMatchObject({ status: "DONE", bookedAt: null });
    expect(JSON.parse(plan.result!).sessions.length).toBeGreaterThan(0);
    const before = await db.user.count();
    expect(await seedDemo()).toEqual({ seeded: false });
    expect(await db.user.count()).toBe(before);
    for (const u of DEMO_USERS) {
      const result = await signInWithPassword({ email: u.email, password: DEMO_PASSWORD, meta: { ip: null, userAgent: null } });
      // The demo lead and admin are enrolled in two-factor (DEMO_TOTP_SECRET): their password leads to the code step.
      const twoFactor = u.roles.some((r) => r === "LEAD" || r === "ADMIN");
      expect(result).toMatchObject({ ok: true, next: twoFactor ? "TOTP" : null });
    }
  }, 90_000);

  it("books every demo session by the rules: no team or hall double-booked, no school session on a day it is closed", async () => {
    await seedDemo();
    const sessions = await db.session.findMany({
      where: { status: { not: "CANCELLED" } },
      select: {
        id: true,
        teamId: true,
        venueId: true,
        programmeId: true,
        startsAt: true,
        endsAt: true,
        venue: { select: { name: true, kind: true } },
      },
    });
    expect(sessions.length).toBeGreaterThanOrEqual(40);
    const broken: string[] = [];
    for (const s of sessions) {
      // Turnaround and the travel buffer between venues count, as when booking.
      const clashes = await sessionsClashingWith(db, { ...s, excludeSessionId: s.id });
      for (const c of clashes)
        broken.push(`${s.venue.name} ${s.startsAt.toISOString()} clashes (${c.reason}) with ${c.venueName} ${c.startsAt.toISOString()}`);
      if (["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL"].includes(s.venue.kind)) {
        const availability = await venueAvailability(s.venueId, londonDate(s.startsAt));
        if (!availability.available) broken.push(`${s.venue.name} ${londonDate(s.startsAt)}: ${availability.reason}`);
      }
    }
    expect(broken).toEqual([]);
    // The sessions the end-to-end journeys open by id are there.
    expect(await db.session.count({ where: { id: { in: Object.values(DEMO_ATTENDANCE_SESSIONS) } } })).toBe(3);
  }, 90_000);
});
