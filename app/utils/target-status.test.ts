import { describe, expect, it } from "vitest";
import { elapsedFraction, percentOf, targetStatus } from "./target-status";
import { todayInLondon } from "./time";

// A target for October 2026 that ends on the last Sunday of October, the night the clocks go back.
const OCTOBER = { value: 100, fromDate: "2026-10-01", toDate: "2026-10-25" };
const at = (iso: string) => todayInLondon(new Date(iso));
const status = (now: string, achieved: number, booked = 0) => targetStatus({ ...OCTOBER, achieved, booked, today: at(now) });

describe("targetStatus", () => {
  it("is not started before the first London day of the period", () => {
    expect(status("2026-09-30T22:59:00Z", 0)).toBe("Not started"); // 23:59 BST on 30 September
    expect(status("2026-09-30T23:00:00Z", 0)).toBe("On track"); // midnight BST: day one, nothing due yet
  });

  it("is achieved as soon as the achieved figure reaches the target, even after the end", () => {
    expect(status("2026-10-10T12:00:00Z", 100)).toBe("Achieved");
    expect(status("2026-10-10T12:00:00Z", 140)).toBe("Achieved");
    expect(status("2026-11-15T12:00:00Z", 100)).toBe("Achieved");
  });

  it("is on track when bookings would meet it, or when achieved keeps pace with the days gone", () => {
    // 13 October: 12 of 25 days gone (48%).
    expect(status("2026-10-13T09:00:00Z", 48)).toBe("On track");
    expect(status("2026-10-13T09:00:00Z", 47)).toBe("At risk");
    expect(status("2026-10-13T09:00:00Z", 47, 53)).toBe("On track");
    expect(status("2026-10-13T09:00:00Z", 47, 52)).toBe("At risk");
  });

  it("uses London dates on the last Sunday of October (the period's last day)", () => {
    // 00:30 BST on Sunday 25 October (23:30 UTC on the 24th): the last day, 24 of 25 days gone.
    expect(at("2026-10-24T23:30:00Z")).toBe("2026-10-25");
    expect(status("2026-10-24T23:30:00Z", 96)).toBe("On track");
    expect(status("2026-10-24T23:30:00Z", 95)).toBe("At risk");
    // 23:30 GMT on the 25th, after the clocks went back: still the last day.
    expect(status("2026-10-25T23:30:00Z", 95)).toBe("At risk");
    expect(status("2026-10-25T23:30:00Z", 90, 10)).toBe("On track");
    // Midnight GMT: Monday 26 October, the period is over.
    expect(status("2026-10-26T00:00:00Z", 99)).toBe("Ended – not met");
    expect(status("2026-10-26T00:00:00Z", 90, 10)).toBe("Ended – not met");
  });

  it("counts whole days across the clock change", () => {
    expect(elapsedFraction("2026-10-01", "2026-10-25", "2026-10-25")).toBe(24 / 25);
    expect(elapsedFraction("2026-10-20", "2026-10-30", "2026-10-26")).toBe(6 / 11);
    expect(elapsedFraction("2027-03-27", "2027-03-29", "2027-03-29")).toBe(2 / 3); // the last Sunday of March
    expect(elapsedFraction("2026-10-01", "2026-10-25", "2026-09-01")).toBe(0);
    expect(elapsedFraction("2026-10-01", "2026-10-25", "2026-12-01")).toBe(1);
  });

  it("gives a one-day target its whole day before it is at risk", () => {
    expect(targetStatus({ value: 10, achieved: 0, booked: 0, fromDate: "2026-10-25", toDate: "2026-10-25", today: "2026-10-25" })).toBe(
      "On track",
    );
  });
});

describe("percentOf", () => {
  it("rounds, but a target not met never shows 100%", () => {
    expect(percentOf(2950, 4000)).toBe(74);
    expect(percentOf(2920, 4000)).toBe(73);
    expect(percentOf(3999, 4000)).toBe(99);
    expect(percentOf(4000, 4000)).toBe(100);
    expect(percentOf(5000, 4000)).toBe(125);
  });
});
