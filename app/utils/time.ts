import { DateTime, IANAZone } from "luxon";

// Every instant is stored in UTC and entered/shown in Europe/London; calendar dates are "YYYY-MM-DD" strings.
export const ZONE = "Europe/London";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value) && DateTime.fromISO(value, { zone: ZONE }).isValid;
}

export function isTimeOfDay(value: string): boolean {
  return TIME_OF_DAY.test(value);
}

export class InvalidLocalTimeError extends Error {
  constructor(
    public readonly date: string,
    public readonly time: string,
  ) {
    super(`${time} on ${date} does not exist in UK time: the clocks go forward that night.`);
    this.name = "InvalidLocalTimeError";
  }
}

/** London wall-clock date and time → UTC instant. Refuses times skipped by the spring clock change. */
export function londonToInstant(date: string, time: string): Date {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
  if (!local.isValid || !isDateOnly(date) || !isTimeOfDay(time)) throw new RangeError(`Not a valid date and time: ${date} ${time}`);
  if (local.toFormat("HH:mm") !== time) throw new InvalidLocalTimeError(date, time);
  return local.toJSDate();
}

// A feed formats a few thousand instants per build: the zone object made once, and English names from a table
// rather than luxon's format-string parser, made the first (uncached) feed request markedly cheaper.
const LONDON = IANAZone.create(ZONE);
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const inLondon = (instant: Date) => DateTime.fromJSDate(instant, { zone: LONDON });

// London's offset changes only on whole UTC hours (01:00 UTC, last Sundays of March and October), so it is asked of
// the zone once per hour of time, and a wall-clock time is worked out from the shifted milliseconds: no luxon object,
// and no Date or other object, per instant.
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const offsetByHour = new Map<number, number>();
/** The instant shifted by London's offset then: its UTC fields are London's wall clock. */
function londonWallMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = LONDON.offset(hour * HOUR_MS) * 60_000;
    if (offsetByHour.size >= 200_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return ms + offset;
}

/** "Monday 2 March 2026"; weekday 1 is Monday, month 1 January. */
const dateName = (weekday: number, day: number, month: number, year: number) =>
  `${WEEKDAYS[weekday - 1]} ${day} ${MONTHS[month - 1]} ${String(year).padStart(4, "0")}`;

// A London day's "Monday 2 March 2026", by the day's number since 1970: a feed names the same days many times.
const dateNames = new Map<number, string>();
function londonDateName(instant: Date): string {
  const londonDay = Math.floor(londonWallMs(instant.getTime()) / DAY_MS);
  let name = dateNames.get(londonDay);
  if (name === undefined) {
    const wall = new Date(londonDay * DAY_MS);
    name = dateName(((wall.getUTCDay() + 6) % 7) + 1, wall.getUTCDate(), wall.getUTCMonth() + 1, wall.getUTCFullYear());
    if (dateNames.size >= 100_000) dateNames.clear();
    dateNames.set(londonDay, name);
  }
  return name;
}

/** "YYYY-MM-DD" of an instant, in London. */
export function londonDate(instant: Date): string {
  return inLondon(instant).toISODate()!;
}

/** "HH:mm" of an instant, in London. */
export function londonTime(instant: Date): string {
  return inLondon(instant).toFormat("HH:mm");
}

export function todayInLondon(now: Date = new Date()): string {
  return londonDate(now);
}

/** "Monday 2 March 2026" */
export function formatDate(value: Date | string): string {
  if (typeof value !== "string") return londonDateName(value);
  const dt = DateTime.fromISO(value, { zone: ZONE });
  return dateName(dt.weekday, dt.day, dt.month, dt.year);
}

/** "2 Mar 2026" */
export function formatShortDate(value: Date | string): string {
  const dt = typeof value === "string" ? DateTime.fromISO(value, { zone: ZONE }) : inLondon(value);
  return dt.setLocale("en-GB").toFormat("d LLL yyyy");
}

/** "9:30am" as GOV.UK style recommends; an instant as a Date or its milliseconds. */
export function formatTime(instant: Date | number): string {
  const minutes = Math.floor(londonWallMs(typeof instant === "number" ? instant : instant.getTime()) / 60_000);
  const minuteOfDay = ((minutes % 1440) + 1440) % 1440;
  const hour24 = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const suffix = hour24 < 12 ? "am" : "pm";
  const hour = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return minute === 0 ? `${hour}${suffix}` : `${hour}:${minute < 10 ? "0" : ""}${minute}${suffix}`;
}

/** "Monday 2 March 2026, 9:30am" */
export function formatDateTime(instant: Date): string {
  return `${formatDate(instant)}, ${formatTime(instant)}`;
}

// Reports ask for the same few hundred days' bounds on every page: remembered, as the zone's rules do not change
// while the process runs (fresh Date objects each time, so no caller can change another's).
const dayBounds = new Map<string, { start: number; end: number }>();

/** UTC instants bounding a London calendar day: [start, end). */
export function londonDayBounds(date: string): { start: Date; end: Date } {
  let bounds = dayBounds.get(date);
  if (!bounds) {
    const start = DateTime.fromISO(date, { zone: ZONE }).startOf("day");
    bounds = { start: start.toJSDate().getTime(), end: start.plus({ days: 1 }).toJSDate().getTime() };
    if (dayBounds.size >= 10_000) dayBounds.clear();
    dayBounds.set(date, bounds);
  }
  return { start: new Date(bounds.start), end: new Date(bounds.end) };
}

// Arithmetic on calendar dates needs no time zone: done in UTC, luxon skips the Intl look-ups a named zone costs
// (a report adding days and months to its periods' dates spent milliseconds on them).
const calendarDate = (date: string) => DateTime.fromISO(date, { zone: "utc" });

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(date: string): number {
  return calendarDate(date).weekday;
}

export function addDays(date: string, days: number): string {
  return calendarDate(date).plus({ days }).toISODate()!;
}

export function addMonths(date: string, months: number): string {
  return calendarDate(date).plus({ months }).toISODate()!;
}

/** Day/month/year form fields → "YYYY-MM-DD", or null if not a real date. */
export function dateFromParts(day: string, month: string, year: string): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (![d, m, y].every(Number.isInteger) || y < 1900 || y > 2200) return null;
  const dt = DateTime.fromObject({ year: y, month: m, day: d }, { zone: ZONE });
  return dt.isValid ? dt.toISODate() : null;
}

/** "3 days 4 hours", "2 hours 5 minutes": a length of time given in minutes. */
export function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = Math.round(minutes % 60);
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? "" : "s"}` : "");
  return [part(days, "day"), part(hours, "hour"), days ? "" : part(mins, "minute")].filter(Boolean).join(" ") || "0 minutes";
}

/** "13 Nov 2026" for one day, "26 Oct 2026 to 30 Oct 2026" for a range of calendar dates. */
export function formatDateRange(start: string, end: string): string {
  return start === end ? formatShortDate(start) : `${formatShortDate(start)} to ${formatShortDate(end)}`;
}

/** Whole calendar days from one "YYYY-MM-DD" to another (negative if `to` is earlier); clock changes do not count. */
export function daysBetween(from: string, to: string): number {
  return DateTime.fromISO(to, { zone: "utc" }).diff(DateTime.fromISO(from, { zone: "utc" }), "days").days;
}
