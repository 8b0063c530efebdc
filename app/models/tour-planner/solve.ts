// The tour planner: a constructive heuristic (hardest visits first, each new day filled with its neighbours) and
// local search (emptying days, relocating visits, best order within a day, seeded ruin-and-recreate) on the model in
// model.ts. Every session it returns has passed the slot judge. See docs/decisions/017-tour-planner-method.md.
import { judgeSlot, type NearbySession } from "~/models/sessions/slot-judge";
import { addDays, formatShortDate, isoWeekday } from "~/utils/time";
import { gridDistanceMetres } from "./geo";
import { lowerBound, type BoundItem } from "./lower-bound";
import { seededRandom } from "./random";
import {
  EXISTING,
  PINNED,
  instantOf,
  prepare,
  schedule,
  slotFacts,
  toHhmm,
  visitStop,
  type DaySchedule,
  type PreparedInput,
  type Stop,
} from "./model";
import type { PlanInput, PlannedDay, PlannedSession, PlanProgress, PlanResult, UnplacedSchool } from "./types";

export type PlanOptions = { onProgress?: (p: PlanProgress) => void; shouldStop?: () => boolean };

const NEIGHBOURS = 16;
/** One more neighbour available on a date is worth this many km of base travel when choosing a new day. */
const NEIGHBOUR_KM = 20;

type Day = { key: number; team: number; day: number; stops: Stop[]; sessions: number; planned: number; sched: DaySchedule };
type Insertion = { key: number; stops: Stop[]; sched: DaySchedule; deltaKm: number };

class Tour {
  readonly days = new Map<number, Day>();
  /** Keys of used days (with planned or pinned sessions) on each day index, in the order they were opened. */
  readonly usedOn: Set<number>[];
  readonly placedIn: Int32Array;
  /** Days on which each school already has a visit (a school's visits go on different days). */
  readonly schoolDays = new Map<number, Set<number>>();
  km = 0;
  used = 0;
  private readonly journal: (() => void)[] = [];
  recording = false;

  constructor(readonly prep: PreparedInput) {
    this.usedOn = prep.dates.map(() => new Set<number>());
    this.placedIn = new Int32Array(prep.visits.length).fill(-1);
    for (const pin of prep.pinned) {
      const key = this.keyOf(pin.team, pin.day);
      if (!this.days.has(key)) {
        const day = this.freshDay(key);
        this.days.set(key, day);
        this.km += day.sched.km;
        this.used++;
        this.usedOn[day.day].add(key);
      }
    }
  }

  keyOf(team: number, day: number) {
    return team * this.prep.dates.length + day;
  }

  private freshDay(key: number): Day {
    const team = Math.floor(key / this.prep.dates.length);
    const day = key % this.prep.dates.length;
    const stops = this.prep.fixedStops.get(key) ?? [];
    const sched = schedule(this.prep, team, day, stops) ?? { stops: [], km: 0, minutes: 0 };
    const planned = stops.filter((s) => s.visit === PINNED).length;
    return { key, team, day, stops, sessions: this.prep.fixedSessions.get(key) ?? 0, planned, sched };
  }

  day(key: number): Day {
    return this.days.get(key) ?? this.freshDay(key);
  }

  /** The cheapest feasible way to add a visit to a team-day, trying every position. */
  insertion(visit: number, key: number): Insertion | null {
    const v = this.prep.visits[visit];
    const d = this.day(key);
    const team = this.prep.input.teams[d.team];
    if (d.sessions + v.performances > team.sessionsPerDay) return null;
    const location = this.prep.input.schools[v.school].location;
    if (!location && (team.base !== null || d.stops.length)) return null;
    if (d.stops.some((s) => s.visit >= 0 && !s.location)) return null;
    if (this.schoolDays.get(v.school)?.has(d.day)) return null;
    const stop = visitStop(this.prep, v);
    let best: Insertion | null = null;
    for (let pos = 0; pos <= d.stops.length; pos++) {
      const stops = [...d.stops.slice(0, pos), stop, ...d.stops.slice(pos)];
      const sched = schedule(this.prep, d.team, d.day, stops);
      if (!sched) continue;
      const deltaKm = sched.km - (d.planned ? d.sched.km : 0);
      if (!best || deltaKm < best.deltaKm - 1e-9) best = { key, stops, sched, deltaKm };
    }
    return best;
  }

