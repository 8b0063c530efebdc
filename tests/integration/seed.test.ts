import { describe, expect, it } from "vitest";
import { signInWithPassword } from "~/models/sign-in.server";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../../prisma/seed";

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
});
