// This year against last year: the same functions count the period a year earlier. Sessions sit either side of
// midnight UK time on 31 March / 1 April (financial years) and 31 August / 1 September (academic years), in BST.
import { beforeAll, describe, expect, it } from "vitest";
import { quarterlyReport, quarterlyReportCsv, reportsPage } from "~/models/reports.server";
import { parseCsv } from "~/utils/csv.server";
import { db } from "~/utils/db.server";
import { SUPPRESSED } from "~/utils/suppression";
import { makeDisclosure, makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

const now = new Date("2026-12-01T12:00:00Z");
const MANAGER = { roles: ["MANAGER"] };
const LEAD = { roles: ["LEAD"] };

beforeAll(async () => {
  const team = await makeTeam(db);
  const receiver = await makeUser(db, { roles: ["LEAD"] });
  const play = await makeProgramme(db, { name: "The Play" });
  const school = await makeVenue(db, { name: "School" });
  const delivered = async (date: string, start: string, pupils: number) => {
    const end = start === "00:00" ? "00:50" : "23:59";
    const s = await makeSession(db, { programmeId: play.id, venueId: school.id, teamId: team.id, date, start, end, status: "DELIVERED" });
    await db.attendanceCount.create({ data: { sessionId: s.id, yearGroup: "Y10", sex: "GIRL", count: pupils } });
    return s;
  };
  await delivered("2025-03-31", "23:30", 1000); // financial 2024-25, academic 2024/25: in neither year compared
  await delivered("2025-04-01", "00:00", 25); // financial 2025-26 Q1; academic 2024/25
  await delivered("2025-08-31", "23:30", 17); // financial 2025-26 Q2; academic 2024/25
  const lastSeptember = await delivered("2025-09-01", "00:00", 19); // financial 2025-26 Q2; academic 2025/26
  await delivered("2026-03-31", "23:30", 40); // financial 2025-26 Q4; academic 2025/26
  await delivered("2026-04-01", "00:00", 70); // financial 2026-27 Q1; academic 2025/26
  await delivered("2026-08-31", "23:30", 11); // financial 2026-27 Q2; academic 2025/26
  await delivered("2026-09-01", "00:00", 13); // financial 2026-27 Q2; academic 2026/27
  for (let i = 0; i < 2; i++)
    await makeDisclosure(db, {
      receivedById: receiver.id,
      sessionId: lastSeptember.id,
      risk: "HIGH",
      disclosedAt: new Date("2025-09-01T09:00:00Z"),
    });
});

describe("this year against last year", () => {
  it("the financial year: 70 + 11 + 13 = 94 this year, 25 + 17 + 19 + 40 = 101 in 2025-26", async () => {
    const page = await reportsPage({ viewer: LEAD, query: { period: "financial-year" }, now });
    expect(page.period.lastYear).toMatchObject({ from: "2025-04-01", to: "2026-03-31", label: "2025-26" });
    expect(page.dashboard.figures.pupilsReached).toBe(94);
    expect(page.lastYear.figures.pupilsReached).toBe(101);
    expect(page.dashboard.figures.sessionsDelivered).toBe(3);
    expect(page.lastYear.figures.sessionsDelivered).toBe(4);
  });

  it("the academic year: 13 this year, 19 + 40 + 70 + 11 = 140 in 2025/26", async () => {
    const page = await reportsPage({ viewer: LEAD, query: {}, now });
    expect(page.period).toMatchObject({ from: "2026-09-01", to: "2027-08-31" });
    expect(page.period.lastYear).toMatchObject({ from: "2025-09-01", to: "2026-08-31", label: "2025/26" });
    expect(page.dashboard.figures.pupilsReached).toBe(13);
    expect(page.lastYear.figures.pupilsReached).toBe(140);
  });

  it("a quarter: 2026-27 Q2 against 2025-26 Q2", async () => {
    const page = await reportsPage({ viewer: LEAD, query: { period: "quarter", quarter: "2026-q2" }, now });
    expect(page.period.lastYear).toMatchObject({ from: "2025-07-01", to: "2025-09-30", label: "2025-26 Q2" });
    expect(page.dashboard.figures.pupilsReached).toBe(24);
    expect(page.lastYear.figures.pupilsReached).toBe(36);
  });

  it("the quarterly report puts each quarter beside the same quarter a year earlier", async () => {
    const report = await quarterlyReport({ viewer: LEAD, startYear: 2026, now });
    const pupils = report.rows.find((r) => r.key === "pupils")!;
    expect(report.lastYearLabel).toBe("2025-26");
    expect(pupils.cells).toEqual([70, 24, 0, 0, 94]);
    expect(pupils.lastYear).toEqual([25, 36, 0, 40, 101]);
    expect(report.rows.find((r) => r.key === "disclosures")!.lastYear).toEqual([0, 2, 0, 0, 2]);
  });

  it("last year's small counts are suppressed for a manager on the dashboard, the report and the CSV", async () => {
    const page = await reportsPage({ viewer: MANAGER, query: { period: "financial-year" }, now });
    expect(page.dashboard.disclosures.total).toBe(0);
    expect(page.lastYear.disclosures.total).toBe(SUPPRESSED);
    expect(page.lastYear.disclosures.rows.find((r) => r.key === "HIGH")!.count).toBe(SUPPRESSED);
    const report = await quarterlyReport({ viewer: MANAGER, startYear: 2026, now });
    expect(report.rows.find((r) => r.key === "disclosures")!.lastYear).toEqual([0, SUPPRESSED, 0, 0, SUPPRESSED]);
    const csv = parseCsv(await quarterlyReportCsv({ viewer: MANAGER, startYear: 2026, now }));
    expect(csv[0].slice(6)).toEqual(["Q1 2025-26", "Q2 2025-26", "Q3 2025-26", "Q4 2025-26", "Year to date 2025-26"]);
    const disclosures = csv.find((row) => row[0] === "Disclosures at or after sessions")!;
    expect(disclosures.slice(6)).toEqual(["0", SUPPRESSED, "0", "0", SUPPRESSED]);
    expect(csv.find((row) => row[0] === "Referrals made")!.slice(6)).toEqual(["0", "0", "0", "0", "0"]);
  });
});
