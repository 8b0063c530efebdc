import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  dateFromParts,
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  InvalidLocalTimeError,
  londonDate,
  londonDayBounds,
  londonTime,
  londonToInstant,
} from "~/utils/time";

describe("Europe/London times", () => {
  it("stores GMT winter times as the same UTC instant", () => {
    expect(londonToInstant("2026-01-15", "09:30").toISOString()).toBe("2026-01-15T09:30:00.000Z");
  });

  it("stores BST summer times one hour earlier in UTC", () => {
    expect(londonToInstant("2026-07-01", "09:30").toISOString()).toBe("2026-07-01T08:30:00.000Z");
  });

  it("handles the last Sunday of March (clocks go forward at 01:00)", () => {
    expect(londonToInstant("2026-03-29", "00:30").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(londonToInstant("2026-03-29", "09:30").toISOString()).toBe("2026-03-29T08:30:00.000Z");
    expect(() => londonToInstant("2026-03-29", "01:30")).toThrow(InvalidLocalTimeError);
    expect(londonTime(londonToInstant("2026-03-30", "09:30"))).toBe("09:30");
  });

  it("handles the last Sunday of October (clocks go back at 02:00)", () => {
    expect(londonToInstant("2026-10-25", "09:30").toISOString()).toBe("2026-10-25T09:30:00.000Z");
    expect(londonToInstant("2026-10-24", "09:30").toISOString()).toBe("2026-10-24T08:30:00.000Z");
    expect(londonTime(londonToInstant("2026-10-26", "14:00"))).toBe("14:00");
  });

  it("shows instants in London time whatever the server's zone", () => {
    const instant = new Date("2026-06-30T23:30:00Z");
    expect(londonDate(instant)).toBe("2026-07-01");
    expect(formatTime(instant)).toBe("12:30am");
    expect(formatDateTime(new Date("2026-03-30T08:30:00Z"))).toBe("Monday 30 March 2026, 9:30am");
  });

  it("formats dates and times exactly as luxon's format strings did, across both clock changes", () => {
    // Every 31 minutes for two years (so every minute-of-hour comes round, and both clock changes of each year), and dates.
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 31 * 60_000) {
      const instant = new Date(t);
      const dt = DateTime.fromJSDate(instant, { zone: "Europe/London" }).setLocale("en-GB");
      expect(formatDate(instant)).toBe(dt.toFormat("cccc d LLLL yyyy"));
      expect(formatTime(instant)).toBe(`${dt.toFormat(dt.minute === 0 ? "h" : "h:mm")}${dt.hour < 12 ? "am" : "pm"}`);
    }
    expect(formatDate("2026-03-29")).toBe("Sunday 29 March 2026");
    expect(formatDate("0999-12-31")).toBe(
      DateTime.fromISO("0999-12-31", { zone: "Europe/London" }).setLocale("en-GB").toFormat("cccc d LLLL yyyy"),
    );
  });

  it("gives a 23-hour day in March and a 25-hour day in October", () => {
    const march = londonDayBounds("2026-03-29");
    const october = londonDayBounds("2026-10-25");
    expect((march.end.getTime() - march.start.getTime()) / 3600_000).toBe(23);
    expect((october.end.getTime() - october.start.getTime()) / 3600_000).toBe(25);
  });

  it("turns day, month and year fields into a date only when real", () => {
    expect(dateFromParts("29", "2", "2028")).toBe("2028-02-29");
    expect(dateFromParts("29", "2", "2027")).toBeNull();
    expect(dateFromParts("x", "1", "2026")).toBeNull();
    expect(dateFromParts("1", "13", "2026")).toBeNull();
  });
});

describe("formatDuration", () => {
  it("says how long in days, hours and minutes", () => {
    expect(formatDuration(0)).toBe("0 minutes");
    expect(formatDuration(125)).toBe("2 hours 5 minutes");
    expect(formatDuration(1440 + 60)).toBe("1 day 1 hour");
    expect(formatDuration(210)).toBe("3 hours 30 minutes");
  });
});

describe("dates and times shown in London, across the clock changes", () => {
  it("formatDate and formatTime agree with luxon every 15 minutes around the March and October 2026 changes", () => {
    for (const from of [Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 9, 24, 12)]) {
      for (let ms = from; ms < from + 36 * 3_600_000; ms += 15 * 60_000) {
        const dt = DateTime.fromMillis(ms, { zone: "Europe/London" });
        const minute = dt.minute === 0 ? "" : `:${String(dt.minute).padStart(2, "0")}`;
        expect(formatTime(new Date(ms))).toBe(`${dt.hour % 12 === 0 ? 12 : dt.hour % 12}${minute}${dt.hour < 12 ? "am" : "pm"}`);
        expect(formatDate(new Date(ms))).toBe(dt.setLocale("en-GB").toFormat("cccc d LLLL yyyy"));
      }
    }
    expect(formatTime(new Date("2026-03-29T00:59:00Z"))).toBe("12:59am");
    expect(formatTime(new Date("2026-03-29T01:00:00Z"))).toBe("2am");
    expect(formatTime(new Date("2026-10-25T00:59:00Z"))).toBe("1:59am");
    expect(formatTime(new Date("2026-10-25T01:00:00Z"))).toBe("1am");
  });
});
