import { describe, expect, it } from "vitest";
import { forecastSentence, sessionsNeeded } from "~/utils/forecast";

const base = { metric: "PUPILS_REACHED" as const, value: 4000, toDate: "2027-07-22", expected: 3650, schoolsNotBooked: 2, perSession: 240 };

describe("forecast sentence", () => {
  it("rounds the sessions needed up by the programme's capacity", () => {
    expect(sessionsNeeded(base)).toBe(2);
    expect(sessionsNeeded({ ...base, expected: 3760 })).toBe(1);
    expect(sessionsNeeded({ ...base, expected: 3759 })).toBe(2);
  });

  it("says the target will be met when the bookings reach it", () => {
    expect(forecastSentence({ ...base, expected: 4100, schoolsNotBooked: 1 })).toBe(
      "With the sessions booked, 4,100 of 4,000 pupils by Thursday 22 July 2027; 1 school not yet booked; the target will be met.",
    );
  });

  it("says when the sessions needed cannot be estimated", () => {
    expect(forecastSentence({ ...base, metric: "PEOPLE_TRAINED", value: 50, expected: 20, perSession: null })).toBe(
      "With the sessions booked, 20 of 50 people trained by Thursday 22 July 2027; the programme has no capacity set, so the sessions needed cannot be estimated.",
    );
  });
});
