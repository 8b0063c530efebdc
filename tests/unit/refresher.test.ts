import { describe, expect, it } from "vitest";
import { refresherDueDate } from "~/utils/refresher";

describe("refresher due date", () => {
  it("adds calendar months to the date last attended", () => {
    expect(refresherDueDate("2026-03-15", 12)).toBe("2027-03-15");
    expect(refresherDueDate("2026-03-15", 36)).toBe("2029-03-15");
    expect(refresherDueDate("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("clamps to the end of a shorter month", () => {
    expect(refresherDueDate("2027-01-31", 1)).toBe("2027-02-28");
    expect(refresherDueDate("2026-08-31", 1)).toBe("2026-09-30");
    expect(refresherDueDate("2026-05-31", 6)).toBe("2026-11-30");
  });

  it("knows leap years", () => {
    expect(refresherDueDate("2028-01-31", 1)).toBe("2028-02-29");
    expect(refresherDueDate("2028-02-29", 12)).toBe("2029-02-28");
    expect(refresherDueDate("2028-02-29", 48)).toBe("2032-02-29");
    expect(refresherDueDate("2027-02-28", 12)).toBe("2028-02-28");
    expect(refresherDueDate("2099-12-31", 2)).toBe("2100-02-28"); // 2100 is not a leap year
  });

  it("is not moved by the clock changes (last Sundays of March and October)", () => {
    expect(refresherDueDate("2026-03-29", 12)).toBe("2027-03-29");
    expect(refresherDueDate("2026-10-25", 1)).toBe("2026-11-25");
    expect(refresherDueDate("2026-09-25", 1)).toBe("2026-10-25");
  });

  it("refuses what is not a date or a period", () => {
    expect(() => refresherDueDate("2026-02-30", 12)).toThrow(RangeError);
    expect(() => refresherDueDate("31/01/2026", 12)).toThrow(RangeError);
    expect(() => refresherDueDate("2026-01-31", 0)).toThrow(RangeError);
    expect(() => refresherDueDate("2026-01-31", 1.5)).toThrow(RangeError);
  });
});