  /** The cheapest insertion into a day already in use. */
  bestInsertion(visit: number): Insertion | null {
    let best: Insertion | null = null;
    for (const d of this.prep.visits[visit].allowedDays) {
      for (const key of this.usedOn[d]) {
        const ins = this.insertion(visit, key);
        if (ins && (!best || ins.deltaKm < best.deltaKm - 1e-9)) best = ins;
      }
    }
    return best;
  }

  apply(visit: number, ins: Insertion) {
    const d = this.day(ins.key);
    const before = { stops: d.stops, sched: d.sched, sessions: d.sessions, planned: d.planned };
    this.setDay(d, ins.stops, ins.sched, d.sessions + this.prep.visits[visit].performances, d.planned + 1);
    this.placedIn[visit] = ins.key;
    this.schoolDaysOf(visit).add(d.day);
    if (this.recording) this.journal.push(() => this.restore(visit, d, before, -1));
  }

  remove(visit: number) {
    const key = this.placedIn[visit];
    const d = this.day(key);
    const before = { stops: d.stops, sched: d.sched, sessions: d.sessions, planned: d.planned };
    const stops = d.stops.filter((s) => s.visit !== visit);
    const sched = schedule(this.prep, d.team, d.day, stops);
    if (!sched) throw new Error("Removing a visit made a day infeasible");
    this.setDay(d, stops, sched, d.sessions - this.prep.visits[visit].performances, d.planned - 1);
    this.placedIn[visit] = -1;
    this.schoolDaysOf(visit).delete(d.day);
    if (this.recording) this.journal.push(() => this.restore(visit, d, before, key));
  }

  private schoolDaysOf(visit: number) {
    const school = this.prep.visits[visit].school;
    let days = this.schoolDays.get(school);
    if (!days) this.schoolDays.set(school, (days = new Set<number>()));
    return days;
  }

  private setDay(d: Day, stops: Stop[], sched: DaySchedule, sessions: number, planned: number) {
    const wasUsed = d.planned > 0;
    if (wasUsed) this.km -= d.sched.km;
    d.stops = stops;
    d.sched = sched;
    d.sessions = sessions;
    d.planned = planned;
    if (planned > 0) {
      this.km += sched.km;
      if (!wasUsed) {
        this.used++;
        this.usedOn[d.day].add(d.key);
        this.days.set(d.key, d);
      }
    } else if (wasUsed) {
      this.used--;
      this.usedOn[d.day].delete(d.key);
      this.days.delete(d.key);
    }
  }

  private restore(visit: number, d: Day, before: Omit<Day, "key" | "team" | "day">, placedIn: number) {
    this.setDay(d, before.stops, before.sched, before.sessions, before.planned);
    this.placedIn[visit] = placedIn;
    if (placedIn >= 0) this.schoolDaysOf(visit).add(d.day);
    else this.schoolDaysOf(visit).delete(d.day);
  }

