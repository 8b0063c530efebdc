// The school calendar: academic years, terms (council-wide or a venue's own), closures, bank holidays,
// and the one answer bookings need: is this venue available on this date, and if not, why.
import { z } from "zod";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { bankHolidayOn, bankHolidaysFrom } from "~/utils/bank-holidays.server";
import { CsvSyntaxError, decodeCsvBytes, parseCsvWithHeader } from "~/utils/csv.server";
import { db, type Tx } from "~/utils/db.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { isoDate } from "~/utils/form-fields";
import { pageWindow, toPage } from "~/utils/pagination";
import { isSchoolKind, TERM_CSV_COLUMNS } from "~/forms/reference";
import type { AcademicYearInput, ClosureInput, TermInput } from "~/forms/reference.server";
import { addDays, formatDate, isDateOnly, isoWeekday, todayInLondon } from "~/utils/time";

export type UnavailableKind = "WEEKEND" | "BANK_HOLIDAY" | "OUTSIDE_TERM" | "HALF_TERM" | "INSET" | "EXAMS" | "CLOSURE" | "VENUE_CLOSED";
export type Availability = { available: true } | { available: false; kind: UnavailableKind; reason: string; closureId?: string };
export type UnavailableDate = { date: string; kind: UnavailableKind; reason: string; closureId?: string };

/** The longest range `unavailableDates` answers in one call (a diary shows at most a few months). */
export const MAX_RANGE_DAYS = 400;

type TermRow = {
  academicYearId: string;
  venueId: string | null;
  name: string;
  startDate: string;
  endDate: string;
  halfTermStart: string | null;
  halfTermEnd: string | null;
};
type ClosureRow = {
  id: string;
  venueId: string | null;
  startDate: string;
  endDate: string;
  reason: "INSET" | "EXAMS" | "CLOSURE" | "OTHER";
  note: string | null;
};
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
  // One after another: tx may be an interactive transaction, whose single connection runs one query at a time.
  const years = school
    ? await tx.academicYear.findMany({ where: overlaps, select: { id: true, name: true, startDate: true, endDate: true } })
    : [];
  const closures = await tx.closure.findMany({
    where: { ...overlaps, OR: school ? [{ venueId }, { venueId: null }] : [{ venueId }] },
    select: { id: true, venueId: true, startDate: true, endDate: true, reason: true, note: true },
    orderBy: [{ startDate: "asc" }],
  });
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
      return {
        kind: "CLOSURE",
        reason: closure.venueId ? `${venueName} is closed on ${day}${note}` : `All schools are closed on ${day}${note}`,
      };
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
export async function availabilityBetween(
  venueId: string,
  from: string,
  to: string,
  tx: Tx = db,
): Promise<{ date: string; availability: Availability }[]> {
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

// ───────────── Managing the calendar: academic years, terms, closures, CSV import of terms ─────────────

export class CalendarRuleError extends DomainError {}

export async function listAcademicYears({ page }: { page: number }) {
  const [items, total] = await Promise.all([
    db.academicYear.findMany({
      orderBy: { startDate: "desc" },
      select: { id: true, name: true, startDate: true, endDate: true, _count: { select: { terms: true } } },
      ...pageWindow(page),
    }),
    db.academicYear.count(),
  ]);
  return toPage(items, total, page);
}

/** Academic years for a select list, newest first. */
export function academicYearOptions() {
  return db.academicYear.findMany({
    orderBy: { startDate: "desc" },
    select: { id: true, name: true, startDate: true, endDate: true },
    take: 20,
  });
}

export async function getAcademicYear(id: string) {
  const year = await db.academicYear.findUnique({ where: { id }, select: { id: true, name: true, startDate: true, endDate: true } });
  if (!year) return null;
  const [terms, venueTermCount] = await Promise.all([
    db.term.findMany({
      where: { academicYearId: id, venueId: null },
      orderBy: { startDate: "asc" },
      select: { id: true, name: true, startDate: true, endDate: true, halfTermStart: true, halfTermEnd: true },
    }),
    db.term.groupBy({ by: ["venueId"], where: { academicYearId: id, venueId: { not: null } } }),
  ]);
  return { ...year, terms, venuesWithOwnTerms: venueTermCount.length };
}

async function assertYearFits(tx: Tx, input: AcademicYearInput, exceptId?: string) {
  const sameName = await tx.academicYear.findUnique({ where: { name: input.name }, select: { id: true } });
  if (sameName && sameName.id !== exceptId) throw new CalendarRuleError(`Academic year ${input.name} already exists`, "name");
  const overlapping = await tx.academicYear.findFirst({
    where: { startDate: { lte: input.endDate }, endDate: { gte: input.startDate }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (overlapping) throw new CalendarRuleError(`These dates overlap academic year ${overlapping.name}`, "start");
}

export async function createAcademicYear(actor: Actor, input: AcademicYearInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    await assertYearFits(tx, input);
    const year = await tx.academicYear.create({ data: input, select: { id: true, name: true } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "calendar.year.create", entityType: "AcademicYear", entityId: year.id, details: { v: 1, name: year.name } },
    );
    return year;
  });
}

export async function updateAcademicYear(actor: Actor, id: string, input: AcademicYearInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const found = await tx.academicYear.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw new NotFoundError("Academic year not found");
    await assertYearFits(tx, input, id);
    const outside = await tx.term.findFirst({
      where: { academicYearId: id, OR: [{ startDate: { lt: input.startDate } }, { endDate: { gt: input.endDate } }] },
      select: { name: true },
    });
    if (outside)
      throw new CalendarRuleError(`The ${outside.name.toLowerCase()} term would fall outside these dates: change it first`, "start");
    await tx.academicYear.update({ where: { id }, data: input });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "calendar.year.update", entityType: "AcademicYear", entityId: id, details: { v: 1, name: input.name } },
    );
  });
}

