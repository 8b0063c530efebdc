// The school calendar: academic years, terms (council-wide or a venue's own), closures, bank holidays,
// and the one answer bookings need: is this venue available on this date, and if not, why.
import { bankHolidayOn } from "~/utils/bank-holidays.server";
import { db, type Tx } from "~/utils/db.server";
import { addDays, formatDate, isDateOnly, isoWeekday } from "~/utils/time";

export type UnavailableKind = "WEEKEND" | "BANK_HOLIDAY" | "OUTSIDE_TERM" | "HALF_TERM" | "INSET" | "EXAMS" | "CLOSURE" | "VENUE_CLOSED";
export type Availability = { available: true } | { available: false; kind: UnavailableKind; reason: string; closureId?: string };
export type UnavailableDate = { date: string; kind: UnavailableKind; reason: string; closureId?: string };

export const SCHOOL_KINDS = ["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL", "PRIMARY_SCHOOL"] as const;
export const isSchoolKind = (kind: string) => (SCHOOL_KINDS as readonly string[]).includes(kind);

/** The longest range `unavailableDates` answers in one call (a diary shows at most a few months). */
export const MAX_RANGE_DAYS = 400;

type TermRow = { academicYearId: string; venueId: string | null; name: string; startDate: string; endDate: string; halfTermStart: string | null; halfTermEnd: string | null };
type ClosureRow = { id: string; venueId: string | null; startDate: string; endDate: string; reason: "INSET" | "EXAMS" | "CLOSURE" | "OTHER"; note: string | null };
type CalendarContext = {
  venue: { name: string; kind: string; status: string; archivedAt: Date | null };
  school: boolean;
  years: { id: string; name: string; startDate: string; endDate: string }[];
  terms: TermRow[];
  closures: ClosureRow[];
};

/** Everything needed to judge every date in [from, to] for one venue: four indexed queries. */
async function loadContext(venueId: string, from: string, to: string, tx: Tx): Promise<CalendarContext | null> {
  const venue = await tx.venue.findUnique({ where: { id: venueId }, select: { name: true, kind: true, status: true, archivedAt: true } });
  if (!venue) return null;
  const school = isSchoolKind(venue.kind);
  const overlaps = { startDate: { lte: to }, endDate: { gte: from } };
  const [years, closures] = await Promise.all([
    school ? tx.academicYear.findMany({ where: overlaps, select: { id: true, name: true, startDate: true, endDate: true } }) : Promise.resolve([]),
    tx.closure.findMany({
      where: { ...overlaps, OR: school ? [{ venueId }, { venueId: null }] : [{ venueId }] },
      select: { id: true, venueId: true, startDate: true, endDate: true, reason: true, note: true },
      orderBy: [{ startDate: "asc" }],
    }),
  ]);
  const terms = years.length
    ? await tx.term.findMany({
        where: { academicYearId: { in: years.map((y) => y.id) }, OR: [{ venueId }, { venueId: null }] },
        select: { academicYearId: true, venueId: true, name: true, startDate: true, endDate: true, halfTermStart: true, halfTermEnd: true },
        orderBy: { startDate: "asc" },
      })
    : [];
  return { venue, school, years, terms, closures };
}

const within = (date: string, start: string | null, end: string | null) => !!start && !!end && start <= date && date <= end;

function closureReason(closure: ClosureRow, day: string, venueName: string): { kind: UnavailableKind; reason: string } {
  const where = closure.venueId ? venueName : "all schools";
  const note = closure.note ? ` (${closure.note})` : "";
  switch (closure.reason) {
    case "INSET":
      return { kind: "INSET", reason: `${day} is an INSET day for ${where}${note}` };
    case "EXAMS":
      return { kind: "EXAMS", reason: `${day} is in an exam period for ${where}${note}` };
    default:
      return { kind: "CLOSURE", reason: closure.venueId ? `${venueName} is closed on ${day}${note}` : `All schools are closed on ${day}${note}` };
  }
}

