import { describe, expect, it } from "vitest";
import {
  capacityLimitsExceeded,
  clashesWith,
  judgeSlot,
  sessionsInTheWay,
  type NearbySession,
  type ProposedSlot,
  type SlotFacts,
} from "~/models/sessions/slot-judge";

const MONDAY = "2027-03-08";
const NOW = new Date("2027-03-01T09:00:00Z");

const slot = (over: Partial<ProposedSlot> = {}): ProposedSlot => ({
  programmeId: "p1",
  venueId: "venue-a",
  teamId: "team-1",
  date: MONDAY,
  startTime: "10:00",
  endTime: "11:00",
  ...over,
});

const facts = (over: Partial<SlotFacts> = {}): SlotFacts => ({
  now: NOW,
  travelBufferMinutes: 45,
  programme: { getInMinutes: 0, getOutMinutes: 0, capacity: 240 },
  team: { id: "team-1", name: "Team One", sessionsPerDay: 4, workingWeekdays: [1, 2, 3, 4, 5] },
  venue: { id: "venue-a", name: "Venue A", hallCapacity: 250 },
  availability: { available: true },
  nearby: [],
  ...over,
});

let ids = 0;
const near = (startsAt: string, endsAt: string, over: Partial<NearbySession> = {}): NearbySession => ({
  id: `s${++ids}`,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  venueId: "venue-a",
  teamId: "team-1",
  turnaround: { getInMinutes: 0, getOutMinutes: 0 },
  ...over,
});

const rules = (s: ProposedSlot, f: SlotFacts) => judgeSlot(s, f).breaches.map((b) => b.rule);