export function getTerm(id: string) {
  return db.term.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      halfTermStart: true,
      halfTermEnd: true,
      venueId: true,
      academicYear: { select: { id: true, name: true } },
      venue: { select: { id: true, name: true } },
    },
  });
}

/** A term must sit inside its academic year and not overlap another term of the same calendar (council or venue). */
async function assertTermFits(tx: Tx, scope: { academicYearId: string; venueId: string | null }, input: TermInput, exceptId?: string) {
  const year = await tx.academicYear.findUnique({
    where: { id: scope.academicYearId },
    select: { name: true, startDate: true, endDate: true },
  });
  if (!year) throw new NotFoundError("Academic year not found");
  if (input.startDate < year.startDate || input.endDate > year.endDate) {
    throw new CalendarRuleError(
      `The term must fall within ${year.name} (${formatDate(year.startDate)} to ${formatDate(year.endDate)})`,
      "start",
    );
  }
  const others = await tx.term.findMany({
    where: { academicYearId: scope.academicYearId, venueId: scope.venueId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true, startDate: true, endDate: true },
  });
  if (others.some((t) => t.name === input.name))
    throw new CalendarRuleError(`${year.name} already has a ${input.name.toLowerCase()} term`, "name");
  const clash = others.find((t) => t.startDate <= input.endDate && t.endDate >= input.startDate);
  if (clash) throw new CalendarRuleError(`These dates overlap the ${clash.name.toLowerCase()} term`, "start");
}

export async function addTerm(
  actor: Actor,
  scope: { academicYearId: string; venueId: string | null },
  input: TermInput,
  meta: RequestMeta,
) {
  return db.$transaction(async (tx) => {
    if (scope.venueId && !(await tx.venue.findUnique({ where: { id: scope.venueId }, select: { id: true } })))
      throw new NotFoundError("Venue not found");
    await assertTermFits(tx, scope, input);
    const term = await tx.term.create({ data: { ...scope, ...input }, select: { id: true } });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "calendar.term.create",
        entityType: "Term",
        entityId: term.id,
        details: { v: 1, venueId: scope.venueId, startDate: input.startDate, endDate: input.endDate },
      },
    );
    return term;
  });
}

export async function updateTerm(actor: Actor, id: string, input: TermInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const term = await tx.term.findUnique({ where: { id }, select: { academicYearId: true, venueId: true } });
    if (!term) throw new NotFoundError("Term not found");
    await assertTermFits(tx, term, input, id);
    await tx.term.update({ where: { id }, data: input });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "calendar.term.update",
        entityType: "Term",
        entityId: id,
        details: { v: 1, venueId: term.venueId, startDate: input.startDate, endDate: input.endDate },
      },
    );
  });
}

