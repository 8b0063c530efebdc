// The GIAS import for a programme's year groups: schools of every phase whose age range teaches them (primary and
// middle schools for Years 6 and 7), with their grid coordinates for the tour planner.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importSchools } from "~/models/school-import.server";
import { db } from "~/utils/db.server";

const FIXTURE = readFileSync("tests/fixtures/gias/edubasealldata20261101.csv");
const meta = { ip: null, userAgent: "vitest" };

describe("GIAS import by year groups", () => {
  it("takes primary, middle, all-through and secondary schools teaching Years 6 and 7, leaving out 14-19 and 16 plus", async () => {
    const summary = await importSchools(null, FIXTURE, { laCode: "999", includeSpecial: false, yearGroups: [6, 7] }, meta);
    expect(summary).toMatchObject({ rows: 36, created: 18, skipped: 18 });
    expect(Object.fromEntries(summary.skippedByReason.map((r) => [r.reason, r.count]))).toEqual({
      AGE_RANGE: 6,
      OTHER_LA: 4,
      SPECIAL_NOT_REQUESTED: 4,
      CLOSED_NOT_HELD: 2,
      PHASE: 1,
      NOT_OPEN: 1,
    });
    const kinds = await db.venue.findMany({
      where: { urn: { in: ["990025", "990015", "990016", "990001"] } },
      select: { urn: true, kind: true },
      orderBy: { urn: "asc" },
    });
    expect(kinds).toEqual([
      { urn: "990001", kind: "SECONDARY_SCHOOL" },
      { urn: "990015", kind: "SECONDARY_SCHOOL" },
      { urn: "990016", kind: "SECONDARY_SCHOOL" },
      { urn: "990025", kind: "PRIMARY_SCHOOL" },
    ]);
    expect(await db.venue.count({ where: { urn: { in: ["990010", "990011", "990017", "990019"] } } })).toBe(0);
    expect(await db.venue.findUniqueOrThrow({ where: { urn: "990001" } })).toMatchObject({
      easting: 425379,
      northing: 430113,
      statutoryLowAge: 11,
      statutoryHighAge: 18,
    });
  });

  it("fills in coordinates for schools already held, as an update", async () => {
    await db.venue.update({ where: { urn: "990002" }, data: { easting: null, northing: null } });
    const summary = await importSchools(null, FIXTURE, { laCode: "999", includeSpecial: false, yearGroups: [6, 7] }, meta);
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 17 });
    expect(await db.venue.findUniqueOrThrow({ where: { urn: "990002" } })).toMatchObject({ easting: 426758, northing: 432226 });
  });
});
