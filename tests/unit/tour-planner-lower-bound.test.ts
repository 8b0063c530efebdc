import { describe, expect, test } from "vitest";
import { daysForItems, lowerBound, type BoundCalendar, type BoundItem } from "~/models/tour-planner/lower-bound";
import { seededRandom } from "~/models/tour-planner/random";

// Two weeks of five days, one team: day indices 0–4 are the week of 9 Nov 2026, 5–9 the week of 16 Nov.
const TWO_WEEKS: BoundCalendar = {
  weekOf: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
  weekMondays: ["2026-11-09", "2026-11-16"],
  teamDaysOn: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
};
const anyDay = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const firstWeek = [0, 1, 2, 3, 4];
const secondWeek = [5, 6, 7, 8, 9];

describe("days needed by visits that cannot be split", () => {
  test("the sum of shows over the day's capacity, rounded up", () => {
    expect(daysForItems([1, 1, 1, 1, 1], 3)).toBe(2); // 5 shows, 3 a day
    expect(daysForItems([], 3)).toBe(0);
  });

  test("visits over half a day each need a day of their own", () => {
    // Four visits of 2 shows at 3 a day: 8 shows fit ceil(8/3) = 3 days by count, but no two 2-show visits share a
    // 3-show day, so 4 days.
    expect(daysForItems([2, 2, 2, 2], 3)).toBe(4);
    // With 4 a day two of them do share: 2 days.
    expect(daysForItems([2, 2, 2, 2], 4)).toBe(2);
  });

  test("a day holds only so many visits to different schools", () => {
    // Five one-show schools at 3 shows a day would need 2 days, but if travel between venues leaves room for only
    // 2 visits a day, they need ceil(5/2) = 3.
    expect(daysForItems([1, 1, 1, 1, 1], 3, 2)).toBe(3);
  });
});

describe("the lower bound on team-days", () => {
  test("calendars that split the shows between weeks raise the bound, and the weeks are named", () => {
    // Three one-show visits possible only in week 1 and three only in week 2, at 2 shows a day: each week needs
    // ceil(3/2) = 2 days, so 4 in all, although the plain count gives ceil(6/2) = 3.
    const items: BoundItem[] = [
      ...[1, 2, 3].map(() => ({ size: 1, allowedDays: firstWeek })),
      ...[1, 2, 3].map(() => ({ size: 1, allowedDays: secondWeek })),
    ];
    const bound = lowerBound(items, TWO_WEEKS, 2);
    expect(bound.teamDays).toBe(4);
    expect(bound.reasons[0]).toBe("6 performances at most 2 a team-day: at least 3 team-days.");
    expect(bound.reasons[1]).toContain("raises the bound to 4 (the week of 9 Nov 2026: 2; the week of 16 Nov 2026: 2)");
    expect(bound.overloadedWeeks).toEqual([]);
  });

  test("visits free to move between weeks do not raise it", () => {
    const items: BoundItem[] = [1, 2, 3, 4, 5, 6].map(() => ({ size: 1, allowedDays: anyDay }));
    expect(lowerBound(items, TWO_WEEKS, 2).teamDays).toBe(3);
  });

  test("a week that cannot hold its visits is named", () => {
    // The team works only two days in week 1, and three one-show visits (one show a day) can only happen then.
    const cal = { ...TWO_WEEKS, teamDaysOn: [1, 1, 0, 0, 0, 1, 1, 1, 1, 1] };
    const bound = lowerBound(
      [1, 2, 3].map(() => ({ size: 1, allowedDays: firstWeek })),
      cal,
      1,
    );
    expect(bound.teamDays).toBe(3);
    expect(bound.overloadedWeeks).toMatchObject([{ fromWeek: 0, toWeek: 0, needed: 3, available: 2 }]);
    expect(bound.reasons).toContain(
      "3 school visits can only happen in the week of 9 Nov 2026: they need at least 3 team-days there, but the teams have only 2.",
    );
  });

  test("visits with no possible day are left out of the bound", () => {
    expect(lowerBound([{ size: 1, allowedDays: [] }], TWO_WEEKS, 2)).toEqual({ teamDays: 0, reasons: [], overloadedWeeks: [] });
  });

  // The bound must never exceed the true minimum. On tiny random instances, the minimum is found by trying every
  // assignment of visits to allowed days (at most `capacity` shows a day).
  test("never above the exact minimum on 200 random tiny instances", () => {
    const random = seededRandom(2026);
    const exactMinimum = (items: BoundItem[], capacity: number): number => {
      let best = Infinity;
      const load = new Array<number>(10).fill(0);
      const go = (i: number, used: number) => {
        if (used >= best) return;
        if (i === items.length) return void (best = used);
        for (const d of items[i].allowedDays) {
          if (load[d] + items[i].size > capacity) continue;
          load[d] += items[i].size;
          go(i + 1, used + (load[d] === items[i].size ? 1 : 0));
          load[d] -= items[i].size;
        }
      };
      go(0, 0);
      return best;
    };
    let checked = 0;
    for (let n = 0; n < 200; n++) {
      const capacity = 1 + Math.floor(random() * 3);
      const items: BoundItem[] = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const start = Math.floor(random() * 10);
        const length = 1 + Math.floor(random() * 4);
        return { size: 1 + Math.floor(random() * capacity), allowedDays: anyDay.filter((d) => d >= start && d < start + length) };
      });
      const exact = exactMinimum(items, capacity);
      if (exact === Infinity) continue; // no assignment at all: nothing to compare
      checked++;
      expect(lowerBound(items, TWO_WEEKS, capacity).teamDays).toBeLessThanOrEqual(exact);
    }
    expect(checked).toBeGreaterThan(100);
  });
});
