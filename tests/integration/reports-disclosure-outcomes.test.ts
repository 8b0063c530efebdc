// What happened after disclosures, for the Board: worked out by hand for financial year 2026-27, as a lead sees it
// and as a manager sees it (every count of 1–4 suppressed, and any figure that would give one back withheld).
import { beforeAll, describe, expect, it } from "vitest";
import { disclosureOutcomes } from "~/models/disclosure-outcomes.server";
import * as outcomesRoute from "~/routes/reports.disclosures";
import { db } from "~/utils/db.server";
import { SUPPRESSED, WITHHELD } from "~/utils/suppression";
import { makeDisclosure, makeUser } from "../factories";
import { get, signedInAs } from "../setup/requests";

const now = new Date("2026-12-01T12:00:00Z");
const S = SUPPRESSED;
let cse: string;

beforeAll(async () => {
  const receiver = await makeUser(db, { roles: ["LEAD"] });
  cse = (await db.concernCategory.findFirstOrThrow({ where: { code: "CSE" } })).id;
  const q1 = new Date("2026-05-10T09:00:00Z");
  const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
  // Q1: six high-risk disclosures, four referred to MASH after 60, 120, 180 and 600 minutes, two not referred.
  for (const minutes of [60, 120, 180, 600, null])
    await makeDisclosure(db, {
      receivedById: receiver.id,
      disclosedAt: q1,
      risk: "HIGH",
      ...(minutes === null ? {} : { referralTo: "MASH", referralAt: minutesAfter(q1, minutes) }),
    });
  await makeDisclosure(db, { receivedById: receiver.id, disclosedAt: q1, risk: "HIGH" });
  // Q3: two medium-risk, one referred to the police after 30 minutes with an action overdue since 1 November.
  const q3 = new Date("2026-10-10T09:00:00Z");
  const police = await makeDisclosure(db, {
    receivedById: receiver.id,
    disclosedAt: q3,
    risk: "MEDIUM",
    referralTo: "POLICE",
    referralAt: minutesAfter(q3, 30),
  });
  await makeDisclosure(db, { receivedById: receiver.id, disclosedAt: q3, risk: "MEDIUM" });
  await db.disclosureAction.create({
    data: { disclosureId: police.id, description: "Call back", ownerId: receiver.id, createdById: receiver.id, dueDate: "2026-11-01" },
  });
  // Not in 2026-27: 1 April 2027 at 00:30 UK time (BST) is the next financial year.
  await makeDisclosure(db, { receivedById: receiver.id, disclosedAt: new Date("2027-03-31T23:30:00Z"), risk: "LOW" });
});

const cells = (rows: { key: string; cells: (number | string)[] }[], key: string) => rows.find((r) => r.key === key)!.cells;

describe("after disclosures", () => {
  it("a lead sees the exact figures; the median of four is the mean of the middle two", async () => {
    const r = await disclosureOutcomes({ viewer: { roles: ["LEAD"] }, startYear: 2026, now });
    expect(cells(r.byRisk, "HIGH")).toEqual([6, 0, 0, 0, 6]);
    expect(cells(r.byRisk, "MEDIUM")).toEqual([0, 0, 2, 0, 2]);
    expect(cells(r.byRisk, "LOW")).toEqual([0, 0, 0, 0, 0]);
    expect(cells(r.byRisk, "total")).toEqual([6, 0, 2, 0, 8]);
    expect(cells(r.byCategory, cse)).toEqual([6, 0, 2, 0, 8]);
    expect(cells(r.referrals, "MASH")).toEqual([4, 0, 0, 0, 4]);
    expect(cells(r.referrals, "POLICE")).toEqual([0, 0, 1, 0, 1]);
    expect(cells(r.referrals, "total")).toEqual([4, 0, 1, 0, 5]);
    // Q1: 60, 120, 180, 600 → (120 + 180) / 2 = 150 minutes. Year: 30, 60, 120, 180, 600 → 120.
    expect(cells(r.referralTimes, "median")).toEqual(["2 hours 30 minutes", "no referrals", "30 minutes", "no referrals", "2 hours"]);
    expect(cells(r.referralTimes, "longest")).toEqual(["10 hours", "no referrals", "30 minutes", "no referrals", "10 hours"]);
    expect(r.overdue.cells).toEqual([0, 0, 1, 0, 1]);
  });

  it("a manager never sees a count of 1 to 4, nor a figure that gives one back, nor times from fewer than 5 referrals", async () => {
    const r = await disclosureOutcomes({ viewer: { roles: ["MANAGER"] }, startYear: 2026, now });
    expect(cells(r.byRisk, "HIGH")).toEqual([6, 0, 0, 0, 6]);
    expect(cells(r.byRisk, "MEDIUM")).toEqual([0, 0, S, 0, S]);
    // 8 − 6 would give the medium 2 back, across the row and down the year's column.
    expect(cells(r.byRisk, "total")).toEqual([6, 0, S, 0, WITHHELD]);
    expect(cells(r.byCategory, cse)).toEqual([6, 0, S, 0, WITHHELD]);
    // 4 and 1 suppressed; their total of 5 could be 1 + 4, 2 + 3, … so it stays.
    expect(cells(r.referrals, "MASH")).toEqual([S, 0, 0, 0, S]);
    expect(cells(r.referrals, "POLICE")).toEqual([0, 0, S, 0, S]);
    expect(cells(r.referrals, "total")).toEqual([S, 0, S, 0, 5]);
    expect(cells(r.referralTimes, "median")).toEqual([WITHHELD, "no referrals", WITHHELD, "no referrals", "2 hours"]);
    expect(r.overdue.cells).toEqual([0, 0, S, 0, S]);
  });

  it("the page: a manager gets figures only, with no disclosure reference or record in them", async () => {
    const { cookie } = await signedInAs(["MANAGER"]);
    const data = (await outcomesRoute.loader({
      request: get("/reports/disclosures?year=2026", cookie),
      params: {},
      context: { requestId: "TEST", cspNonce: "" },
    })) as Awaited<ReturnType<typeof disclosureOutcomes>>;
    expect(cells(data.byRisk, "MEDIUM")).toEqual([0, 0, S, 0, S]);
    const references = await db.disclosure.findMany({ select: { reference: true, id: true } });
    const text = JSON.stringify(data);
    for (const d of references) {
      expect(text).not.toContain(d.reference);
      expect(text).not.toContain(d.id);
    }
  });
});
