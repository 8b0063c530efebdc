import { describe, expect, it } from "vitest";
import { financialQuarters, financialYear, financialYearLabel, financialYearStarting } from "~/utils/report-periods";
import { NOT_ENOUGH_PUPILS, perThousandPupils, SUPPRESSED, suppressCount, suppressCounts, WITHHELD } from "~/utils/suppression";

describe("financial years", () => {
  it("run from 1 April to 31 March", () => {
    expect(financialYearStarting("2026-04-01")).toBe(2026);
    expect(financialYearStarting("2027-03-31")).toBe(2026);
    expect(financialYearStarting("2026-03-31")).toBe(2025);
    expect(financialYear(2026)).toEqual({ from: "2026-04-01", to: "2027-03-31" });
    expect(financialYearLabel(2026)).toBe("2026-27");
    expect(financialYearLabel(2099)).toBe("2099-00");
  });

  it("have four quarters, the last in the next calendar year", () => {
    expect(financialQuarters(2026).map((q) => [q.from, q.to])).toEqual([
      ["2026-04-01", "2026-06-30"],
      ["2026-07-01", "2026-09-30"],
      ["2026-10-01", "2026-12-31"],
      ["2027-01-01", "2027-03-31"],
    ]);
    expect(financialQuarters(2026)[3].label).toBe("Q4 (January to March 2027)");
  });
});

describe("small-number suppression", () => {
  it("shows leads the exact figures", () => {
    expect(suppressCounts([3, 10, 0], 13, true)).toEqual({ cells: [3, 10, 0], total: 13 });
  });

  it("suppresses 1 to 4 but not 0 or 5", () => {
    expect(suppressCounts([0, 5, 6], 11, false)).toEqual({ cells: [0, 5, 6], total: 11 });
    expect(suppressCounts([1, 0, 0], 1, false)).toEqual({ cells: [SUPPRESSED, 0, 0], total: SUPPRESSED });
    expect(suppressCount(4, false)).toBe(SUPPRESSED);
    expect(suppressCount(4, true)).toBe(4);
    expect(suppressCount(0, false)).toBe(0);
  });

  it("withholds the total when one suppressed cell could be worked out by subtraction", () => {
    // HIGH 3, MEDIUM 10, LOW 0: 13 − 10 − 0 would give the 3 back.
    expect(suppressCounts([3, 10, 0], 13, false)).toEqual({ cells: [SUPPRESSED, 10, 0], total: WITHHELD });
    expect(suppressCounts([1, 0, 5], 6, false)).toEqual({ cells: [SUPPRESSED, 0, 5], total: WITHHELD });
  });

  it("withholds the total when the remainder forces every suppressed cell to 1 or to 4", () => {
    expect(suppressCounts([1, 1, 9], 11, false).total).toBe(WITHHELD); // two cells sharing 2: both 1
    expect(suppressCounts([4, 4, 9], 17, false).total).toBe(WITHHELD); // two cells sharing 8: both 4
    expect(suppressCounts([2, 3, 9], 14, false)).toEqual({ cells: [SUPPRESSED, SUPPRESSED, 9], total: 14 }); // 5 shared: 1+4, 2+3, …
  });

  it("keeps a total that reveals nothing, e.g. when categories overlap and there are several small cells", () => {
    expect(suppressCounts([2, 2, 2], 6, false)).toEqual({ cells: [SUPPRESSED, SUPPRESSED, SUPPRESSED], total: 6 });
  });
});

describe("disclosures per 1,000 pupils", () => {
  it("one decimal; withheld when the count is not shown; not enough pupils when there are none", () => {
    expect(perThousandPupils(7, 2150)).toBe("3.3");
    expect(perThousandPupils(0, 500)).toBe("0.0");
    expect(perThousandPupils(SUPPRESSED, 500)).toBe(WITHHELD);
    expect(perThousandPupils(WITHHELD, 500)).toBe(WITHHELD);
    expect(perThousandPupils(7, 0)).toBe(NOT_ENOUGH_PUPILS);
  });
});