  /**
   * Give team-day `a`'s visits to another team on the same date (swapping with that team's visits, if any) when the
   * base legs get shorter. Days holding fixed sessions stay with their team.
   */
  swapTeams(a: number, b: number): boolean {
    if (this.prep.fixedStops.has(a) || this.prep.fixedStops.has(b)) return false;
    const dayA = this.day(a);
    const dayB = this.day(b);
    const teams = this.prep.input.teams;
    const fits = (d: Day, team: number) =>
      d.sessions <= teams[team].sessionsPerDay && (teams[team].base === null || d.stops.every((st) => st.location));
    if (!fits(dayA, dayB.team) || !fits(dayB, dayA.team)) return false;
    const newA = schedule(this.prep, dayB.team, dayB.day, dayA.stops);
    const newB = dayB.stops.length ? schedule(this.prep, dayA.team, dayA.day, dayB.stops) : { stops: [], km: 0, minutes: 0 };
    if (!newA || !newB) return false;
    const before = dayA.sched.km + (dayB.planned ? dayB.sched.km : 0);
    if (newA.km + newB.km >= before - 1e-6) return false;
    const movedA = { stops: dayA.stops, sessions: dayA.sessions, planned: dayA.planned };
    const movedB = { stops: dayB.stops, sessions: dayB.sessions, planned: dayB.planned };
    this.setDay(dayA, movedB.stops, newB, movedB.sessions, movedB.planned);
    this.setDay(dayB, movedA.stops, newA, movedA.sessions, movedA.planned);
    for (const st of dayA.stops) if (st.visit >= 0) this.placedIn[st.visit] = a;
    for (const st of dayB.stops) if (st.visit >= 0) this.placedIn[st.visit] = b;
    return true;
  }

  mark() {
    this.journal.length = 0;
    this.recording = true;
  }

  rollback() {
    while (this.journal.length) this.journal.pop()!();
    this.recording = false;
  }

  commit() {
    this.journal.length = 0;
    this.recording = false;
  }
}

/** Each school's nearest schools (by straight line), for clustering; deterministic ties by index. */
function nearestSchools(prep: PreparedInput): number[][] {
  const schools = prep.input.schools;
  const located = schools.flatMap((s, i) => (s.location ? [i] : []));
  return schools.map((s, i) => {
    if (!s.location) return [];
    const here = s.location;
    return located
      .filter((j) => j !== i)
      .map((j) => ({ j, d: gridDistanceMetres(here, schools[j].location!) }))
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, NEIGHBOURS)
      .map((x) => x.j);
  });
}