export async function deleteTerm(actor: Actor, id: string, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const term = await tx.term.findUnique({ where: { id }, select: { venueId: true, startDate: true, endDate: true } });
    if (!term) throw new NotFoundError("Term not found");
    await tx.term.delete({ where: { id } });
    await writeAudit(tx, { actor, meta }, { action: "calendar.term.delete", entityType: "Term", entityId: id, details: { v: 1, ...term } });
    return term;
  });
}

/** All-schools closures that have not ended yet (and, with `past`, those that have), soonest first. */
export async function listAllSchoolsClosures({ page, past = false }: { page: number; past?: boolean }) {
  const today = todayInLondon();
  const where = { venueId: null, ...(past ? { endDate: { lt: today } } : { endDate: { gte: today } }) };
  const [items, total] = await Promise.all([
    db.closure.findMany({
      where,
      orderBy: { startDate: past ? "desc" : "asc" },
      select: { id: true, startDate: true, endDate: true, reason: true, note: true },
      ...pageWindow(page),
    }),
    db.closure.count({ where }),
  ]);
  return toPage(items, total, page);
}

export function getClosure(id: string) {
  return db.closure.findUnique({
    where: { id },
    select: { id: true, startDate: true, endDate: true, reason: true, note: true, venue: { select: { id: true, name: true } } },
  });
}

/** A closure for one venue (venueId) or, with venueId null, for every school. */
export async function addClosure(actor: Actor, venueId: string | null, input: ClosureInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    if (venueId && !(await tx.venue.findUnique({ where: { id: venueId }, select: { id: true } })))
      throw new NotFoundError("Venue not found");
    const closure = await tx.closure.create({
      data: { venueId, startDate: input.startDate, endDate: input.endDate, reason: input.reason, note: input.note ?? null },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "calendar.closure.create",
        entityType: "Closure",
        entityId: closure.id,
        details: { v: 1, venueId, reason: input.reason, startDate: input.startDate, endDate: input.endDate },
      },
    );
    return closure;
  });
}

export async function deleteClosure(actor: Actor, id: string, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const closure = await tx.closure.findUnique({ where: { id }, select: { venueId: true, reason: true, startDate: true, endDate: true } });
    if (!closure) throw new NotFoundError("Closure not found");
    await tx.closure.delete({ where: { id } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "calendar.closure.delete", entityType: "Closure", entityId: id, details: { v: 1, ...closure } },
    );
    return closure;
  });
}

// ── Term dates from CSV: academic_year,term,start_date,end_date,half_term_start,half_term_end ──

export class CsvFileError extends DomainError {
  constructor(
    message: string,
    public readonly problems: { line: number; message: string }[] = [],
  ) {
    super(message, "file");
  }
}

const termCsvRow = z
  .object({
    academic_year: z.string().regex(/^\d{4}\/\d{2}$/, { error: "academic_year must look like 2026/27" }),
    term: z.enum(["Autumn", "Spring", "Summer"], { error: "term must be Autumn, Spring or Summer" }),
    start_date: isoDate("start_date"),
    end_date: isoDate("end_date"),
    half_term_start: isoDate("half_term_start").optional(),
    half_term_end: isoDate("half_term_end").optional(),
  })
  .superRefine((r, ctx) => {
    if (r.end_date < r.start_date) ctx.addIssue({ code: "custom", message: "end_date is before start_date" });
    if (!!r.half_term_start !== !!r.half_term_end) ctx.addIssue({ code: "custom", message: "give both half-term dates or neither" });
    if (
      r.half_term_start &&
      r.half_term_end &&
      (r.half_term_end < r.half_term_start || r.half_term_start < r.start_date || r.half_term_end > r.end_date)
    ) {
      ctx.addIssue({ code: "custom", message: "half-term must be within the term and end on or after it starts" });
    }
  });

/**
 * Import the council's term dates from CSV bytes. Every row is checked first; one bad row and nothing is written.
 * Missing academic years are created (1 September to 31 August); terms are matched by year and name and updated.
 */