describe("judgeSlot, one rule at a time", () => {
  it("accepts a slot that breaks nothing, with its London instants", () => {
    expect(judgeSlot(slot(), facts())).toEqual({
      startsAt: new Date("2027-03-08T10:00:00Z"),
      endsAt: new Date("2027-03-08T11:00:00Z"),
      breaches: [],
    });
  });

  it("needs the end after the start, and real times", () => {
    expect(judgeSlot(slot({ endTime: "10:00" }), facts()).breaches).toEqual([{ rule: "END_BEFORE_START" }]);
    expect(judgeSlot(slot({ endTime: "09:59" }), facts()).breaches).toEqual([{ rule: "END_BEFORE_START" }]);
    expect(judgeSlot(slot({ startTime: "25:00" }), facts()).breaches).toEqual([{ rule: "INVALID_TIME", field: "startTime" }]);
    expect(judgeSlot(slot({ endTime: "x" }), facts()).breaches).toEqual([{ rule: "INVALID_TIME", field: "endTime" }]);
    expect(judgeSlot(slot({ date: "2027-02-30" }), facts())).toEqual({
      startsAt: null,
      endsAt: null,
      breaches: [{ rule: "INVALID_TIME", field: "startTime" }],
    });
  });

  it("refuses the past (a start at now included) unless recording a delivered session, and 'delivered' in the future", () => {
    const at10 = new Date("2027-03-08T10:00:00Z");
    expect(rules(slot(), facts({ now: at10 }))).toEqual(["PAST"]);
    expect(rules(slot({ startTime: "10:01" }), facts({ now: at10 }))).toEqual([]);
    expect(rules(slot({ alreadyDelivered: true }), facts({ now: at10 }))).toEqual([]);
    expect(rules(slot({ alreadyDelivered: true }), facts())).toEqual(["NOT_YET_DELIVERED"]);
  });

  it("refuses a day the team does not work, naming the weekday", () => {
    expect(judgeSlot(slot(), facts({ team: { ...facts().team, workingWeekdays: [2, 3] } })).breaches).toEqual([
      { rule: "NON_WORKING_DAY", weekday: "Monday" },
    ]);
  });

  it("refuses a day the venue's calendar closes, with the calendar's reason", () => {
    const closed = facts({ availability: { available: false, kind: "CLOSURE", reason: "Roof repairs", closureId: "c1" } });
    expect(judgeSlot(slot(), closed).breaches).toEqual([
      { rule: "VENUE_CLOSED", kind: "CLOSURE", reason: "Roof repairs", closureId: "c1" },
    ]);
    const inset = facts({ availability: { available: false, kind: "INSET", reason: "INSET day" } });
    expect(judgeSlot(slot(), inset).breaches).toEqual([{ rule: "VENUE_CLOSED", kind: "INSET", reason: "INSET day" }]);
  });

  it("refuses a team clash, touching intervals excepted", () => {
    const booked = near("2027-03-08T10:00:00Z", "2027-03-08T11:00:00Z");
    const f = facts({ nearby: [booked] });
    expect(judgeSlot(slot({ startTime: "10:59", endTime: "11:30" }), f).breaches).toEqual([
      { rule: "TEAM_CLASH", sessionIds: [booked.id] },
    ]);
    expect(rules(slot({ startTime: "11:00", endTime: "12:00" }), f)).toEqual([]);
    expect(rules(slot({ startTime: "09:00", endTime: "10:00" }), f)).toEqual([]);
  });

  it("counts get-in and get-out, the new session's and the booked one's", () => {
    const booked = near("2027-03-08T10:00:00Z", "2027-03-08T11:00:00Z", { turnaround: { getInMinutes: 60, getOutMinutes: 45 } });
    const f = facts({ nearby: [booked] });
    // Busy 09:00–11:45.
    expect(rules(slot({ startTime: "11:44", endTime: "12:30" }), f)).toEqual(["TEAM_CLASH"]);
    expect(rules(slot({ startTime: "11:45", endTime: "12:30" }), f)).toEqual([]);
    expect(rules(slot({ startTime: "08:00", endTime: "09:01" }), f)).toEqual(["TEAM_CLASH"]);
    const withGetOut = facts({ nearby: [booked], programme: { getInMinutes: 0, getOutMinutes: 30, capacity: null } });
    expect(rules(slot({ startTime: "08:00", endTime: "08:31" }), withGetOut)).toEqual(["TEAM_CLASH"]);
    expect(rules(slot({ startTime: "07:30", endTime: "08:30" }), withGetOut)).toEqual([]);
  });

  it("adds the travel buffer only between different venues", () => {
    const booked = near("2027-03-08T10:00:00Z", "2027-03-08T11:00:00Z");
    const f = facts({ nearby: [booked] });
    expect(rules(slot({ venueId: "venue-b", startTime: "11:44", endTime: "12:30" }), f)).toEqual(["TEAM_CLASH"]);
    expect(rules(slot({ venueId: "venue-b", startTime: "11:45", endTime: "12:30" }), f)).toEqual([]);
    expect(rules(slot({ venueId: "venue-a", startTime: "11:00", endTime: "12:00" }), f)).toEqual([]);
    const candidate = {
      teamId: "team-1",
      venueId: "venue-b",
      startsAt: new Date("2027-03-08T11:30:00Z"),
      endsAt: new Date("2027-03-08T12:00:00Z"),
    };
    expect(clashesWith(candidate, { ...f, travelBufferMinutes: 0 })).toEqual({ team: [], hall: [] });
    expect(clashesWith(candidate, f)).toEqual({ team: [booked.id], hall: [] });
  });

  it("refuses a hall in use by another team, with turnaround but no travel buffer", () => {
    const other = near("2027-03-08T10:00:00Z", "2027-03-08T11:00:00Z", {
      teamId: "team-2",
      turnaround: { getInMinutes: 0, getOutMinutes: 15 },
    });
    const f = facts({ nearby: [other] });
    expect(judgeSlot(slot({ startTime: "11:14", endTime: "12:00" }), f).breaches).toEqual([{ rule: "HALL_CLASH", sessionIds: [other.id] }]);
    expect(rules(slot({ startTime: "11:15", endTime: "12:00" }), f)).toEqual([]);
    expect(rules(slot({ venueId: "venue-b", startTime: "10:30", endTime: "11:30" }), f)).toEqual([]);
  });

  it("refuses a day the team already has its most sessions", () => {
    const morning = near("2027-03-08T08:00:00Z", "2027-03-08T09:00:00Z");
    const afternoon = near("2027-03-08T14:00:00Z", "2027-03-08T15:00:00Z");
    const f = facts({ nearby: [morning, afternoon], team: { ...facts().team, sessionsPerDay: 2 } });
    expect(judgeSlot(slot(), f).breaches).toEqual([{ rule: "DAY_FULL", limit: 2, sessionIds: [morning.id, afternoon.id] }]);
    expect(rules(slot(), facts({ nearby: [morning, afternoon], team: { ...facts().team, sessionsPerDay: 3 } }))).toEqual([]);
  });

  it("flags more expected than the programme or the hall takes", () => {
    expect(judgeSlot(slot({ expected: 241 }), facts()).breaches).toEqual([
      { rule: "OVER_CAPACITY", expected: 241, limits: [{ what: "programme", limit: 240 }] },
    ]);
    expect(judgeSlot(slot({ expected: 260 }), facts()).breaches).toEqual([
      {
        rule: "OVER_CAPACITY",
        expected: 260,
        limits: [
          { what: "programme", limit: 240 },
          { what: "hall", limit: 250 },
        ],
      },
    ]);
    expect(rules(slot({ expected: 240 }), facts())).toEqual([]);
    expect(rules(slot({ expected: null }), facts())).toEqual([]);
    expect(capacityLimitsExceeded(5000, { programmeCapacity: null, hallCapacity: null })).toEqual([]);
  });
});

