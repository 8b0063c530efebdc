// The annual review and the quarterly report as page blocks, PDF and CSV, with figures worked out by hand. Sessions
// sit either side of midnight UK time on 31 August / 1 September and 31 March / 1 April. Suppression is checked in
// every table, chart, PDF and CSV: a suppressed count never appears as a number.
import { beforeAll, describe, expect, it } from "vitest";
import { annualReview, annualReviewCsv, annualReviewDocument, annualReviewPdf, quarterlyReportPdf } from "~/models/annual-review.server";
import { submitQuestionnaire } from "~/models/questionnaires.server";
import { publicThreshold, savePublicThreshold } from "~/models/report-settings.server";
import { resolveReportPeriod } from "~/models/reports.server";
import { barChartSvg } from "~/utils/charts";
import { parseCsv } from "~/utils/csv.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { ReportDocument, ReportTable } from "~/utils/report-blocks";
import { SUPPRESSED, WITHHELD } from "~/utils/suppression";
import { makeDisclosure, makeProgramme, makeQuestionnaire, makeSession, makeTarget, makeTeam, makeUser, makeVenue } from "../factories";
import { pdfText } from "./attendance-fixtures";

const now = new Date("2027-09-15T12:00:00Z");
const MANAGER = { roles: ["MANAGER"] };
const LEAD = { roles: ["LEAD"] };
const meta = { ip: null, userAgent: null };

beforeAll(async () => {
  const team = await makeTeam(db);
  const receiver = await makeUser(db, { roles: ["LEAD"] });
  const play = await makeProgramme(db, { name: "The Play" });
  const ashfield = await makeVenue(db, { name: "Ashfield Academy", town: "Ashfield" });
  const brook = await makeVenue(db, { name: "Brook College", kind: "COLLEGE", town: "Brookside" });
  const castle = await makeVenue(db, { name: "Castle School", town: "Castleton" });
  const delivered = async (venueId: string, date: string, start: string, pupils: number) => {
    const end = start === "00:00" ? "00:50" : "23:59";
    const s = await makeSession(db, { programmeId: play.id, venueId, teamId: team.id, date, start, end, status: "DELIVERED" });
    await db.attendanceCount.create({ data: { sessionId: s.id, yearGroup: "Y10", sex: "GIRL", count: pupils } });
    return s;
  };
  const september = await delivered(ashfield.id, "2026-09-01", "00:00", 120); // academic 2026/27; financial 2026-27 Q2
  await delivered(ashfield.id, "2026-08-31", "23:30", 50); // academic 2025/26; financial 2026-27 Q2
  const march = await delivered(brook.id, "2027-03-31", "23:30", 80); // academic 2026/27; financial 2026-27 Q4
  await delivered(brook.id, "2027-04-01", "00:00", 30); // academic 2026/27; financial 2027-28
  await makeSession(db, {
    programmeId: play.id,
    venueId: castle.id,
    teamId: team.id,
    date: "2027-05-05",
    start: "10:00",
    end: "11:00",
    status: "CANCELLED",
  });
  const disclose = (sessionId: string, risk: "HIGH" | "MEDIUM" | "LOW", referralTo?: string) =>
    makeDisclosure(db, { receivedById: receiver.id, sessionId, risk, disclosedAt: new Date("2026-09-01T10:00:00Z"), referralTo });
  // Ashfield: 3 (2 high, 1 low, one of them referred to the police). Brook: 6 medium, two referred to MASH.
  await disclose(september.id, "HIGH", "POLICE");
  await disclose(september.id, "HIGH");
  await disclose(september.id, "LOW");
  for (let i = 0; i < 6; i++) await disclose(march.id, "MEDIUM", i < 2 ? "MASH" : undefined);
  await makeTarget(db, { metric: "PUPILS_REACHED", value: 200, fromDate: "2026-09-01", toDate: "2027-08-31" });
});