export function planTour(input: PlanInput, options: PlanOptions = {}): PlanResult {
  const progress = (phase: PlanProgress["phase"], fraction: number) => options.onProgress?.({ phase, fraction });
  const stop = () => options.shouldStop?.() ?? false;
  progress("preparing", 0);
  const prep = prepare(input);
  const tour = new Tour(prep);
  const random = seededRandom(input.seed);
  const neighbours = nearestSchools(prep);
  const visitsOfSchool: number[][] = input.schools.map(() => []);
  for (const v of prep.visits) visitsOfSchool[v.school].push(v.index);

  const pupilsPinned = prep.pinned.reduce((s, p) => s + (p.expected ?? 0), 0);
  const pupilTarget = input.target.kind === "PUPILS" ? input.target.pupils : null;
  let pupilsToGo = pupilTarget === null ? Infinity : pupilTarget - prep.pupilsExisting - pupilsPinned;
  const pending = new Set<number>();
  const attempted = new Set<number>();

  // Hardest first: fewest days it can happen, then most performances; for a pupil target, most pupils per show first.
  const order = prep.visits
    .map((v) => v.index)
    .sort((a, b) => {
      const va = prep.visits[a];
      const vb = prep.visits[b];
      if (pupilTarget !== null) {
        const ra = va.pupils / va.performances;
        const rb = vb.pupils / vb.performances;
        if (ra !== rb) return rb - ra;
      }
      return va.allowedDays.length - vb.allowedDays.length || vb.performances - va.performances || a - b;
    });
  for (const v of order) pending.add(v);

  const place = (visit: number, ins: Insertion) => {
    tour.apply(visit, ins);
    pending.delete(visit);
    pupilsToGo -= prep.visits[visit].pupils;
  };

  /** A new team-day for a visit: the date most of its unplaced neighbours can also do, the team based nearest. */
  const openDay = (visit: number, candidates: ReadonlySet<number> | null): Insertion | null => {
    const v = prep.visits[visit];
    const location = input.schools[v.school].location;
    const near = neighbours[v.school].flatMap((s) => visitsOfSchool[s]).filter((n) => (candidates ? candidates.has(n) : pending.has(n)));
    let best: { ins: Insertion; score: number } | null = null;
    for (const d of v.allowedDays) {
      let together = 0;
      for (const n of near) if (prep.schoolOpen[prep.visits[n].school][d]) together++;
      for (let t = 0; t < input.teams.length; t++) {
        if (!prep.teamWorks[t][d]) continue;
        const key = tour.keyOf(t, d);
        if (tour.days.has(key)) continue;
        const base = input.teams[t].base;
        const baseKm = base && location ? (2 * gridDistanceMetres(base, location) * input.travel.roadFactor) / 1000 : 0;
        const score = together * NEIGHBOUR_KM - baseKm;
        if (best && score <= best.score) continue;
        const ins = tour.insertion(visit, key);
        if (ins) best = { ins, score };
      }
    }
    return best?.ins ?? null;
  };

  /** For a pupil target the visit with most pupils per show joins first; otherwise (and then) the cheapest detour. */
  const fillsBetter = (a: number, insA: Insertion, b: number, insB: Insertion) => {
    if (pupilTarget !== null) {
      const ra = prep.visits[a].pupils / prep.visits[a].performances;
      const rb = prep.visits[b].pupils / prep.visits[b].performances;
      if (ra !== rb) return ra > rb;
    }
    return insA.deltaKm < insB.deltaKm - 1e-9;
  };

  /** Fill a just-opened day with the nearest visits that fit it. */
  const fill = (key: number, school: number, candidates: Set<number>) => {
    for (;;) {
      let best: { visit: number; ins: Insertion } | null = null;
      for (const s of neighbours[school]) {
        for (const n of visitsOfSchool[s]) {
          if (!candidates.has(n) || !prep.visits[n].allowedDays.includes(tour.day(key).day)) continue;
          const ins = tour.insertion(n, key);
          if (ins && (!best || fillsBetter(n, ins, best.visit, best.ins))) best = { visit: n, ins };
        }
      }
      if (!best || pupilsToGo <= 0) return;
      candidates.delete(best.visit);
      place(best.visit, best.ins);
    }
  };

  progress("constructing", 0);
  let done = 0;
  for (const visit of order) {
    done++;
    if (pupilsToGo <= 0 || stop()) break;
    if (!pending.has(visit)) continue;
    attempted.add(visit);
    const into = tour.bestInsertion(visit);
    if (into) {
      place(visit, into);
    } else {
      const opened = openDay(visit, null);
      if (!opened) continue;
      place(visit, opened);
      fill(opened.key, prep.visits[visit].school, pending);
    }
    if (done % 50 === 0) progress("constructing", done / order.length);
  }

  progress("improving", 0);
  const better = (days: number, km: number) => tour.used < days || (tour.used === days && tour.km < km - 1e-6);

  /** Empty the smallest days by moving their visits into other days. */
  const emptyDays = () => {
    const days = [...tour.days.values()].filter((d) => !d.stops.some((s) => s.visit === PINNED));
    days.sort((a, b) => a.sessions - b.sessions || a.sched.km - b.sched.km || a.key - b.key);
    for (const d of days) {
      if (stop()) return;
      if (!tour.days.has(d.key)) continue;
      const visits = d.stops.filter((s) => s.visit >= 0).map((s) => s.visit);
      tour.mark();
      for (const v of visits) tour.remove(v);
      let ok = true;
      for (const v of visits) {
        const ins = tour.bestInsertion(v);
        if (!ins) {
          ok = false;
          break;
        }
        tour.apply(v, ins);
      }
      if (ok) tour.commit();
      else tour.rollback();
    }
  };

  /** Move single visits where that saves travel. */
  const relocate = () => {
    for (const visit of prep.visits.map((v) => v.index)) {
      if (stop()) return;
      if (tour.placedIn[visit] < 0) continue;
      const days = tour.used;
      const km = tour.km;
      tour.mark();
      tour.remove(visit);
      const ins = tour.bestInsertion(visit) ?? openDay(visit, new Set());
      if (ins) tour.apply(visit, ins);
      if (ins && better(days, km)) tour.commit();
      else tour.rollback();
    }
  };

  /** The best order of each day's stops (days hold a handful, so every order is tried). */
  const reorder = () => {
    for (const d of [...tour.days.values()]) {
      if (d.stops.length < 2 || d.stops.length > 6) continue;
      let best: { stops: Stop[]; sched: DaySchedule } | null = null;
      for (const stops of permutations(d.stops)) {
        const sched = schedule(prep, d.team, d.day, stops);
        if (sched && (!best || sched.km < best.sched.km - 1e-9)) best = { stops, sched };
      }
      if (best && best.sched.km < d.sched.km - 1e-9) {
        tour.km += best.sched.km - d.sched.km;
        d.stops = best.stops;
        d.sched = best.sched;
      }
    }
  };

  /** On each date, hand days to the teams whose bases are nearest (pairwise swaps until none helps). */
  const retarget = () => {
    for (let d = 0; d < prep.dates.length && !stop(); d++) {
      const teams = input.teams.map((_, t) => t).filter((t) => prep.teamWorks[t][d]);
      for (let improved = true, guard = 0; improved && guard < 10; guard++) {
        improved = false;
        for (const key of [...tour.usedOn[d]]) {
          for (const t of teams) {
            const other = tour.keyOf(t, d);
            if (other !== key && tour.days.has(key) && tour.swapTeams(key, other)) improved = true;
          }
        }
      }
    }
  };

  const smallDayVisit = (all: number[]) => {
    const days = [...tour.days.values()].filter((d) => d.stops.some((st) => st.visit >= 0));
    days.sort((a, b) => a.sessions - b.sessions || a.key - b.key);
    const day = days[Math.floor(random() * Math.min(days.length, 8))];
    const visits = day?.stops.filter((st) => st.visit >= 0).map((st) => st.visit) ?? [];
    return visits.length ? visits[Math.floor(random() * visits.length)] : all[0];
  };

  /** Remove a cluster of visits (or a whole small day and its neighbours) and put them back greedily. */
  const ruinAndRecreate = (rounds: number) => {
    const placed = () => prep.visits.map((v) => v.index).filter((v) => tour.placedIn[v] >= 0);
    for (let round = 0; round < rounds && !stop(); round++) {
      const all = placed();
      if (!all.length) return;
      // Every other round aims at one of the emptiest days (the way to fewer team-days); the rest anywhere.
      const seed = round % 2 ? smallDayVisit(all) : all[Math.floor(random() * all.length)];
      const days = tour.used;
      const km = tour.km;
      const ruined = new Set<number>();
      for (const s of [prep.visits[seed].school, ...neighbours[prep.visits[seed].school].slice(0, 4 + Math.floor(random() * 8))]) {
        for (const v of visitsOfSchool[s]) {
          if (tour.placedIn[v] < 0) continue;
          const day = tour.days.get(tour.placedIn[v]);
          for (const st of day?.stops ?? []) if (st.visit >= 0) ruined.add(st.visit);
        }
      }
      tour.mark();
      for (const v of ruined) tour.remove(v);
      const again = [...ruined].sort(
        (a, b) => prep.visits[a].allowedDays.length - prep.visits[b].allowedDays.length || random() - 0.5 || a - b,
      );
      const left = new Set(again);
      let ok = true;
      for (const v of again) {
        if (!left.has(v)) continue;
        left.delete(v);
        const ins = tour.bestInsertion(v);
        if (ins) {
          tour.apply(v, ins);
          continue;
        }
        const opened = openDay(v, left);
        if (!opened) {
          ok = false;
          break;
        }
        tour.apply(v, opened);
        fillFrom(opened.key, left);
      }
      if (ok && better(days, km)) tour.commit();
      else tour.rollback();
      if (round % 20 === 0) progress("improving", 0.5 + (0.5 * round) / rounds);
    }
  };
  const fillFrom = (key: number, left: Set<number>) => {
    for (;;) {
      let best: { visit: number; ins: Insertion } | null = null;
      for (const n of left) {
        if (!prep.visits[n].allowedDays.includes(tour.day(key).day)) continue;
        const ins = tour.insertion(n, key);
        if (ins && (!best || ins.deltaKm < best.ins.deltaKm - 1e-9)) best = { visit: n, ins };
      }
      if (!best) return;
      left.delete(best.visit);
      tour.apply(best.visit, best.ins);
    }
  };

  if (!stop()) emptyDays();
  progress("improving", 0.2);
  if (!stop()) relocate();
  retarget();
  progress("improving", 0.4);
  reorder();
  // Rounds by size, not by the clock, so the same input gives the same plan on any machine.
  const rounds = Math.min(150, Math.max(50, Math.round(100_000 / Math.max(1, prep.visits.length))));
  ruinAndRecreate(rounds);
  if (!stop()) emptyDays();
  retarget();
  reorder();

  const result = toResult(prep, tour, { attempted, pupilTarget, stopped: stop() });
  progress("done", 1);
  return result;
}

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i], ...p];
  }
}

