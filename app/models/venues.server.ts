// Venues (schools, colleges, community venues, taxi operators…) and their contacts.
import { availabilityBetween } from "~/models/calendars.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, usingPostgres, type Tx } from "~/utils/db.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { pageWindow, toPage } from "~/utils/pagination";
import type { VenueKind, VenueSort } from "~/forms/reference";
import type { ContactInput, VenueInput } from "~/forms/reference.server";
import { addDays, isDateOnly, isoWeekday, todayInLondon } from "~/utils/time";

export class DuplicateUrnError extends DomainError {
  constructor(
    public readonly urn: string,
    public readonly existing: { id: string; name: string },
  ) {
    super(`URN ${urn} is already used by ${existing.name}`, "urn");
  }
}

const ORDER: Record<VenueSort, object[]> = {
  name: [{ name: "asc" }],
  "-name": [{ name: "desc" }],
  kind: [{ kind: "asc" }, { name: "asc" }],
  postcode: [{ postcode: "asc" }, { name: "asc" }],
  roll: [{ numberOnRoll: "asc" }, { name: "asc" }],
  "-roll": [{ numberOnRoll: "desc" }, { name: "asc" }],
  la: [{ laCode: "asc" }, { name: "asc" }],
};

export type VenueFilters = { kind?: VenueKind; status?: "OPEN" | "CLOSED" | "ARCHIVED"; laCode?: string; q?: string; sort?: VenueSort };

/** Case-insensitive name search: SQLite's LIKE already is (for ASCII); PostgreSQL needs mode "insensitive". */
function nameContains(q: string) {
  return (usingPostgres() ? { contains: q, mode: "insensitive" } : { contains: q }) as { contains: string };
}

function whereFor(f: VenueFilters) {
  return {
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status === "ARCHIVED" ? { archivedAt: { not: null } } : { archivedAt: null, ...(f.status ? { status: f.status } : {}) }),
    ...(f.laCode ? { laCode: f.laCode } : {}),
    ...(f.q ? { OR: [{ name: nameContains(f.q) }, { urn: f.q }, { postcode: { startsWith: f.q.toUpperCase() } }] } : {}),
  };
}

export async function listVenues({ page, filters }: { page: number; filters: VenueFilters }) {
  const where = whereFor(filters);
  const [items, total] = await Promise.all([
    db.venue.findMany({
      where,
      orderBy: ORDER[filters.sort ?? "name"] as never,
      select: {
        id: true,
        name: true,
        kind: true,
        town: true,
        postcode: true,
        urn: true,
        laCode: true,
        numberOnRoll: true,
        status: true,
        archivedAt: true,
      },
      ...pageWindow(page),
    }),
    db.venue.count({ where }),
  ]);
  return toPage(items, total, page);
}

/** The venues list page: one page of venues and the LA codes for the filter. */
export async function venueListPage({ page, filters }: { page: number; filters: VenueFilters }) {
  const [venues, laCodes] = await Promise.all([listVenues({ page, filters }), venueLaCodes()]);
  return { venues, laCodes };
}

/** LA codes in use, for the filter (a groupBy in the database). */
export async function venueLaCodes(): Promise<string[]> {
  const rows = await db.venue.groupBy({ by: ["laCode"], where: { laCode: { not: null } }, orderBy: { laCode: "asc" } });
  return rows.map((r) => r.laCode!).filter(Boolean);
}

const VENUE_SELECT = {
  id: true,
  kind: true,
  name: true,
  addressLine1: true,
  addressLine2: true,
  town: true,
  postcode: true,
  phone: true,
  urn: true,
  phase: true,
  statutoryLowAge: true,
  statutoryHighAge: true,
  numberOnRoll: true,
  year10Count: true,
  laCode: true,
  accessibilityNotes: true,
  hallCapacity: true,
  easting: true,
  northing: true,
  cohort: true,
  dayStart: true,
  dayEnd: true,
  status: true,
  archivedAt: true,
  updatedAt: true,
} as const;

export function getVenue(id: string) {
  return db.venue.findUnique({ where: { id }, select: VENUE_SELECT });
}

const CLOSURES_SHOWN = 50;

