// readRows reads past Prisma, straight from the driver (ADR 032): it must see exactly what Prisma's raw query sees,
// bind instants as the adapters store them and read them back as the same instants whatever the process's time zone,
// and never see a transaction's uncommitted writes.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { Prisma } from "~/db/generated/sqlite/client";
import { createDb, db, rawDate, readRows, usingPostgres } from "~/utils/db.server";
import { makeProgramme, makeSession, makeTeam, makeVenue } from "../factories";

type Row = { icalUid: string; startsAt: unknown; expectedPupils: number | bigint | null; capacity: number | bigint | null };

const rowsFrom = (cutoff: Date, venueId: string) => Prisma.sql`
  SELECT s."icalUid", s."startsAt", s."expectedPupils", p."capacity"
  FROM "Session" s JOIN "Programme" p ON p."id" = s."programmeId"
  WHERE s."venueId" = ${venueId} AND s."startsAt" >= ${cutoff}
  ORDER BY s."startsAt", s."icalUid"`;

const comparable = (rows: Row[]) =>
  rows.map((r) => ({
    icalUid: r.icalUid,
    startsAt: rawDate(r.startsAt).toISOString(),
    expectedPupils: r.expectedPupils === null ? null : Number(r.expectedPupils),
    capacity: r.capacity === null ? null : Number(r.capacity),
  }));

describe("readRows", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  let venueId: string;
  beforeAll(async () => {
    const [programme, venue, team] = await Promise.all([makeProgramme(db), makeVenue(db), makeTeam(db)]);
    venueId = venue.id;
    // Either side of both clock changes of 2026, and a session at midnight London time in summer (23:00 UTC).
    const slots = [
      ["2026-03-28", "09:30", "11:00"],
      ["2026-03-29", "00:00", "00:45"],
      ["2026-03-30", "09:30", "11:00"],
      ["2026-06-15", "00:00", "00:30"],
      ["2026-10-24", "13:00", "14:30"],
      ["2026-10-25", "01:30", "02:30"],
      ["2026-10-26", "09:30", "11:00"],
    ];
    for (const [i, [date, start, end]] of slots.entries()) {
      await makeSession(db, {
        programmeId: programme.id,
        venueId: venue.id,
        teamId: team.id,
        date,
        start,
        end,
        expectedPupils: i % 2 ? 150 : undefined,
      });
    }
  });

  it("reads what Prisma's raw query reads, with instants as parameters and results, in any process time zone", async () => {
    for (const cutoff of ["2026-03-29T00:00:00Z", "2026-06-14T23:00:00Z", "2026-10-25T00:30:00Z", "2026-01-01T00:00:00Z"]) {
      process.env.TZ = "UTC";
      const expected = comparable(await db.$queryRaw<Row[]>(rowsFrom(new Date(cutoff), venueId)));
      expect(expected.length).toBeGreaterThan(0);
      for (const timeZone of ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata"]) {
        process.env.TZ = timeZone;
        expect(comparable(await readRows<Row>(rowsFrom(new Date(cutoff), venueId))), `${cutoff} in ${timeZone}`).toEqual(expected);
      }
    }
    process.env.TZ = "UTC";
    const all = comparable(await readRows<Row>(rowsFrom(new Date("2026-01-01T00:00:00Z"), venueId)));
    expect(all.map((r) => r.startsAt)).toEqual([
      "2026-03-28T09:30:00.000Z",
      "2026-03-29T00:00:00.000Z",
      "2026-03-30T08:30:00.000Z",
      "2026-06-14T23:00:00.000Z",
      "2026-10-24T12:00:00.000Z",
      "2026-10-25T01:30:00.000Z",
      "2026-10-26T09:30:00.000Z",
    ]);
    expect(all.map((r) => r.expectedPupils)).toEqual([null, 150, null, 150, null, 150, null]);
  });

  it("never sees a transaction's writes before they are committed", async () => {
    const [programme, venue, team] = await Promise.all([makeProgramme(db), makeVenue(db), makeTeam(db)]);
    const read = () => readRows<Row>(rowsFrom(new Date("2026-01-01T00:00:00Z"), venue.id));
    await db.$transaction(async (tx) => {
      await makeSession(tx, {
        programmeId: programme.id,
        venueId: venue.id,
        teamId: team.id,
        date: "2026-05-05",
        start: "10:00",
        end: "11:00",
      });
      expect(await read()).toEqual([]);
    });
    expect(await read()).toHaveLength(1);
  });

  it("reads with the client it is given, and refuses one it cannot read past", async () => {
    const other = createDb(process.env.DATABASE_URL!);
    try {
      expect(await readRows<Row>(rowsFrom(new Date("2026-01-01T00:00:00Z"), venueId), other)).toHaveLength(7);
    } finally {
      await other.$disconnect();
    }
    expect(() => readRows(Prisma.sql`SELECT 1`, {} as typeof db)).toThrow(/createDb/);
  });

  // Test files share a process and its client, each with its database made afresh at the same URL (tests/setup).
  it("reads again after $disconnect, from the database now at the client's URL", async () => {
    const read = (client: typeof db) => readRows<Row>(rowsFrom(new Date("2026-01-01T00:00:00Z"), venueId), client);
    if (usingPostgres()) {
      const other = createDb(process.env.DATABASE_URL!);
      expect(await read(other)).toHaveLength(7);
      await other.$disconnect();
      expect(await read(other)).toHaveLength(7); // a new pool, not the ended one
      return other.$disconnect();
    }
    const folder = mkdtempSync(path.join(tmpdir(), "outreach-read-rows-"));
    const file = path.join(folder, "copy.db");
    await db.$executeRawUnsafe(`VACUUM INTO '${file}'`);
    const other = createDb(`file:${file}`);
    try {
      expect(await read(other)).toHaveLength(7);
      await other.$disconnect();
      for (const leftover of [file, `${file}-wal`, `${file}-shm`]) rmSync(leftover, { force: true });
      const template = inject("testDb");
      copyFileSync(template.kind === "sqlite" ? template.template : "", file);
      expect(await read(other)).toEqual([]);
    } finally {
      await other.$disconnect();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
