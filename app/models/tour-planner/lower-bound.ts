// A proven lower bound on the team-days a plan needs. Every bound here is argued in its comment; the tests check each
// on instances small enough to count by hand, and that no plan the solver returns ever goes below it.
import { formatShortDate, addDays } from "~/utils/time";

/**
 * What must be placed: visits, each a number of performances that the model puts on ONE team-day (a school's shows
 * back to back in one hall), and the day indices on which it could happen.
 */
export type BoundItem = { size: number; allowedDays: readonly number[] };

export type BoundCalendar = {
  /** Week number (from 0) of each day index. */
  weekOf: readonly number[];
  /** Monday (YYYY-MM-DD) of each week number, to name weeks in reasons. */
  weekMondays: readonly string[];
  /** Team-days available on each day index (teams working that day). */
  teamDaysOn: readonly number[];
};

export type LowerBound = {
  teamDays: number;
  reasons: string[];
  /** Weeks whose confined shows cannot fit the team-days available in them: no plan places them all. */
  overloadedWeeks: { fromWeek: number; toWeek: number; needed: number; available: number; reason: string }[];
};

/**
 * Days needed by a set of visits that all have to happen within some set of days, when a day holds at most
 * `capacity` performances:
 * - ceil(total performances / capacity): each day holds at most `capacity` of them;
 * - the number of visits larger than capacity / 2: a visit is never split across days, and two such visits together
 *   exceed a day's capacity, so no two share a day.
 * - ceil(visits / maxVisits): a day holds at most `maxVisits` visits (shows at different venues need the travel
 *   buffer between them as well as a get-out and a get-in, so fewer fit than shows in one hall).
 * Each is valid, so their maximum is.
 */
export function daysForItems(sizes: readonly number[], capacity: number, maxVisits = Infinity): number {
  if (!sizes.length || capacity <= 0) return 0;
  let total = 0;
  let large = 0;
  for (const s of sizes) {
    total += s;
    if (2 * s > capacity) large++;
  }
  return Math.max(Math.ceil(total / capacity), large, Math.ceil(sizes.length / maxVisits));
}

const weekRange = (cal: BoundCalendar, a: number, b: number) =>
  a === b
    ? `the week of ${formatShortDate(cal.weekMondays[a])}`
    : `the weeks of ${formatShortDate(cal.weekMondays[a])} to ${formatShortDate(addDays(cal.weekMondays[b], 4))}`;

/**
 * The bound. `capacity` must be at least the most performances any team can do on any day (the smaller of the
 * largest sessions-per-day and what the longest school day holds), so that it over-estimates every real day.
 *
 * Calendar tightening: cut the weeks of the range into consecutive windows. A visit whose every allowed day lies in
 * one window must be placed on a team-day inside it, and team-days in different windows are different team-days, so
 * the sum over the windows of daysForItems(visits confined to that window) is a lower bound, for ANY cut. A dynamic
 * programme over the weeks finds the cut with the largest sum (the whole range as one window is one of the cuts, so
 * the result is never below the plain bound). Separately, any window whose confined visits need more days than the
 * teams work in it is named: those visits cannot all be placed.
 */
export function lowerBound(items: readonly BoundItem[], cal: BoundCalendar, capacity: number, maxVisits = Infinity): LowerBound {
  const weeks = cal.weekMondays.length;
  const placeable = items.filter((i) => i.allowedDays.length > 0);
  if (!placeable.length || capacity <= 0 || !weeks) return { teamDays: 0, reasons: [], overloadedWeeks: [] };

  // Visits grouped by (first allowed week, last allowed week).
  const byFirst: { last: number; size: number }[][] = Array.from({ length: weeks }, () => []);
  for (const item of placeable) {
    let first = Infinity;
    let last = -Infinity;
    for (const d of item.allowedDays) {
      first = Math.min(first, cal.weekOf[d]);
      last = Math.max(last, cal.weekOf[d]);
    }
    byFirst[first].push({ last, size: item.size });
  }
  const teamDaysInWeek = new Array<number>(weeks).fill(0);
  cal.teamDaysOn.forEach((n, d) => (teamDaysInWeek[cal.weekOf[d]] += n));

  // window[a][b]: days needed by the visits confined to weeks a..b.
  const windowDays: number[][] = Array.from({ length: weeks }, () => new Array<number>(weeks).fill(0));
  const overloadedWeeks: LowerBound["overloadedWeeks"] = [];
  for (let a = 0; a < weeks; a++) {
    const sizesByLast: number[][] = Array.from({ length: weeks }, () => []);
    for (let f = a; f < weeks; f++) for (const it of byFirst[f]) sizesByLast[it.last].push(it.size);
    const confined: number[] = [];
    let available = 0;
    for (let b = a; b < weeks; b++) {
      confined.push(...sizesByLast[b]);
      available += teamDaysInWeek[b];
      windowDays[a][b] = daysForItems(confined, capacity, maxVisits);
      if (windowDays[a][b] > available) {
        overloadedWeeks.push({
          fromWeek: a,
          toWeek: b,
          needed: windowDays[a][b],
          available,
          reason:
            `${confined.length} school visit${confined.length === 1 ? "" : "s"} can only happen in ${weekRange(cal, a, b)}: ` +
            `they need at least ${windowDays[a][b]} team-days there, but the teams have only ${available}.`,
        });
      }
    }
  }
  // Keep the narrowest overloaded windows (a wider window containing one says nothing new).
  const narrow = overloadedWeeks.filter(
    (w) =>
      !overloadedWeeks.some(
        (o) => o !== w && o.fromWeek >= w.fromWeek && o.toWeek <= w.toWeek && (o.fromWeek > w.fromWeek || o.toWeek < w.toWeek),
      ),
  );

  // best[j]: the largest sum over cuts of weeks 0..j-1; cut[j]: where its last window starts.
  const best = new Array<number>(weeks + 1).fill(0);
  const cut = new Array<number>(weeks + 1).fill(0);
  for (let j = 1; j <= weeks; j++) {
    best[j] = -1;
    for (let i = 0; i < j; i++) {
      const value = best[i] + windowDays[i][j - 1];
      if (value > best[j]) {
        best[j] = value;
        cut[j] = i;
      }
    }
  }
  const teamDays = best[weeks];
  const sizes = placeable.map((i) => i.size);
  const total = sizes.reduce((s, v) => s + v, 0);
  const reasons = [
    `${total} performance${total === 1 ? "" : "s"} at most ${capacity} a team-day: at least ${Math.ceil(total / capacity)} team-days.`,
  ];
  const large = sizes.filter((s) => 2 * s > capacity).length;
  if (large > Math.ceil(total / capacity)) {
    reasons.push(`${large} schools need more than half a day's performances each, so no two of them share a day.`);
  }
  const byVisits = Math.ceil(sizes.length / maxVisits);
  if (byVisits > Math.max(large, Math.ceil(total / capacity))) {
    reasons.push(`${sizes.length} school visits at most ${maxVisits} a day (travel between venues): at least ${byVisits} team-days.`);
  }
  const plain = windowDays[0][weeks - 1];
  if (teamDays > plain) {
    const windows: string[] = [];
    for (let j = weeks; j > 0; j = cut[j]) {
      const i = cut[j];
      if (windowDays[i][j - 1] > 0) windows.unshift(`${weekRange(cal, i, j - 1)}: ${windowDays[i][j - 1]}`);
    }
    reasons.push(`School calendars force visits into particular weeks, which raises the bound to ${teamDays} (${windows.join("; ")}).`);
  }
  for (const w of narrow) reasons.push(w.reason);
  return { teamDays, reasons, overloadedWeeks: narrow };
}