export async function importTermsCsv(actor: Actor, bytes: Uint8Array, meta: RequestMeta) {
  let header: string[];
  let rows: { line: number; values: Record<string, string> }[];
  try {
    ({ header, rows } = parseCsvWithHeader(decodeCsvBytes(bytes).text));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CsvFileError(error.message);
    throw error;
  }
  const missing = TERM_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw new CsvFileError(
      `The file is missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. The first row must be: ${TERM_CSV_COLUMNS.join(",")}`,
    );
  if (!rows.length) throw new CsvFileError("The file has no term dates under its header row");
  const problems: { line: number; message: string }[] = [];
  const terms: z.output<typeof termCsvRow>[] = [];
  for (const row of rows) {
    const values = Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, v === "" ? undefined : v]));
    const parsed = termCsvRow.safeParse(values);
    if (parsed.success) terms.push(parsed.data);
    else problems.push({ line: row.line, message: parsed.error.issues.map((i) => i.message).join("; ") });
  }
  const seen = new Set<string>();
  for (const [i, t] of terms.entries()) {
    const key = `${t.academic_year} ${t.term}`;
    if (seen.has(key)) problems.push({ line: rows[i].line, message: `${key} appears more than once` });
    seen.add(key);
  }
  const byStart = [...terms].sort((a, b) => a.start_date.localeCompare(b.start_date));
  for (const [i, t] of byStart.entries()) {
    const previous = byStart[i - 1];
    if (previous && t.start_date <= previous.end_date)
      problems.push({
        line: rows[terms.indexOf(t)].line,
        message: `${t.academic_year} ${t.term} overlaps ${previous.academic_year} ${previous.term}`,
      });
  }
  if (problems.length)
    throw new CsvFileError(
      `The file has ${problems.length} problem${problems.length > 1 ? "s" : ""}: nothing was imported`,
      problems.slice(0, 50),
    );

  return db.$transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    const years = [...new Set(terms.map((t) => t.academic_year))];
    for (const name of years) {
      const first = Number(name.slice(0, 4));
      const year =
        (await tx.academicYear.findUnique({ where: { name }, select: { id: true, startDate: true, endDate: true } })) ??
        (await tx.academicYear.create({
          data: { name, startDate: `${first}-09-01`, endDate: `${first + 1}-08-31` },
          select: { id: true, startDate: true, endDate: true },
        }));
      for (const t of terms.filter((x) => x.academic_year === name)) {
        if (t.start_date < year.startDate || t.end_date > year.endDate)
          throw new CsvFileError(
            `The ${name} ${t.term.toLowerCase()} term falls outside the academic year (${year.startDate} to ${year.endDate}): nothing was imported`,
          );
        const data = {
          startDate: t.start_date,
          endDate: t.end_date,
          halfTermStart: t.half_term_start ?? null,
          halfTermEnd: t.half_term_end ?? null,
        };
        const existing = await tx.term.findFirst({ where: { academicYearId: year.id, venueId: null, name: t.term }, select: { id: true } });
        if (existing) {
          await tx.term.update({ where: { id: existing.id }, data });
          updated++;
        } else {
          await tx.term.create({ data: { ...data, academicYearId: year.id, venueId: null, name: t.term } });
          created++;
        }
      }
    }
    await writeAudit(tx, { actor, meta }, { action: "calendar.terms.import", details: { v: 1, created, updated, years } });
    return { created, updated, years };
  });
}

/** The calendar page: the latest academic years, the all-schools closures to come and the next bank holidays. */
export async function calendarOverview({ page }: { page: number }) {
  const [years, closures] = await Promise.all([listAcademicYears({ page: 1 }), listAllSchoolsClosures({ page })]);
  return { years, closures, bankHolidays: bankHolidaysFrom(todayInLondon(), 8) };
}

/** A venue's own terms and the academic years they can be added to. */
export async function venueTermsPage(venueId: string) {
  const venue = await db.venue.findUnique({ where: { id: venueId }, select: { id: true, name: true } });
  if (!venue) return null;
  const [terms, years] = await Promise.all([
    db.term.findMany({
      where: { venueId },
      orderBy: { startDate: "asc" },
      select: {
        id: true,
        name: true,
        startDate: true,
        endDate: true,
        halfTermStart: true,
        halfTermEnd: true,
        academicYear: { select: { name: true } },
      },
    }),
    academicYearOptions(),
  ]);
  return { venue, terms, years };
}