/** Sessions, days, unplaced schools and figures; every session is judged, in date order, against what came before. */
function toResult(
  prep: PreparedInput,
  tour: Tour,
  ctx: { attempted: Set<number>; pupilTarget: number | null; stopped: boolean },
): PlanResult {
  const { input } = prep;
  const nearbyOn = new Map<string, NearbySession[]>(
    [...prep.existingNearby].map(([d, list]) => [d, list.filter((n) => !n.id.startsWith("pinned-"))]),
  );
  const sessions: PlannedSession[] = [];
  const days: PlannedDay[] = [];
  const judgeFailures = new Map<number, string>();
  const orderedDays = [...tour.days.values()].sort((a, b) => a.day - b.day || a.team - b.team);
  for (const d of orderedDays) {
    const date = prep.dates[d.day];
    const team = input.teams[d.team];
    const nearby = nearbyOn.get(date) ?? [];
    nearbyOn.set(date, nearby);
    const venueIds: string[] = [];
    for (const { stop, start } of d.sched.stops) {
      if (stop.visit === EXISTING) continue;
      const school = stop.visit === PINNED ? prep.pinned[stop.pinned!].school : prep.visits[stop.visit].school;
      const expected = stop.visit === PINNED ? [prep.pinned[stop.pinned!].expected] : prep.visits[stop.visit].expected;
      const made: { session: PlannedSession; near: NearbySession }[] = [];
      let failed: string | null = null;
      for (let i = 0; i < stop.performances; i++) {
        const from = start + i * (stop.duration + stop.getIn + stop.getOut);
        const startTime = toHhmm(from);
        const endTime = toHhmm(from + stop.duration);
        const verdict = judgeSlot(
          { programmeId: input.programme.id, venueId: stop.venueId, teamId: team.id, date, startTime, endTime, expected: expected[i] },
          slotFacts(input, d.team, school, date, [...nearby, ...made.map((m) => m.near)]),
        );
        if (!verdict.startsAt || verdict.breaches.length) {
          failed = verdict.breaches.map((b) => b.rule).join(", ");
          break;
        }
        const session: PlannedSession = {
          venueId: stop.venueId,
          urn: input.schools[school].urn,
          teamId: team.id,
          date,
          startTime,
          endTime,
          startsAt: instantOf(date, from),
          endsAt: instantOf(date, from + stop.duration),
          expectedPupils: expected[i],
          pinned: stop.visit === PINNED,
        };
        made.push({
          session,
          near: {
            id: `planned-${sessions.length + made.length}`,
            startsAt: verdict.startsAt,
            endsAt: verdict.endsAt,
            venueId: stop.venueId,
            teamId: team.id,
            turnaround: { getInMinutes: stop.getIn, getOutMinutes: stop.getOut },
          },
        });
      }
      if (failed !== null) {
        if (stop.visit >= 0) judgeFailures.set(stop.visit, failed);
        continue;
      }
      for (const m of made) {
        sessions.push(m.session);
        nearby.push(m.near);
      }
      if (venueIds[venueIds.length - 1] !== stop.venueId) venueIds.push(stop.venueId);
    }
    if (venueIds.length) {
      days.push({ teamId: team.id, date, venueIds, travelKm: round1(d.sched.km), travelMinutes: Math.round(d.sched.minutes) });
    }
  }

  const placedVisits = prep.visits.filter((v) => tour.placedIn[v.index] >= 0 && !judgeFailures.has(v.index));
  const unplaced: UnplacedSchool[] = [];
  input.schools.forEach((school, s) => {
    const status = prep.status[s];
    const base = { venueId: school.venueId, urn: school.urn, name: school.name };
    if (status.kind === "ALREADY_VISITED") return;
    if (status.kind !== "NEEDS_VISITS") return unplaced.push({ ...base, reason: status.kind, detail: status.detail });
    const visits = prep.visits.filter((v) => v.school === s);
    const missing = visits.filter((v) => tour.placedIn[v.index] < 0 || judgeFailures.has(v.index));
    if (!missing.length) return;
    const failure = missing.map((v) => judgeFailures.get(v.index)).find(Boolean);
    if (failure)
      return unplaced.push({ ...base, reason: "NO_TERM_DAY_LEFT", detail: `The slot judge refused its planned day (${failure}).` });
    if (ctx.pupilTarget !== null && !missing.some((v) => ctx.attempted.has(v.index))) {
      return unplaced.push({ ...base, reason: "TARGET_MET", detail: "The pupil target is reached without visiting it." });
    }
    if (ctx.stopped && !missing.some((v) => ctx.attempted.has(v.index))) {
      return unplaced.push({
        ...base,
        reason: "NO_TERM_DAY_LEFT",
        detail: "Planning was stopped before this school was placed: plan again to place it.",
      });
    }
    const part = missing.length < visits.length ? ` (${visits.length - missing.length} of its ${visits.length} days are planned)` : "";
    unplaced.push({
      ...base,
      reason: "NO_TERM_DAY_LEFT",
      detail: `It is open on ${visits[0].allowedDays.length} day${visits[0].allowedDays.length === 1 ? "" : "s"} a team works, but on each the teams are full or the day's timing does not fit${part}.`,
    });
  });

  // Team-days on dates when no school can be visited are of no use, so they do not count as available.
  const someSchoolOpen = new Set([...prep.visits.flatMap((v) => v.allowedDays), ...prep.pinned.map((p) => p.day)]);
  const teamDaysOn = prep.dates.map((_, d) => (someSchoolOpen.has(d) ? prep.teamWorks.filter((w) => w[d]).length : 0));
  const cal = { weekOf: prep.weekOf, weekMondays: prep.weekMondays, teamDaysOn };
  // Pins at one school on one day are one visit.
  const pinsByVisit = new Map<string, BoundItem & { size: number }>();
  for (const p of prep.pinned) {
    const key = `${p.school}|${p.day}`;
    const item = pinsByVisit.get(key) ?? { size: 0, allowedDays: [p.day] };
    item.size++;
    pinsByVisit.set(key, item);
  }
  const pinnedItems = [...pinsByVisit.values()];
  // The bound covers the sessions this plan places (planned visits and kept pins, each pin a visit of one show).
  const items: BoundItem[] = [...placedVisits.map((v) => ({ size: v.performances, allowedDays: v.allowedDays })), ...pinnedItems];
  const bound = lowerBound(items, cal, prep.dayCapacity, prep.maxVisitsPerDay);
  // Weeks that cannot hold every visit the schools need explain why some could not be placed.
  const demand = lowerBound(
    [...prep.visits.map((v) => ({ size: v.performances, allowedDays: v.allowedDays })), ...pinnedItems],
    cal,
    prep.dayCapacity,
    prep.maxVisitsPerDay,
  );
  const reasons = [...bound.reasons, ...demand.overloadedWeeks.map((w) => w.reason).filter((r) => !bound.reasons.includes(r))];

  const pupilsPlanned = sessions.reduce((s, x) => s + (x.expectedPupils ?? 0), 0);
  const shortfallPupils = ctx.pupilTarget === null ? 0 : Math.max(0, ctx.pupilTarget - pupilsPlanned - prep.pupilsExisting);
  const teamDaysUsed = days.length;
  const missingVisits = prep.visits.filter((v) => tour.placedIn[v.index] < 0 && ctx.attempted.has(v.index));
  const short = shortfallPupils > 0 || (ctx.pupilTarget === null && missingVisits.length > 0);
  const figures = {
    teamDaysUsed,
    lowerBoundTeamDays: bound.teamDays,
    lowerBoundReasons: reasons,
    travelKm: round1(days.reduce((s, d) => s + d.travelKm, 0)),
    travelMinutes: days.reduce((s, d) => s + d.travelMinutes, 0),
    sessionsPlanned: sessions.length,
    pupilsPlanned,
    pupilsExisting: prep.pupilsExisting,
    targetPupils: ctx.pupilTarget,
    shortfallPupils,
    suggestions: short ? suggestions(prep, { shortfallPupils, pupilsPlanned, teamDaysUsed, missingVisits: missingVisits.length }) : [],
  };
  return { sessions, days, unplaced, figures, rejectedPins: prep.rejectedPins };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const WEEKDAY_PLURALS = ["", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];

/** What would close the gap, computed from the input's teams and calendar. */
function suggestions(
  prep: PreparedInput,
  f: { shortfallPupils: number; pupilsPlanned: number; teamDaysUsed: number; missingVisits: number },
): string[] {
  const { input } = prep;
  const out: string[] = [];
  const pupilsPerDay = f.teamDaysUsed ? f.pupilsPlanned / f.teamDaysUsed : 0;
  if (f.shortfallPupils > 0 && pupilsPerDay > 0) {
    out.push(
      `At about ${Math.round(pupilsPerDay)} pupils a team-day, reaching the target needs about ${Math.ceil(f.shortfallPupils / pupilsPerDay)} more team-days.`,
    );
  } else if (f.missingVisits > 0) {
    out.push(`${f.missingVisits} school visit${f.missingVisits === 1 ? "" : "s"} could not be fitted into the team-days available.`);
  }
  const excluded = new Set(input.excludedDates);
  const future = prep.dates.map((d, i) => ({ d, i })).filter(({ i }) => prep.earliestStart[i] === 0 || prep.dates[i] >= prep.dates[0]);
  const today = input.now.slice(0, 10);
  const open = future.filter(({ d }) => d >= today && !excluded.has(d));
  if (input.teams.length) {
    const model = input.teams[0];
    const weekdays = new Set(model.workingWeekdays);
    const off = new Set(model.daysOff);
    const n = open.filter(({ d }) => weekdays.has(isoWeekday(d)) && !off.has(d)).length;
    if (n > 0) out.push(`Another team working like ${model.name} would add about ${n} team-days.`);
  }
  for (let wd = 1; wd <= 5; wd++) {
    const lacking = input.teams.filter((t) => !t.workingWeekdays.includes(wd) && t.sessionsPerDay > 0);
    const dates = open.filter(({ d }) => isoWeekday(d) === wd).length;
    if (lacking.length && dates) out.push(`Working ${WEEKDAY_PLURALS[wd]} too adds ${lacking.length * dates} team-days.`);
  }
  const until = addDays(input.to, 28);
  let extra = 0;
  for (let d = addDays(input.to, 1); d <= until; d = addDays(d, 1)) {
    for (const t of input.teams) if (t.workingWeekdays.includes(isoWeekday(d)) && !t.daysOff.includes(d)) extra++;
  }
  if (extra) out.push(`Extending to ${formatShortDate(until)} adds up to ${extra} team-days (those that fall in the schools' terms).`);
  return out;
}
