// Seeded, realistic planning instances for tests and the bench: schools in clusters around town centres, English
// school calendars (terms, half terms, bank holidays, per-school INSET days, some exam weeks), teams with bases.
import { addDays, daysBetween, isoWeekday } from "~/utils/time";
import { DEFAULT_TRAVEL } from "./geo";
import { seededRandom } from "./random";
import type { GridPoint, PlanInput, PlanSchool, PlanTeam } from "./types";

export type InstanceSize = "borough" | "region" | "national";

export type GenerateOptions = {
  seed: number;
  size: InstanceSize;
  schools?: number;
  teams?: number;
  /** Inclusive range; defaults: the autumn term for a borough, the academic year 2026–27 otherwise. */
  from?: string;
  to?: string;
  sessionsPerDay?: number;
};

const SHAPES: Record<InstanceSize, { extentKm: number; schools: number; teams: number; towns: number; centre: GridPoint }> = {
  borough: { extentKm: 15, schools: 30, teams: 1, towns: 3, centre: { easting: 530_000, northing: 180_000 } },
  region: { extentKm: 100, schools: 400, teams: 3, towns: 12, centre: { easting: 440_000, northing: 330_000 } },
  national: { extentKm: 500, schools: 3000, teams: 12, towns: 60, centre: { easting: 430_000, northing: 300_000 } },
};

// England and Wales, academic year 2026–27 (the shape of a typical local authority's published dates).
const TERMS = [
  { from: "2026-09-02", to: "2026-12-18", halfTerm: ["2026-10-26", "2026-10-30"] },
  { from: "2027-01-05", to: "2027-03-25", halfTerm: ["2027-02-15", "2027-02-19"] },
  { from: "2027-04-12", to: "2027-07-21", halfTerm: ["2027-05-31", "2027-06-04"] },
];
export const BANK_HOLIDAYS: Record<string, string> = {
  "2026-08-31": "Summer bank holiday",
  "2026-12-25": "Christmas Day",
  "2026-12-28": "Boxing Day (substitute day)",
  "2027-01-01": "New Year’s Day",
  "2027-03-26": "Good Friday",
  "2027-03-29": "Easter Monday",
  "2027-05-03": "Early May bank holiday",
  "2027-05-31": "Spring bank holiday",
  "2027-08-30": "Summer bank holiday",
};

export function generateInstance(options: GenerateOptions): PlanInput {
  const shape = SHAPES[options.size];
  const random = seededRandom(options.seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const from = options.from ?? (options.size === "borough" ? "2026-09-01" : "2026-09-01");
  const to = options.to ?? (options.size === "borough" ? "2026-12-18" : "2027-07-21");
  const half = (shape.extentKm * 1000) / 2;
  const clamp = (v: number, c: number) => Math.max(c - half, Math.min(c + half, v));
  const towns = Array.from({ length: shape.towns }, () => ({
    easting: Math.round(shape.centre.easting + (random() * 2 - 1) * half * 0.8),
    northing: Math.round(shape.centre.northing + (random() * 2 - 1) * half * 0.8),
  }));
  const spread = Math.max(1500, (shape.extentKm * 1000) / (2.5 * Math.sqrt(shape.towns)));
  const dates = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));

  const schoolCount = options.schools ?? shape.schools;
  const schools: PlanSchool[] = Array.from({ length: schoolCount }, (_, i) => {
    const town = towns[Math.floor(random() * towns.length)];
    const location = {
      easting: Math.round(clamp(town.easting + gaussian() * spread, shape.centre.easting)),
      northing: Math.round(clamp(town.northing + gaussian() * spread, shape.centre.northing)),
    };
    const termShift = between(-1, 1);
    const inset = new Set<string>();
    for (const term of TERMS) {
      // INSET days: usually the first day of a term, sometimes another day in it.
      inset.add(addDays(term.from, Math.max(0, termShift)));
      if (random() < 0.6) inset.add(addDays(term.from, between(10, 60)));
    }
    const examWeek = random() < 0.3 ? addDays("2027-05-10", 7 * between(0, 4)) : null;
    const closedDates: PlanSchool["closedDates"] = {};
    for (const d of dates) {
      const weekday = isoWeekday(d);
      const term = TERMS.find((t) => d >= addDays(t.from, termShift) && d <= t.to);
      if (weekday > 5) closedDates[d] = { kind: "WEEKEND", reason: "Weekend" };
      else if (BANK_HOLIDAYS[d]) closedDates[d] = { kind: "BANK_HOLIDAY", reason: BANK_HOLIDAYS[d] };
      else if (!term) closedDates[d] = { kind: "OUTSIDE_TERM", reason: "School holiday" };
      else if (d >= term.halfTerm[0] && d <= term.halfTerm[1]) closedDates[d] = { kind: "HALF_TERM", reason: "Half term" };
      else if (inset.has(d)) closedDates[d] = { kind: "INSET", reason: "INSET day" };
      else if (examWeek && d >= examWeek && d <= addDays(examWeek, 13)) closedDates[d] = { kind: "EXAMS", reason: "Exams in the hall" };
    }
    const late = random() < 0.2;
    return {
      venueId: `venue-${String(i + 1).padStart(4, "0")}`,
      urn: String(100_000 + i * 7),
      name: `School ${i + 1}`,
      location,
      cohort: random() < 0.05 ? null : between(90, 300),
      hallCapacity: random() < 0.5 ? null : between(100, 320),
      dayStart: late ? "09:15" : "09:00",
      dayEnd: late ? "15:30" : "15:15",
      closedDates,
    };
  });

  const teams: PlanTeam[] = Array.from({ length: options.teams ?? shape.teams }, (_, i) => {
    const base = towns[i % towns.length];
    const daysOff = new Set<string>();
    for (let k = 0; k < Math.round(dates.length / 60); k++) daysOff.add(dates[Math.floor(random() * dates.length)]);
    return {
      id: `team-${i + 1}`,
      name: `Team ${i + 1}`,
      sessionsPerDay: options.sessionsPerDay ?? 3,
      workingWeekdays: i % 3 === 2 ? [1, 2, 3, 4] : [1, 2, 3, 4, 5],
      daysOff: [...daysOff].sort(),
      base: { ...base },
    };
  });

  return {
    now: `${addDays(from, -30)}T09:00:00.000Z`,
    from,
    to,
    programme: { id: "programme-1", name: "Generated programme", durationMinutes: 60, capacity: 120, getInMinutes: 45, getOutMinutes: 30 },
    teams,
    schools,
    existing: [],
    target: { kind: "EVERY_SCHOOL" },
    travel: { ...DEFAULT_TRAVEL, bufferMinutes: 30 },
    excludedDates: [],
    pinned: [],
    removed: [],
    seed: options.seed,
  };
}