describe("judgeSlot, several rules at once", () => {
  it("lists every rule broken, in the order a coordinator hears them", () => {
    const judgement = judgeSlot(
      slot({ date: "2027-03-07", startTime: "10:00", endTime: "11:00", expected: 300 }),
      facts({
        now: new Date("2027-03-09T00:00:00Z"),
        nearby: [
          near("2027-03-07T10:30:00Z", "2027-03-07T11:30:00Z", { id: "team-clash", venueId: "venue-b" }),
          near("2027-03-07T10:30:00Z", "2027-03-07T11:30:00Z", { id: "hall-clash", teamId: "team-2" }),
        ],
        team: { ...facts().team, sessionsPerDay: 1 },
        availability: { available: false, kind: "WEEKEND", reason: "Weekend" },
      }),
    );
    expect(judgement.breaches.map((b) => b.rule)).toEqual([
      "PAST",
      "NON_WORKING_DAY",
      "VENUE_CLOSED",
      "TEAM_CLASH",
      "HALL_CLASH",
      "DAY_FULL",
      "OVER_CAPACITY",
    ]);
    expect(sessionsInTheWay(judgement.breaches)).toEqual([]);
    expect(sessionsInTheWay(judgement.breaches.slice(3))).toEqual([
      { id: "team-clash", reason: "TEAM" },
      { id: "hall-clash", reason: "VENUE" },
    ]);
    expect(sessionsInTheWay(judgement.breaches.slice(4))).toEqual([{ id: "hall-clash", reason: "VENUE" }]);
    expect(sessionsInTheWay(judgement.breaches.slice(5))).toEqual([{ id: "team-clash", reason: "TEAM" }]);
  });

  it("still judges the date's rules when the times have no instants", () => {
    const judgement = judgeSlot(
      slot({ endTime: "09:00", expected: 300 }),
      facts({ team: { ...facts().team, workingWeekdays: [2] }, availability: { available: false, kind: "INSET", reason: "INSET day" } }),
    );
    expect(judgement.startsAt).toBeNull();
    expect(judgement.breaches.map((b) => b.rule)).toEqual(["END_BEFORE_START", "NON_WORKING_DAY", "VENUE_CLOSED", "OVER_CAPACITY"]);
  });
});

