import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { GiasFileError, importSchools, type ImportSummary } from "~/models/school-import.server";
import * as importPage from "~/routes/venues.import";
import { db } from "~/utils/db.server";
import { makeVenue } from "../factories";
import { get, run, signedInAs } from "../setup/requests";

const FIXTURE = "tests/fixtures/gias/edubasealldata20261101.csv";
const meta = { ip: null, userAgent: "vitest" };
const windows1252 = readFileSync(FIXTURE);
const utf8Bom = readFileSync("tests/fixtures/gias/edubasealldata-utf8-bom.csv");

function upload(bytes: Uint8Array | null, cookie: string, fields: Record<string, string>): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (bytes) form.append("file", new Blob([new Uint8Array(bytes)], { type: "text/csv" }), "edubasealldata20261101.csv");
  return new Request("http://localhost/venues/import", {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: "http://localhost" },
  });
}

describe("GIAS import", () => {
  it("imports the open secondaries and colleges of one LA from the Windows-1252 file, with accented names intact", async () => {
    const summary = await importSchools(null, windows1252, { laCode: "999", includeSpecial: false }, meta);
    expect(summary).toMatchObject({ encoding: "windows-1252", rows: 36, created: 22, updated: 0, unchanged: 0, closed: 0, skipped: 14 });
    expect(Object.fromEntries(summary.skippedByReason.map((r) => [r.reason, r.count]))).toEqual({
      OTHER_LA: 4,
      PHASE: 4,
      SPECIAL_NOT_REQUESTED: 3,
      CLOSED_NOT_HELD: 2,
      NOT_OPEN: 1,
    });
    const names = (await db.venue.findMany({ where: { laCode: "999", urn: { startsWith: "9900" } }, select: { name: true } })).map(
      (v) => v.name,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        "St Anne's Catholic High School",
        "Ysgol Gymraeg Northfield",
        "École Française de Northfield",
        "Bishop Hartley’s Church of England Academy",
        "King's Meadow School, Science and Arts College",
      ]),
    );
    expect(await db.venue.findUniqueOrThrow({ where: { urn: "990001" } })).toMatchObject({
      kind: "SECONDARY_SCHOOL",
      postcode: "LS12 4QT",
      numberOnRoll: 1420,
      statutoryLowAge: 11,
      statutoryHighAge: 18,
      status: "OPEN",
    });
    expect((await db.venue.findUniqueOrThrow({ where: { urn: "990019" } })).kind).toBe("COLLEGE");
    expect(await db.venue.count({ where: { urn: { in: ["990025", "990032", "990033", "990031"] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "schools.import" } })).toBe(1);
  });

  it("reads the UTF-8-with-BOM copy identically, adds special schools on request, and updates without touching hand-entered fields", async () => {
    await db.venue.update({ where: { urn: "990002" }, data: { name: "Old name", year10Count: 210, kind: "SPECIAL_SCHOOL" } });
    const summary = await importSchools(null, utf8Bom, { laCode: "999", includeSpecial: true }, meta);
    expect(summary).toMatchObject({ encoding: "utf-8", created: 3, updated: 1, unchanged: 21 });
    expect(await db.venue.findUniqueOrThrow({ where: { urn: "990002" } })).toMatchObject({
      name: "St Anne's Catholic High School",
      year10Count: 210,
      kind: "SPECIAL_SCHOOL",
    });
    expect((await db.venue.findUniqueOrThrow({ where: { urn: "990024" } })).kind).toBe("SPECIAL_SCHOOL");
  });

  it("marks a school closed in GIAS as CLOSED, never deleting it", async () => {
    const held = await makeVenue(db, { urn: "990028", name: "Northfield Park High School", laCode: "999" });
    const summary = await importSchools(null, windows1252, { laCode: "999", includeSpecial: false }, meta);
    expect(summary.closed).toBe(1);
    expect(await db.venue.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "CLOSED", archivedAt: null });
    const again = await importSchools(null, windows1252, { laCode: "999", includeSpecial: false }, meta);
    expect(again).toMatchObject({ closed: 0, created: 0, updated: 0 });
  });

  it("refuses a file with missing columns, naming them, and writes nothing", async () => {
    const venues = await db.venue.count();
    const audits = await db.auditEvent.count();
    const error = await importSchools(
      null,
      readFileSync("tests/fixtures/gias/missing-columns.csv"),
      { laCode: "999", includeSpecial: false },
      meta,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GiasFileError);
    expect((error as GiasFileError).missingColumns).toEqual(["EstablishmentName", "PhaseOfEducation (name)"]);
    expect((error as GiasFileError).message).toBe(
      'The file is not a GIAS establishment file: it has no "EstablishmentName" or "PhaseOfEducation (name)" columns. Nothing was imported.',
    );
    expect(await db.venue.count()).toBe(venues);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("refuses UTF-16, broken CSV and a header with no rows", async () => {
    const text = windows1252.toString("latin1");
    const utf16 = iconv.encode(`\uFEFF${text}`, "utf16le");
    await expect(importSchools(null, utf16, { laCode: "999", includeSpecial: false }, meta)).rejects.toThrow(/UTF-16/);
    const header = text.split("\r\n")[0];
    await expect(
      importSchools(null, Buffer.from(`${header}\r\n"990050,"999`), { laCode: "999", includeSpecial: false }, meta),
    ).rejects.toThrow(/not valid CSV/);
    await expect(importSchools(null, Buffer.from(`${header}\r\n`), { laCode: "999", includeSpecial: false }, meta)).rejects.toThrow(
      /no schools/,
    );
  });

  it("skips a repeated URN within the file as a bad row", async () => {
    const lines = windows1252.toString("latin1").split("\r\n");
    const twice = Buffer.from([lines[0], lines[1], lines[1].replace("Ashgrove Academy", "Ashgrove Duplicate")].join("\r\n"), "latin1");
    const summary = await importSchools(null, twice, { laCode: "999", includeSpecial: false }, meta);
    expect(summary.skippedByReason).toEqual([expect.objectContaining({ reason: "BAD_ROW", count: 1 })]);
    expect((await db.venue.findUniqueOrThrow({ where: { urn: "990001" } })).name).toBe("Ashgrove Academy");
  });
});