/** Monday of the week containing a date. */
export function weekStarting(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Everything the venue page shows: details, contacts, upcoming closures, its own terms and the week's availability. */
export async function venuePage(id: string, weekOf?: string) {
  const venue = await getVenue(id);
  if (!venue) return null;
  const today = todayInLondon();
  const monday = weekStarting(weekOf && isDateOnly(weekOf) ? weekOf : today);
  const [contacts, closures, terms, sessionCount, week] = await Promise.all([
    db.venueContact.findMany({
      where: { venueId: id, archivedAt: null },
      orderBy: [{ isPrimary: "desc" }, { name: "asc" }],
      select: { id: true, name: true, role: true, email: true, phone: true, isPrimary: true, emailFailingAt: true, emailFailure: true },
    }),
    db.closure.findMany({
      where: { venueId: id, endDate: { gte: today } },
      orderBy: { startDate: "asc" },
      take: CLOSURES_SHOWN,
      select: { id: true, startDate: true, endDate: true, reason: true, note: true },
    }),
    db.term.findMany({
      where: { venueId: id },
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
    db.session.count({ where: { venueId: id } }),
    availabilityBetween(id, monday, addDays(monday, 6)),
  ]);
  return {
    venue,
    contacts,
    closures,
    terms,
    sessionCount,
    week,
    weekStart: monday,
    previousWeek: addDays(monday, -7),
    nextWeek: addDays(monday, 7),
  };
}

function toRow(input: VenueInput) {
  return {
    kind: input.kind,
    name: input.name,
    addressLine1: input.addressLine1 ?? null,
    addressLine2: input.addressLine2 ?? null,
    town: input.town ?? null,
    postcode: input.postcode,
    phone: input.phone ?? null,
    urn: input.urn ?? null,
    phase: input.phase ?? null,
    statutoryLowAge: input.statutoryLowAge ?? null,
    statutoryHighAge: input.statutoryHighAge ?? null,
    numberOnRoll: input.numberOnRoll ?? null,
    year10Count: input.year10Count ?? null,
    laCode: input.laCode ?? null,
    accessibilityNotes: input.accessibilityNotes ?? null,
    hallCapacity: input.hallCapacity ?? null,
    easting: input.easting ?? null,
    northing: input.northing ?? null,
    cohort: input.cohort ?? null,
    dayStart: input.dayStart ?? null,
    dayEnd: input.dayEnd ?? null,
  };
}

async function assertUrnFree(tx: Tx, urn: string | undefined, exceptId?: string) {
  if (!urn) return;
  const existing = await tx.venue.findUnique({ where: { urn }, select: { id: true, name: true } });
  if (existing && existing.id !== exceptId) throw new DuplicateUrnError(urn, existing);
}

export async function createVenue(actor: Actor, input: VenueInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    await assertUrnFree(tx, input.urn);
    const venue = await tx.venue.create({ data: toRow(input), select: { id: true, name: true } });
    await writeAudit(tx, { actor, meta }, { action: "venue.create", entityType: "Venue", entityId: venue.id, details: { v: 1 } });
    return venue;
  });
}

export async function updateVenue(actor: Actor, id: string, input: VenueInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.venue.findUnique({ where: { id }, select: VENUE_SELECT });
    if (!before) throw new NotFoundError("Venue not found");
    await assertUrnFree(tx, input.urn, id);
    const row = toRow(input);
    const changed = (Object.keys(row) as (keyof typeof row)[]).filter((k) => before[k] !== row[k]);
    await tx.venue.update({ where: { id }, data: row });
    await writeAudit(tx, { actor, meta }, { action: "venue.update", entityType: "Venue", entityId: id, details: { v: 1, changed } });
  });
}

/**
 * Remove a venue from use. One with sessions is archived (its history stays); one without is deleted.
 * `restore` brings an archived venue back.
 */
export async function removeVenue(actor: Actor, id: string, meta: RequestMeta): Promise<"archived" | "deleted"> {
  return db.$transaction(async (tx) => {
    const venue = await tx.venue.findUnique({
      where: { id },
      select: { id: true, _count: { select: { sessions: true, operators: true } } },
    });
    if (!venue) throw new NotFoundError("Venue not found");
    if (venue._count.sessions > 0 || venue._count.operators > 0) {
      await tx.venue.update({ where: { id }, data: { archivedAt: new Date() } });
      await writeAudit(tx, { actor, meta }, { action: "venue.archive", entityType: "Venue", entityId: id, details: { v: 1 } });
      return "archived";
    }
    await writeAudit(tx, { actor, meta }, { action: "venue.delete", entityType: "Venue", entityId: id, details: { v: 1 } });
    await tx.venue.delete({ where: { id } });
    return "deleted";
  });
}