describe("judgeSlot when moving a session", () => {
  it("ignores the session being moved, for clashes and for the full day", () => {
    const itself = near("2027-03-08T10:00:00Z", "2027-03-08T11:00:00Z");
    const f = facts({ nearby: [itself], team: { ...facts().team, sessionsPerDay: 1 } });
    expect(rules(slot({ startTime: "10:30", endTime: "11:30" }), f)).toEqual(["TEAM_CLASH", "DAY_FULL"]);
    expect(rules(slot({ startTime: "10:30", endTime: "11:30", excludeSessionId: itself.id }), f)).toEqual([]);
  });
});

describe("judgeSlot across the clock changes", () => {
  const everyDay = { ...facts().team, workingWeekdays: [1, 2, 3, 4, 5, 6, 7] };

  it("on the last Sunday of March, 01:30 does not exist and the afternoon is BST", () => {
    const spring = "2027-03-28";
    expect(judgeSlot(slot({ date: spring, startTime: "01:30", endTime: "03:00" }), facts({ team: everyDay })).breaches).toEqual([
      { rule: "NONEXISTENT_TIME", field: "startTime", time: "01:30" },
    ]);
    expect(judgeSlot(slot({ date: spring, startTime: "00:30", endTime: "01:30" }), facts({ team: everyDay })).breaches).toEqual([
      { rule: "NONEXISTENT_TIME", field: "endTime", time: "01:30" },
    ]);
    expect(judgeSlot(slot({ date: spring, startTime: "14:00", endTime: "15:00" }), facts({ team: everyDay }))).toEqual({
      startsAt: new Date("2027-03-28T13:00:00Z"),
      endsAt: new Date("2027-03-28T14:00:00Z"),
      breaches: [],
    });
  });

  it("on the last Sunday of October, 01:30 happens twice (the later, GMT, one is meant) and the Monday after is GMT", () => {
    const autumn = "2026-10-25";
    const judged = judgeSlot(
      slot({ date: autumn, startTime: "01:30", endTime: "02:30" }),
      facts({ team: everyDay, now: new Date("2026-10-01") }),
    );
    expect(judged).toEqual({ startsAt: new Date("2026-10-25T01:30:00Z"), endsAt: new Date("2026-10-25T02:30:00Z"), breaches: [] });
    // Wall-clock order is instant order, across the repeated hour too.
    const acrossTheChange = judgeSlot(
      slot({ date: autumn, startTime: "00:59", endTime: "01:00" }),
      facts({ team: everyDay, now: new Date("2026-10-01") }),
    );
    expect(acrossTheChange.breaches).toEqual([]);
    expect(acrossTheChange.endsAt!.getTime() - acrossTheChange.startsAt!.getTime()).toBe(61 * 60_000);
    expect(judgeSlot(slot({ date: "2026-10-26", startTime: "09:00", endTime: "10:00" }), facts({ now: new Date("2026-10-01") }))).toEqual({
      startsAt: new Date("2026-10-26T09:00:00Z"),
      endsAt: new Date("2026-10-26T10:00:00Z"),
      breaches: [],
    });
  });

  it("counts only the London day's sessions towards a full day", () => {
    const one = { ...facts().team, sessionsPerDay: 1 };
    // 23:30 London on Sunday 7 March is 23:30Z: the day before, so Monday is free.
    const lateSunday = near("2027-03-07T23:30:00Z", "2027-03-08T00:15:00Z", { venueId: "venue-b" });
    expect(rules(slot(), facts({ team: one, nearby: [lateSunday] }))).toEqual([]);
    // Saturday 27 March 2027, 23:30 GMT; Sunday 28th is the spring-forward day.
    const beforeSpring = near("2027-03-27T23:30:00Z", "2027-03-28T00:00:00Z", { venueId: "venue-b" });
    const sunday = facts({ team: { ...one, workingWeekdays: [7] }, nearby: [beforeSpring] });
    expect(rules(slot({ date: "2027-03-28", startTime: "14:00", endTime: "15:00" }), sunday)).toEqual([]);
    // Saturday 30 October 2027, 23:30 BST is 22:30Z; Sunday 31st is the fall-back day, and starts at 23:00Z.
    const beforeAutumn = near("2027-10-30T22:30:00Z", "2027-10-30T22:45:00Z", { venueId: "venue-b" });
    const autumn = facts({ team: { ...one, workingWeekdays: [7] }, nearby: [beforeAutumn], now: new Date("2027-10-01") });
    expect(rules(slot({ date: "2027-10-31", startTime: "14:00", endTime: "15:00" }), autumn)).toEqual([]);
    // 00:30 BST on Sunday 31st (23:30Z on Saturday) is that Sunday's and fills it.
    const earlySunday = near("2027-10-30T23:30:00Z", "2027-10-30T23:45:00Z", { venueId: "venue-b" });
    const full = facts({ team: { ...one, workingWeekdays: [7] }, nearby: [earlySunday], now: new Date("2027-10-01") });
    expect(judgeSlot(slot({ date: "2027-10-31", startTime: "14:00", endTime: "15:00" }), full).breaches).toEqual([
      { rule: "DAY_FULL", limit: 1, sessionIds: [earlySunday.id] },
    ]);
  });
});

