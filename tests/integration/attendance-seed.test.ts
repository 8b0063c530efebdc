import { describe, expect, it } from "vitest";
import { listRefreshers } from "~/models/refreshers.server";
import { db } from "~/utils/db.server";
import { DEMO_ATTENDANCE_SESSIONS, seedDemo } from "../../prisma/seed";

describe("attendance demo data", () => {
  it("has sessions to record and people due or overdue a refresher", async () => {
    expect(await seedDemo()).toEqual({ seeded: true });
    for (const id of Object.values(DEMO_ATTENDANCE_SESSIONS)) {
      expect(await db.session.findUnique({ where: { id }, select: { status: true } })).toEqual({ status: "CONFIRMED" });
    }
    const due = await listRefreshers({ page: 1, filters: { withinDays: 90 } });
    expect(
      due.items
        .filter((r) => r.overdue)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["Gary Holt", "Imran Qureshi"]);
    expect(
      due.items
        .filter((r) => !r.overdue)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["Dev Patel", "Rachel Adams", "Sandra Lewis", "Tariq Mahmood"]);
    expect(due.total).toBe(6);
    expect(await db.certificate.count()).toBe(7);
    expect(await seedDemo()).toEqual({ seeded: false });
  });
});