export async function restoreVenue(actor: Actor, id: string, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const found = await tx.venue.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw new NotFoundError("Venue not found");
    await tx.venue.update({ where: { id }, data: { archivedAt: null } });
    await writeAudit(tx, { actor, meta }, { action: "venue.restore", entityType: "Venue", entityId: id, details: { v: 1 } });
  });
}

// ── Contacts ──

export function getContact(venueId: string, contactId: string) {
  return db.venueContact.findFirst({
    where: { id: contactId, venueId, archivedAt: null },
    select: { id: true, name: true, role: true, email: true, phone: true, isPrimary: true, venue: { select: { id: true, name: true } } },
  });
}

/** Exactly one primary contact per venue (when it has any): making one primary demotes the others. */
async function settlePrimary(tx: Tx, venueId: string, primaryId?: string) {
  if (primaryId) {
    await tx.venueContact.updateMany({ where: { venueId, id: { not: primaryId }, isPrimary: true }, data: { isPrimary: false } });
    return;
  }
  const hasPrimary = await tx.venueContact.count({ where: { venueId, archivedAt: null, isPrimary: true } });
  if (hasPrimary) return;
  const first = await tx.venueContact.findFirst({
    where: { venueId, archivedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (first) await tx.venueContact.update({ where: { id: first.id }, data: { isPrimary: true } });
}

const contactRow = (input: ContactInput) => ({
  name: input.name,
  role: input.role ?? null,
  email: input.email?.toLowerCase() ?? null,
  phone: input.phone ?? null,
  isPrimary: input.isPrimary,
});

export async function addContact(actor: Actor, venueId: string, input: ContactInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const venue = await tx.venue.findUnique({ where: { id: venueId }, select: { id: true } });
    if (!venue) throw new NotFoundError("Venue not found");
    const contact = await tx.venueContact.create({ data: { ...contactRow(input), venueId }, select: { id: true } });
    await settlePrimary(tx, venueId, input.isPrimary ? contact.id : undefined);
    await writeAudit(
      tx,
      { actor, meta },
      { action: "contact.create", entityType: "VenueContact", entityId: contact.id, details: { v: 1, venueId } },
    );
    return contact;
  });
}

export async function updateContact(actor: Actor, venueId: string, contactId: string, input: ContactInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.venueContact.findFirst({
      where: { id: contactId, venueId, archivedAt: null },
      select: { name: true, role: true, email: true, phone: true, isPrimary: true },
    });
    if (!before) throw new NotFoundError("Contact not found");
    const row = contactRow(input);
    const changed = (Object.keys(row) as (keyof typeof row)[]).filter((k) => before[k] !== row[k]);
    // A new address has not failed yet.
    const failing = before.email !== row.email ? { emailFailingAt: null, emailFailure: null } : {};
    await tx.venueContact.update({ where: { id: contactId }, data: { ...row, ...failing } });
    await settlePrimary(tx, venueId, input.isPrimary ? contactId : undefined);
    await writeAudit(
      tx,
      { actor, meta },
      { action: "contact.update", entityType: "VenueContact", entityId: contactId, details: { v: 1, venueId, changed } },
    );
  });
}

/** Removed contacts are kept (archived) so past invitations still say who they went to. */
export async function removeContact(actor: Actor, venueId: string, contactId: string, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const found = await tx.venueContact.findFirst({ where: { id: contactId, venueId, archivedAt: null }, select: { id: true } });
    if (!found) throw new NotFoundError("Contact not found");
    await tx.venueContact.update({ where: { id: contactId }, data: { archivedAt: new Date(), isPrimary: false } });
    await settlePrimary(tx, venueId);
    await writeAudit(
      tx,
      { actor, meta },
      { action: "contact.remove", entityType: "VenueContact", entityId: contactId, details: { v: 1, venueId } },
    );
  });
}
