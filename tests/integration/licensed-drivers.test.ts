// The council's licensing register: imported whole from CSV, and counted against driver training in the database.
import { beforeAll, describe, expect, it } from "vitest";
import { CsvFileError } from "~/models/calendars.server";
import { importLicensedDrivers, licensedDriverFigures } from "~/models/licensed-drivers.server";
import { db } from "~/utils/db.server";
import { makePerson, makeProgramme, makeRegisterEntry, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

const now = new Date("2027-01-10T12:00:00Z"); // renewing soon: 10 January to 10 April 2027
const meta = { ip: null, userAgent: null };
const csv = (text: string) => new TextEncoder().encode(text);
let actor: { id: string; email: string; roles: string[] };

beforeAll(async () => {
  const user = await makeUser(db, { roles: ["COORDINATOR"] });
  actor = { ...user, roles: ["COORDINATOR"] };
  const team = await makeTeam(db);
  const venue = await makeVenue(db, { kind: "COMMUNITY_VENUE" });
  const training = await makeProgramme(db, { name: "Driver training", kind: "DRIVER_TRAINING", audienceType: "DRIVERS" });
  const session = (status: "DELIVERED" | "CANCELLED", date: string) =>
    makeSession(db, { programmeId: training.id, venueId: venue.id, teamId: team.id, date, start: "18:00", end: "20:00", status });
  const delivered = await session("DELIVERED", "2026-11-04");
  const cancelled = await session("CANCELLED", "2026-12-02");
  const trained = await makePerson(db, { name: "Trained driver", licenceNumber: "AB123", licensingAuthority: "Northfield" });
  const absent = await makePerson(db, { name: "Absent driver", licenceNumber: "CD456", licensingAuthority: "Northfield" });
  const notHeld = await makePerson(db, { name: "Cancelled driver", licenceNumber: "GH000", licensingAuthority: "Northfield" });
  await makeRegisterEntry(db, { sessionId: delivered.id, personId: trained.id, status: "ATTENDED" });
  await makeRegisterEntry(db, { sessionId: delivered.id, personId: absent.id, status: "ABSENT" });
  await makeRegisterEntry(db, { sessionId: cancelled.id, personId: notHeld.id, status: "ATTENDED" });
});

describe("licensed drivers", () => {
  it("imports the register and counts 1 of 4 trained, 2 untrained renewing within 90 days", async () => {
    const result = await importLicensedDrivers(
      actor,
      csv("badge_number,licence_expiry\nab 123,2027-02-01\nCD456,10/02/2027\nEF789,2027-07-30\nGH000,2027-04-10\n"),
      meta,
    );
    expect(result).toEqual({ drivers: 4 });
    // AB123 attended delivered training (badge "ab 123" normalised); CD456 was absent; GH000's session was cancelled.
    // Renewing from 10 January to 10 April 2027 and untrained: CD456 (10 February) and GH000 (10 April); EF789 is later.
    expect(await licensedDriverFigures(now)).toEqual({
      licensed: 4,
      trained: 1,
      untrained: 3,
      renewingUntrained: 2,
      renewsBy: "2027-04-10",
    });
    expect(await db.auditEvent.count({ where: { action: "licensed_drivers.import", actorId: actor.id } })).toBe(1);
  });

  it("refuses a file with a bad row and keeps the register as it was", async () => {
    const error = await importLicensedDrivers(
      actor,
      csv("badge_number,licence_expiry\nZZ1,2027-13-40\nZZ2,2027-01-01\nZZ2,2027-01-01\n"),
      meta,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as CsvFileError).problems).toEqual([
      { line: 2, message: "licence_expiry must be a date such as 2027-03-31 or 31/03/2027" },
      { line: 4, message: "badge number ZZ2 is on an earlier row too" },
    ]);
    await expect(importLicensedDrivers(actor, csv("badge,expiry\nAB1,2027-01-01\n"), meta)).rejects.toThrow(
      "The file is missing badge_number and licence_expiry",
    );
    expect(await db.licensedDriver.count()).toBe(4);
  });

  it("replaces the whole register at the next import", async () => {
    await importLicensedDrivers(actor, csv("badge_number,licence_expiry\nAB123,2028-01-01\n"), meta);
    expect(await licensedDriverFigures(now)).toMatchObject({ licensed: 1, trained: 1, untrained: 0, renewingUntrained: 0 });
  });
});