describe("the upload page", () => {
  it("is for coordinators and admins only", async () => {
    for (const role of ["FACILITATOR", "MANAGER", "LEAD"] as const) {
      const { cookie } = await signedInAs([role]);
      expect((await run(importPage.loader, get("/venues/import", cookie))).status).toBe(403);
      expect((await run(importPage.action, upload(windows1252, cookie, { laCode: "998" }))).status).toBe(403);
    }
    expect(await db.venue.count({ where: { laCode: "998" } })).toBe(0);
  });

  it("imports an uploaded file and returns the summary", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const res = await run(importPage.action, upload(windows1252, cookie, { laCode: "998", includeSpecial: "on" }));
    expect(res.status).toBe(200);
    const summary = (res.data as { summary: ImportSummary }).summary;
    expect(summary).toMatchObject({ laCode: "998", includeSpecial: true, created: 3 });
  });

  it("explains a missing LA code and file together (400), and a bad file (422)", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const none = await run(importPage.action, upload(null, cookie, { laCode: "35x" }));
    expect(none.status).toBe(400);
    expect((none.data as { errors: Record<string, string[]> }).errors).toEqual({
      laCode: ["Local authority code must be 3 digits, like 353"],
      file: ["Select a CSV file"],
    });
    expect((none.data as { values: Record<string, string> }).values.laCode).toBe("35x");
    const bad = await run(importPage.action, upload(readFileSync("tests/fixtures/gias/missing-columns.csv"), cookie, { laCode: "999" }));
    expect(bad.status).toBe(422);
    expect((bad.data as { errors: Record<string, string[]> }).errors.file[0]).toMatch(/EstablishmentName/);
  });
});
