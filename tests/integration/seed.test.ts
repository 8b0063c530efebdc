import { describe, expect, it } from "vitest";
import { authenticate } from "~/models/users.server";
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
    expect(await db.session.count({ where: { status: "DELIVERED" } })).toBeGreaterThanOrEqual(10);
    expect(await db.session.count({ where: { status: "PROVISIONAL", startsAt: { gt: new Date() } } })).toBeGreaterThanOrEqual(10);
    expect(await db.sessionChange.count({ where: { kind: "CANCELLED" } })).toBe(1);
    expect(await db.sessionChange.count({ where: { kind: "MOVED" } })).toBe(1);
    expect(await db.term.count()).toBe(6);
    const before = await db.user.count();
    expect(await seedDemo()).toEqual({ seeded: false });
    expect(await db.user.count()).toBe(before);
    for (const u of DEMO_USERS) {
      const result = await authenticate({ email: u.email, password: DEMO_PASSWORD, meta: { ip: null, userAgent: null } });
      expect(result).toMatchObject({ ok: true, user: { roles: [...u.roles] } });
    }
  }, 90_000);
});