function judge(date: string, ctx: CalendarContext): Availability {
  const { venue } = ctx;
  const day = formatDate(date);
  if (venue.archivedAt) return { available: false, kind: "VENUE_CLOSED", reason: `${venue.name} has been archived` };
  if (venue.status === "CLOSED") return { available: false, kind: "VENUE_CLOSED", reason: `${venue.name} is closed` };

  if (ctx.school) {
    if (isoWeekday(date) >= 6) return { available: false, kind: "WEEKEND", reason: `${day} is a weekend` };
    const holiday = bankHolidayOn(date);
    if (holiday) return { available: false, kind: "BANK_HOLIDAY", reason: `${day} is a bank holiday (${holiday})` };

    // A year with no terms entered at all is not judged on term dates (the calendar has not been entered yet).
    const year = ctx.years.find((y) => within(date, y.startDate, y.endDate));
    const yearTerms = year ? ctx.terms.filter((t) => t.academicYearId === year.id) : [];
    const own = yearTerms.filter((t) => t.venueId !== null);
    const terms = own.length ? own : yearTerms;
    if (year && terms.length) {
      const term = terms.find((t) => within(date, t.startDate, t.endDate));
      const whose = own.length ? `${venue.name}'s` : "the council's";
      if (!term) return { available: false, kind: "OUTSIDE_TERM", reason: `${day} is outside ${whose} ${year.name} term dates` };
      if (within(date, term.halfTermStart, term.halfTermEnd)) {
        return { available: false, kind: "HALF_TERM", reason: `${day} is in the ${term.name.toLowerCase()} half-term` };
      }
    }
  }

  const closure = ctx.closures.find((c) => within(date, c.startDate, c.endDate));
  if (closure) return { available: false, ...closureReason(closure, day, venue.name), closureId: closure.id };
  return { available: true };
}

export class InvalidDateError extends RangeError {}

function assertDate(date: string) {
  if (!isDateOnly(date)) throw new InvalidDateError(`Not a date (YYYY-MM-DD): ${date}`);
}

/**
 * Is this venue available on this date, and if not, why? Schools: weekends, bank holidays, term dates
 * (the venue's own terms for that academic year if it has any, else the council's), half-terms, their own
 * and all-schools closures, and closed/archived status. Other venues: their own closures and status only.
 * An unknown venue is reported as VENUE_CLOSED.
 */
export async function venueAvailability(venueId: string, date: string, tx: Tx = db): Promise<Availability> {
  assertDate(date);
  const ctx = await loadContext(venueId, date, date, tx);
  if (!ctx) return { available: false, kind: "VENUE_CLOSED", reason: "The venue does not exist" };
  return judge(date, ctx);
}

/** Every unavailable date in [from, to] (inclusive, at most MAX_RANGE_DAYS), in date order, with its reason. */
export async function unavailableDates(venueId: string, from: string, to: string, tx: Tx = db): Promise<UnavailableDate[]> {
  const days = datesBetween(from, to);
  const ctx = await loadContext(venueId, from, to, tx);
  if (!ctx) return days.map((date) => ({ date, kind: "VENUE_CLOSED", reason: "The venue does not exist" }));
  const result: UnavailableDate[] = [];
  for (const date of days) {
    const a = judge(date, ctx);
    if (!a.available) result.push({ date, kind: a.kind, reason: a.reason, ...(a.closureId ? { closureId: a.closureId } : {}) });
  }
  return result;
}

/** The availability of each date in [from, to], for a week view. */
export async function availabilityBetween(venueId: string, from: string, to: string, tx: Tx = db): Promise<{ date: string; availability: Availability }[]> {
  const days = datesBetween(from, to);
  const ctx = await loadContext(venueId, from, to, tx);
  return days.map((date) => ({
    date,
    availability: ctx ? judge(date, ctx) : { available: false, kind: "VENUE_CLOSED", reason: "The venue does not exist" },
  }));
}

function datesBetween(from: string, to: string): string[] {
  assertDate(from);
  assertDate(to);
  if (to < from) throw new InvalidDateError(`The range ends (${to}) before it starts (${from})`);
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push(d);
    if (days.length > MAX_RANGE_DAYS) throw new InvalidDateError(`The range is longer than ${MAX_RANGE_DAYS} days`);
  }
  return days;
}