const table = (doc: ReportDocument, caption: string): ReportTable => {
  const block = doc.blocks.find((b) => b.kind === "table" && b.table.caption.startsWith(caption));
  if (block?.kind !== "table") throw new Error(`No table "${caption}"`);
  return block.table;
};
const row = (t: ReportTable, label: string) => t.rows.find((r) => r[0] === label);

describe("the annual review for the academic year 2026/27", () => {
  it("counts 120 + 80 + 30 = 230 pupils this year and 50 in 2025/26, across 31 August / 1 September and 31 March / 1 April", async () => {
    const review = await annualReview({ viewer: MANAGER, kind: "academic", startYear: 2026, audience: "staff", now });
    expect(review.period).toMatchObject({ from: "2026-09-01", to: "2027-08-31", short: "2026/27" });
    expect(review.lastYear).toMatchObject({ from: "2025-09-01", to: "2026-08-31", short: "2025/26" });
    const byKey = Object.fromEntries(review.headline.map((h) => [h.key, [h.value, h.lastYear]]));
    expect(byKey.pupils).toEqual([230, 50]);
    expect(byKey.sessions).toEqual([3, 1]);
    expect(byKey.schools).toEqual([2, 1]);
    expect(byKey["not-reached"]).toEqual([1, 2]);
    // 2 high and 1 low are under 5; 9 − 6 = 3 cannot be split back into them, so the total of 9 stands.
    expect(byKey.disclosures).toEqual([9, 0]);
    expect(byKey.referrals).toEqual([SUPPRESSED, 0]);
    expect(byKey["per-thousand"]).toEqual(["39.1", "0.0"]); // 9 / 230 × 1,000
    expect(review.summary).toBe(
      "In the academic year 2026/27, 230 pupils were reached in 3 sessions, up 360% on 50 pupils in 2025/26. " +
        "2 of the 3 secondary schools and colleges in the area were covered; 1 was not reached. 0 people were trained. " +
        "The one target running in the year has been met. 9 disclosures were made at or after sessions, and fewer than 5 were referred on.",
    );
    expect(review.targets).toEqual([expect.objectContaining({ value: 200, achieved: 230, status: "Achieved" })]);
  });

  it("the financial year 2026-27: 50 + 120 + 80 = 250 pupils, the 1 April session in the next year", async () => {
    const review = await annualReview({ viewer: LEAD, kind: "financial", startYear: 2026, audience: "staff", now });
    expect(review.period).toMatchObject({ from: "2026-04-01", to: "2027-03-31", short: "2026-27" });
    expect(review.headline.find((h) => h.key === "pupils")).toMatchObject({ value: 250, lastYear: 0 });
  });

  it("suppresses small counts for a manager in every table and chart, and withholds a total that gives one back", async () => {
    const doc = annualReviewDocument(await annualReview({ viewer: MANAGER, kind: "academic", startYear: 2026, audience: "staff", now }));
    expect(table(doc, "Disclosures by risk").rows).toEqual([
      ["Low risk", SUPPRESSED, 0],
      ["Medium risk", 6, 0],
      ["High risk", SUPPRESSED, 0],
      ["All disclosures", 9, 0],
    ]);
    expect(row(table(doc, "Referrals"), "Police")).toEqual(["Police", SUPPRESSED, 0]);
    expect(row(table(doc, "Referrals"), "All referrals")).toEqual(["All referrals", SUPPRESSED, 0]);
    // Ashfield's 3 is suppressed; with Brook's 6 shown, the total of 9 would give it back, so the total is withheld.
    const schools = table(doc, "Schools and colleges covered");
    expect(schools.head).toEqual(["School or college", "Town", "Pupils reached", "Disclosures"]);
    expect(schools.rows).toEqual([
      ["Ashfield Academy", "Ashfield", 120, SUPPRESSED],
      ["Brook College", "Brookside", 110, 6],
      ["All schools and colleges covered", "", "", WITHHELD],
    ]);
    expect(table(doc, "Schools and colleges not reached").rows).toEqual([["Castle School", "Castleton"]]);
    const chart = doc.blocks.find((b) => b.kind === "chart" && b.spec.id === "chart-annual-disclosures");
    if (chart?.kind !== "chart") throw new Error("no disclosures chart");
    expect(chart.spec.series[0].values).toEqual([SUPPRESSED, 6, SUPPRESSED]);
    const svg = barChartSvg(chart.spec);
    // Bars: Medium this year, and last year's three zeros; no bar and no number for the suppressed ones.
    expect(svg.match(/class="app-chart__bar"/g)).toHaveLength(4);
    expect(svg).toContain(`>${SUPPRESSED}</text>`);
    expect(svg).not.toMatch(/class="app-chart__label"[^>]*>[1-4]</);
  });

  it("shows a lead the exact figures", async () => {
    const doc = annualReviewDocument(await annualReview({ viewer: LEAD, kind: "academic", startYear: 2026, audience: "staff", now }));
    expect(table(doc, "Disclosures by risk").rows[2]).toEqual(["High risk", 2, 0]);
    expect(table(doc, "Schools and colleges covered").rows.at(-1)).toEqual(["All schools and colleges covered", "", "", 9]);
  });

  it("the PDF's text: council, title, period, suppression note, page numbers, figures and no suppressed number", async () => {
    const { filename, pdf } = await annualReviewPdf({ viewer: MANAGER, kind: "academic", startYear: 2026, audience: "staff", now });
    expect(filename).toBe("outreach-annual-review-academic-2026-27.pdf");
    const text = await pdfText(pdf);
    expect(text.language).toBe("en-GB");
    expect(text.title).toBe(`Annual review 2026/27: ${env().COUNCIL_NAME}`);
    const first = text.pages[0];
    expect(first).toContain(env().COUNCIL_NAME);
    expect(first).toContain("Academic year 2026/27: 1 Sept 2026 to 31 Aug 2027");
    expect(first).toContain('counts from 1 to 4 are shown as "fewer than 5"');
    expect(first).toContain("In the academic year 2026/27, 230 pupils were reached in 3 sessions");
    expect(first).toMatch(/Pupils reached 230 50/);
    text.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${text.pages.length}`));
    const all = text.pages.join(" ");
    expect(all).toContain("Ashfield Academy Ashfield 120 fewer than 5");
    expect(all).toContain("Brook College Brookside 110 6");
    expect(all).toContain("All schools and colleges covered withheld");
    expect(all).toContain("High risk fewer than 5 0");
    expect(all).not.toMatch(/High risk 2\b/);
    expect(all).not.toMatch(/Ashfield 120 3\b/);
    expect(all).toContain("Castle School Castleton");
  });

  it("the CSV has the same tables, a suppressed cell as text", async () => {
    const { filename, csv } = await annualReviewCsv({ viewer: MANAGER, kind: "academic", startYear: 2026, audience: "staff", now });
    expect(filename).toBe("outreach-annual-review-academic-2026-27.csv");
    const rows = parseCsv(csv.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([env().COUNCIL_NAME]);
    expect(rows).toContainEqual(["Pupils reached", "230", "50"]);
    expect(rows).toContainEqual(["High risk", SUPPRESSED, "0"]);
    expect(rows).toContainEqual(["Ashfield Academy", "Ashfield", "120", SUPPRESSED]);
    expect(rows).toContainEqual(["All schools and colleges covered", "", "", WITHHELD]);
    expect(rows).toContainEqual(["Sep 26", "120", "120"]); // the pupils-per-month chart's figures: month, pupils, so far
  });
});

describe("the public version", () => {
  it("uses the council's threshold of 10, withholds the rate, and leaves out school-level disclosures", async () => {
    const admin = await makeUser(db, { roles: ["ADMIN"] });
    expect(await publicThreshold()).toBe(5);
    await savePublicThreshold({ ...admin, roles: ["ADMIN"] }, 10, meta);
    expect(await publicThreshold()).toBe(10);
    expect(await db.auditEvent.count({ where: { action: "report.settings_update", actorId: admin.id } })).toBe(1);

    // Even a lead gets the public figures in the public version.
    const review = await annualReview({ viewer: LEAD, kind: "academic", startYear: 2026, audience: "public", now });
    const doc = annualReviewDocument(review);
    expect(doc.title).toBe("Annual review (public version) 2026/27");
    expect(table(doc, "Disclosures by risk").rows).toEqual([
      ["Low risk", "fewer than 10", 0],
      ["Medium risk", "fewer than 10", 0],
      ["High risk", "fewer than 10", 0],
      ["All disclosures", "fewer than 10", 0],
    ]);
    expect(review.headline.find((h) => h.key === "per-thousand")!.value).toBe(WITHHELD);
    expect(table(doc, "Schools and colleges covered")).toEqual({
      caption: "Schools and colleges covered (2)",
      head: ["School or college", "Town", "Pupils reached"],
      rows: [
        ["Ashfield Academy", "Ashfield", 120],
        ["Brook College", "Brookside", 110],
      ],
    });
    expect(review.summary).toContain("Fewer than 10 disclosures were made at or after sessions, and fewer than 10 were referred on.");

    const { filename, pdf } = await annualReviewPdf({ viewer: LEAD, kind: "academic", startYear: 2026, audience: "public", now });
    expect(filename).toBe("outreach-annual-review-academic-2026-27-public.pdf");
    const all = (await pdfText(pdf)).pages.join(" ");
    expect(all).toContain('counts from 1 to 9 are shown as "fewer than 10"');
    expect(all).toContain("Medium risk fewer than 10 0");
    expect(all).not.toContain("Disclosures Ashfield");
    expect(all).not.toMatch(/Medium risk 6\b/);
    expect(all).not.toMatch(/\b39\.1\b/);
    const csv = parseCsv(
      (await annualReviewCsv({ viewer: LEAD, kind: "academic", startYear: 2026, audience: "public", now })).csv.replace(/^\uFEFF/, ""),
    );
    expect(csv).toContainEqual(["Ashfield Academy", "Ashfield", "120"]);
    expect(csv).toContainEqual(["Medium risk", "fewer than 10", "0"]);
    expect(csv.flat()).not.toContain("6");
    await db.setting.deleteMany({ where: { key: "reports.publicSuppressionThreshold" } });
  });
});

describe("the quarterly report as a PDF", () => {
  it("2026-27 for a manager: Q2's 3 disclosures suppressed, the year's 9 withheld, Q4's rate 6 / 80 = 75.0", async () => {
    const download = await quarterlyReportPdf({ viewer: MANAGER, year: "2026", now });
    expect(download!.filename).toBe("outreach-quarterly-2026-27.pdf");
    const text = await pdfText(download!.pdf);
    const all = text.pages.join(" ");
    expect(text.pages[0]).toContain("Quarterly report 2026-27");
    expect(text.pages[0]).toContain("Page 1 of");
    expect(all).toContain("Disclosures at or after sessions 0 fewer than 5 0 6 withheld");
    expect(all).toContain("Disclosures per 1,000 pupils reached not enough pupils withheld not enough pupils 75.0 withheld");
    expect(await quarterlyReportPdf({ viewer: MANAGER, year: "1999", now })).toBeNull();
  });
});

describe("the dashboard's last year", () => {
  it("on 15 September 2027, last academic year is 2026/27 (beside 2025/26) and last financial year is 2026-27", async () => {
    expect(await resolveReportPeriod({ period: "last-academic-year" }, now)).toMatchObject({
      from: "2026-09-01",
      to: "2027-08-31",
      label: "academic year 2026 to 2027",
      lastYear: { from: "2025-09-01", to: "2026-08-31", label: "2025/26" },
    });
    expect(await resolveReportPeriod({ period: "last-financial-year" }, now)).toMatchObject({
      from: "2026-04-01",
      to: "2027-03-31",
      label: "financial year 2026-27",
      lastYear: { label: "2025-26" },
    });
  });
});

describe("what pupils said changed", () => {
  it("shows each statement's share agreeing before and after with 95% intervals, in the review and the quarterly report", async () => {
    const before = annualReviewDocument(await annualReview({ viewer: MANAGER, kind: "academic", startYear: 2026, audience: "staff", now }));
    expect(before.blocks).toContainEqual({ kind: "paragraph", text: "No questionnaire was answered in the year." });

    const play = await db.programme.findFirstOrThrow({ where: { name: "The Play" } });
    const dale = await makeVenue(db, { name: "Dale School" });
    const team = await makeTeam(db);
    const session = await makeSession(db, {
      programmeId: play.id,
      venueId: dale.id,
      teamId: team.id,
      date: "2026-10-20",
      start: "10:00",
      end: "11:00",
      status: "DELIVERED",
    });
    await db.attendanceCount.create({ data: { sessionId: session.id, yearGroup: "Y10", sex: "GIRL", count: 40 } });
    await makeQuestionnaire(db, {
      programmeId: play.id,
      questions: [{ kind: "AGREE_SCALE", text: "I would know who to tell", measured: true }],
      run: { sessionId: session.id, code: "BOARD1", opensOn: "2026-10-20", closesOn: "2026-10-27" },
    });
    // 20 pupils ("before today" / "now"): 6 agreed before, 15 agree now.
    const answers = [...Array(5).fill(["4", "5"]), ["5", "2"], ...Array(10).fill(["2", "4"]), ...Array(4).fill(["3", "3"])] as [
      string,
      string,
    ][];
    for (const [was, is] of answers)
      await submitQuestionnaire("BOARD1", { "q1-before": was, "q1-now": is }, new Date("2026-10-21T10:00:00Z"));

    const doc = annualReviewDocument(await annualReview({ viewer: MANAGER, kind: "academic", startYear: 2026, audience: "staff", now }));
    // The Play reached 120 + 80 + 30 + 40 = 270 pupils in 2026/27; 20 answered: 7%.
    expect(doc.blocks).toContainEqual({
      kind: "paragraph",
      text: "The Play: 20 answers online and 0 on paper after the performance, from 270 pupils reached (7% answered).",
    });
    // Wilson: 6 of 20 is 30% (14.5% to 51.9%), 15 of 20 is 75% (53.1% to 88.8%); Newcombe: +45 points (+14.1 to +65.7).
    expect(table(doc, "The Play: pupils agreeing with each statement, online").rows).toEqual([
      ["I would know who to tell", "30% (15% to 52%)", "75% (53% to 89%)", "+45 points (+14 to +66)"],
    ]);

    // The public version, with the council's threshold of 25, shows no share from 20 answers.
    await savePublicThreshold({ ...(await makeUser(db, { roles: ["ADMIN"] })), roles: ["ADMIN"] }, 25, meta);
    const pub = annualReviewDocument(await annualReview({ viewer: MANAGER, kind: "academic", startYear: 2026, audience: "public", now }));
    expect(table(pub, "The Play: pupils agreeing with each statement, online").rows).toEqual([
      ["I would know who to tell", "fewer than 25 answers", "fewer than 25 answers", "not enough answers"],
    ]);
    await db.setting.deleteMany({ where: { key: "reports.publicSuppressionThreshold" } });

    const quarterly = await pdfText((await quarterlyReportPdf({ viewer: MANAGER, year: "2026", now }))!.pdf);
    const all = quarterly.pages.join(" ");
    expect(all).toContain("What pupils said changed");
    expect(all).toContain("+45 points (+14 to +66)");
  });
});