describe("judgeSlot and busy time from the team's and the venue's own calendars", () => {
  const busy = (startsAt: string, endsAt: string, owner: "TEAM" | "VENUE", allDay = false) => ({
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    allDay,
    owner,
  });

  it("refuses a slot overlapping the team's busy time, get-in and get-out included; touching is not a clash", () => {
    const f = facts({ busy: [busy("2027-03-08T11:00:00Z", "2027-03-08T12:00:00Z", "TEAM")] });
    expect(judgeSlot(slot({ startTime: "10:30", endTime: "11:30" }), f).breaches).toEqual([
      {
        rule: "EXTERNAL_BUSY",
        owner: "TEAM",
        startsAt: new Date("2027-03-08T11:00:00Z"),
        endsAt: new Date("2027-03-08T12:00:00Z"),
        allDay: false,
      },
    ]);
    expect(rules(slot({ startTime: "10:00", endTime: "11:00" }), f)).toEqual([]);
    const withGetOut = { ...f, programme: { ...f.programme, getOutMinutes: 15 } };
    expect(rules(slot({ startTime: "10:00", endTime: "11:00" }), withGetOut)).toEqual(["EXTERNAL_BUSY"]);
  });

  it("names the team's busy time before the venue's, after the clashes with sessions", () => {
    const f = facts({
      busy: [
        busy("2027-03-08T09:00:00Z", "2027-03-08T10:30:00Z", "VENUE"),
        busy("2027-03-08T00:00:00Z", "2027-03-09T00:00:00Z", "TEAM", true),
      ],
      nearby: [near("2027-03-08T10:00:00Z", "2027-03-08T11:00:00Z")],
    });
    expect(judgeSlot(slot(), f).breaches.map((b) => (b.rule === "EXTERNAL_BUSY" ? `${b.rule} ${b.owner}` : b.rule))).toEqual([
      "TEAM_CLASH",
      "EXTERNAL_BUSY TEAM",
      "EXTERNAL_BUSY VENUE",
    ]);
  });

  it("on the day the clocks go forward, compares instants: 10:00 BST is 09:00 UTC", () => {
    const everyDay = { ...facts().team, workingWeekdays: [1, 2, 3, 4, 5, 6, 7] };
    const spring = "2027-03-28";
    const f = facts({ team: everyDay, busy: [busy("2027-03-28T09:00:00Z", "2027-03-28T10:00:00Z", "TEAM")] });
    expect(rules(slot({ date: spring, startTime: "10:00", endTime: "10:30" }), f)).toEqual(["EXTERNAL_BUSY"]);
    expect(rules(slot({ date: spring, startTime: "11:00", endTime: "12:00" }), f)).toEqual([]);
    expect(rules(slot({ date: spring, startTime: "09:00", endTime: "10:00" }), f)).toEqual([]);
  });
});
