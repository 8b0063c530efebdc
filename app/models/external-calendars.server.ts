// A team's or a venue's own calendar (an ICS address from Google, Outlook or a CalDAV server) read as busy time.
// The address is a secret: stored encrypted, shown only by its host. A feed is hostile input: fetched with a time and
// size limit from public addresses only, parsed by ical.js, and only the times of busy events are kept (never a
// summary, description, location or attendee). A failed fetch records its error and keeps the last good copy.
// See docs/decisions/025-external-busy-calendars.md.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { ExternalBusy } from "~/models/sessions/slot-judge";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { decryptText, encryptText, purposeKey } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { logError } from "~/utils/log.server";
import { addDays, addMonths, londonDayBounds, todayInLondon, ZONE } from "~/utils/time";

/** The key the addresses are sealed with, derived from the disclosure key (so key rotation re-seals them too). */
export const calendarUrlKey = (base?: Buffer) => purposeKey("external-calendar-url", base);
/** Busy time is read from yesterday to this many months ahead. */
const WINDOW_MONTHS = 18;
/** More occurrences than this from one feed are not read (a hostile or broken feed cannot fill the database). */
const MAX_INTERVALS = 20_000;
const MAX_REDIRECTS = 3;
const MAX_ERROR_LENGTH = 200;
const MAX_CALENDARS_LISTED = 50;
const NOT_A_CALENDAR = "The calendar could not be read as an ICS calendar";

export type CalendarOwner = { teamId: string } | { venueId: string };
type BusyTime = Omit<ExternalBusy, "owner">;

export class CalendarUrlError extends DomainError {
  constructor(message: string) {
    super(message, "secretUrl");
  }
}

/** Why a fetch failed, in words safe to show (never the address, which is a secret). */
class FetchFailure extends Error {}

/** The address as typed, checked: http or https, a host, no credentials shown back. Returns the URL and its host. */
export function parseCalendarUrl(raw: string): { url: URL; host: string } {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^webcals?:\/\//i, (m) => (m.toLowerCase() === "webcals://" ? "https://" : "http://")));
  } catch {
    throw new CalendarUrlError("Enter a calendar address that starts with https://");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new CalendarUrlError("The calendar address must start with https:// or http://");
  if (!url.hostname) throw new CalendarUrlError("Enter a calendar address that starts with https://");
  return { url, host: url.hostname };
}

/** Loopback, private, link-local, carrier-grade NAT, multicast and unspecified addresses (IPv4 and IPv6). */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split(".").map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  const v6 = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return isPrivateAddress(mapped[1]);
  return v6 === "::" || v6 === "::1" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith("ff");
}

/** Refuse an address whose host resolves to a private network (the app must not be a window onto its own network). */
async function assertPublicHost(url: URL) {
  if (env().EXTERNAL_CALENDARS_ALLOW_PRIVATE === "true") return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (!addresses.length) throw new FetchFailure("The calendar's host name was not found");
  if (addresses.some(isPrivateAddress)) throw new FetchFailure("The calendar's address is on a private network, which is not allowed");
}

type Fetched = { notModified: true } | { notModified: false; body: string; etag: string | null; lastModified: string | null };

/** A conditional GET with a time limit, a size limit and redirects checked one by one. */
export async function fetchCalendar(address: string, cache: { etag: string | null; lastModified: string | null }): Promise<Fetched> {
  const { EXTERNAL_CALENDAR_TIMEOUT_SECONDS: timeout, EXTERNAL_CALENDAR_MAX_BYTES: maxBytes } = env();
  const signal = AbortSignal.timeout(timeout * 1000);
  let url = parseCalendarUrl(address).url;
  for (let hop = 0; ; hop++) {
    await assertPublicHost(url);
    const headers: Record<string, string> = { accept: "text/calendar, */*;q=0.5", "user-agent": "Outreach calendar reader" };
    if (cache.etag) headers["if-none-match"] = cache.etag;
    if (cache.lastModified) headers["if-modified-since"] = cache.lastModified;
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: "manual", signal });
    } catch {
      throw new FetchFailure(
        signal.aborted ? `The calendar did not answer within ${timeout} seconds` : "The calendar could not be reached",
      );
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      const location = response.headers.get("location");
      await response.body?.cancel();
      if (!location || hop >= MAX_REDIRECTS) throw new FetchFailure("The calendar redirected too many times");
      url = parseCalendarUrl(new URL(location, url).toString()).url;
      continue;
    }
    if (response.status === 304) return { notModified: true };
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchFailure(`The calendar answered with HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new FetchFailure(`The calendar is larger than ${Math.round(maxBytes / 1024)} KB`);
    }
    const body = await readLimited(response, maxBytes, signal, timeout);
    return { notModified: false, body, etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
  }
}

async function readLimited(response: Response, maxBytes: number, signal: AbortSignal, timeout: number): Promise<string> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new FetchFailure(`The calendar is larger than ${Math.round(maxBytes / 1024)} KB`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    throw new FetchFailure(signal.aborted ? `The calendar did not answer within ${timeout} seconds` : "The calendar could not be read");
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** An ICAL.Time as an instant: UTC as it is, a known IANA zone by luxon, a zone the feed defines by ical.js, floating as London. */
function instantOf(time: ICAL.Time, tzid: string | null): Date {
  if (time.zone?.tzid === "UTC") return new Date(time.toUnixTime() * 1000);
  const parts = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
  if (tzid) {
    const zoned = DateTime.fromObject(parts, { zone: tzid });
    if (zoned.isValid) return zoned.toJSDate();
    if (ICAL.TimezoneService.has(tzid)) return new Date(time.toUnixTime() * 1000);
  }
  return DateTime.fromObject(parts, { zone: ZONE }).toJSDate();
}

/** The London days an all-day event covers, as instants from the first day's midnight to the day after the last's. */
function allDayInstants(start: ICAL.Time, end: ICAL.Time | null): { startsAt: Date; endsAt: Date } {
  const date = (t: ICAL.Time) => `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
  const first = date(start);
  const after = end && date(end) > first ? date(end) : addDays(first, 1);
  return { startsAt: londonDayBounds(first).start, endsAt: londonDayBounds(after).start };
}

const tzidOf = (event: ICAL.Event, name: "dtstart" | "dtend") =>
  (event.component.getFirstProperty(name)?.getParameter("tzid") as string | undefined) ?? null;

const isBusy = (event: ICAL.Event) =>
  String(event.component.getFirstPropertyValue("transp") ?? "OPAQUE").toUpperCase() !== "TRANSPARENT" &&
  String(event.component.getFirstPropertyValue("status") ?? "").toUpperCase() !== "CANCELLED";

/**
 * The busy intervals of an ICS text between two instants: recurring events expanded (RRULE, RDATE, EXDATE, and
 * RECURRENCE-ID overrides that move or cancel one instance), all-day events busy for their London days, times in
 * UTC, in a named zone or floating (London). Transparent and cancelled events are not busy. Throws on text that
 * is not a calendar.
 */
export function busyIntervalsOf(ics: string, window: { from: Date; to: Date }): BusyTime[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(ics));
  } catch {
    throw new FetchFailure(NOT_A_CALENDAR);
  }
  if (root.name !== "vcalendar") throw new FetchFailure(NOT_A_CALENDAR);
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    const zone = new ICAL.Timezone(vtimezone);
    if (zone.tzid && !ICAL.TimezoneService.has(zone.tzid)) ICAL.TimezoneService.register(zone);
  }
  const events = root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  const overrides = new Map<string, ICAL.Event[]>();
  for (const e of events) if (e.isRecurrenceException()) overrides.set(e.uid, [...(overrides.get(e.uid) ?? []), e]);
  const masters = events.filter((e) => !e.isRecurrenceException());
  const mastersByUid = new Set(masters.map((e) => e.uid));
  const out: BusyTime[] = [];
  const push = (event: ICAL.Event, start: ICAL.Time, end: ICAL.Time | null) => {
    if (!isBusy(event)) return;
    let interval: { startsAt: Date; endsAt: Date };
    if (start.isDate) interval = allDayInstants(start, end);
    else {
      const startsAt = instantOf(start, tzidOf(event, "dtstart"));
      const endsAt = end ? instantOf(end, tzidOf(event, "dtend") ?? tzidOf(event, "dtstart")) : startsAt;
      interval = { startsAt, endsAt };
    }
    if (interval.endsAt <= interval.startsAt || interval.endsAt <= window.from || interval.startsAt >= window.to) return;
    out.push({ ...interval, allDay: start.isDate });
  };
  for (const master of masters) {
    if (out.length >= MAX_INTERVALS) break;
    if (!master.startDate) continue;
    for (const exception of overrides.get(master.uid) ?? []) master.relateException(exception);
    if (!master.isRecurring()) {
      push(master, master.startDate, master.endDate);
      continue;
    }
    const iterator = master.iterator();
    for (let next = iterator.next(); next && out.length < MAX_INTERVALS; next = iterator.next()) {
      // Occurrences are in start order; a moved instance may land up to a year away from where it was.
      if (next.toJSDate() > new Date(window.to.getTime() + 366 * 86_400_000)) break;
      const details = master.getOccurrenceDetails(next);
      push(details.item, details.startDate, details.endDate);
    }
  }
  // An override whose master is not in the feed (Google shares single changed instances this way) is an event itself.
  for (const [uid, list] of overrides) if (!mastersByUid.has(uid)) for (const e of list) push(e, e.startDate, e.endDate);
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** From yesterday to 18 months ahead (London days). */
export function busyWindow(now: Date): { from: Date; to: Date } {
  const today = todayInLondon(now);
  return { from: londonDayBounds(addDays(today, -1)).start, to: londonDayBounds(addMonths(today, WINDOW_MONTHS)).start };
}

const errorText = (error: unknown) => (error instanceof FetchFailure ? error.message : NOT_A_CALENDAR).slice(0, MAX_ERROR_LENGTH);

/**
 * Fetch one calendar and replace its busy intervals with what it now says (304: the copy stands). A failure is
 * recorded on the calendar and the last good copy kept. Returns whether the copy is now current.
 */
export async function refreshCalendar(calendarId: string, now = new Date()): Promise<{ ok: boolean; error: string | null }> {
  const calendar = await db.externalCalendar.findUnique({ where: { id: calendarId } });
  if (!calendar) throw new NotFoundError();
  try {
    const fetched = await fetchCalendar(decryptText(calendar.urlEncrypted, calendarUrlKey()), calendar);
    if (fetched.notModified) {
      await db.externalCalendar.update({ where: { id: calendarId }, data: { lastFetchedAt: now, lastSuccessAt: now, lastError: null } });
      return { ok: true, error: null };
    }
    const busy = busyIntervalsOf(fetched.body, busyWindow(now));
    await db.$transaction(async (tx) => {
      await tx.busyInterval.deleteMany({ where: { calendarId } });
      await tx.busyInterval.createMany({
        data: busy.map((b) => ({ calendarId, teamId: calendar.teamId, venueId: calendar.venueId, ...b })),
      });
      await tx.externalCalendar.update({
        where: { id: calendarId },
        data: { etag: fetched.etag, lastModified: fetched.lastModified, lastFetchedAt: now, lastSuccessAt: now, lastError: null },
      });
    });
    return { ok: true, error: null };
  } catch (error) {
    if (!(error instanceof FetchFailure)) logError(error, { source: "external-calendar" });
    const message = errorText(error);
    await db.externalCalendar.update({ where: { id: calendarId }, data: { lastFetchedAt: now, lastError: message } });
    return { ok: false, error: message };
  }
}

/** Refresh every calendar not fetched for the configured minutes (the worker calls this). */
export async function refreshDueCalendars(now = new Date()) {
  const due = new Date(now.getTime() - env().EXTERNAL_CALENDAR_REFRESH_MINUTES * 60_000);
  const calendars = await db.externalCalendar.findMany({
    where: { OR: [{ lastFetchedAt: null }, { lastFetchedAt: { lte: due } }] },
    select: { id: true },
    orderBy: { lastFetchedAt: "asc" },
    take: 100,
  });
  for (const c of calendars) await refreshCalendar(c.id, now);
  return calendars.length;
}

const ownerWhere = (owner: CalendarOwner) => ("teamId" in owner ? { teamId: owner.teamId } : { venueId: owner.venueId });

const ownerAudit = (owner: CalendarOwner) =>
  "teamId" in owner ? { owner: "TEAM" as const, ownerId: owner.teamId } : { owner: "VENUE" as const, ownerId: owner.venueId };

/** Add a calendar address to a team or a venue (stored encrypted, audited by its host) and read it once. */
export async function addExternalCalendar(
  actor: Actor,
  owner: CalendarOwner,
  input: { label: string; url: string },
  meta: RequestMeta,
  now = new Date(),
) {
  const { url, host } = parseCalendarUrl(input.url);
  const exists =
    "teamId" in owner
      ? await db.team.findFirst({ where: { id: owner.teamId, archivedAt: null }, select: { id: true } })
      : await db.venue.findFirst({ where: { id: owner.venueId, archivedAt: null }, select: { id: true } });
  if (!exists) throw new NotFoundError();
  const calendar = await db.$transaction(async (tx) => {
    const created = await tx.externalCalendar.create({
      data: { ...ownerWhere(owner), label: input.label.trim(), urlEncrypted: encryptText(url.toString(), calendarUrlKey()), urlHost: host },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "external_calendar.add",
        entityType: "ExternalCalendar",
        entityId: created.id,
        details: { v: 1, ...ownerAudit(owner), host },
      },
    );
    return created;
  });
  await refreshCalendar(calendar.id, now);
  return calendar.id;
}

/** Remove a calendar and its busy intervals. */
export async function removeExternalCalendar(actor: Actor, owner: CalendarOwner, calendarId: string, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const calendar = await tx.externalCalendar.findFirst({ where: { id: calendarId, ...ownerWhere(owner) }, select: { urlHost: true } });
    if (!calendar) throw new NotFoundError();
    await tx.externalCalendar.delete({ where: { id: calendarId } });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "external_calendar.remove",
        entityType: "ExternalCalendar",
        entityId: calendarId,
        details: { v: 1, ...ownerAudit(owner), host: calendar.urlHost },
      },
    );
  });
}

/** Refresh one calendar of this team or venue now. */
export async function refreshExternalCalendar(owner: CalendarOwner, calendarId: string, now = new Date()) {
  const calendar = await db.externalCalendar.findFirst({ where: { id: calendarId, ...ownerWhere(owner) }, select: { id: true } });
  if (!calendar) throw new NotFoundError();
  return refreshCalendar(calendar.id, now);
}

/** The calendars of a team or venue as the page shows them: label, host only, when read, the last error. */
export function externalCalendarsOf(owner: CalendarOwner) {
  return db.externalCalendar.findMany({
    where: ownerWhere(owner),
    orderBy: { createdAt: "asc" },
    take: MAX_CALENDARS_LISTED,
    select: {
      id: true,
      label: true,
      urlHost: true,
      lastFetchedAt: true,
      lastSuccessAt: true,
      lastError: true,
      _count: { select: { busy: true } },
    },
  });
}

/** The team's and the venue's busy time overlapping a range (for the slot judge). */
export async function busyTimeAround(tx: Tx, range: { teamId: string; venueId: string; from: Date; to: Date }): Promise<ExternalBusy[]> {
  const rows = await tx.busyInterval.findMany({
    where: {
      OR: [{ teamId: range.teamId }, { venueId: range.venueId }],
      startsAt: { lt: range.to },
      endsAt: { gt: range.from },
    },
    select: { teamId: true, startsAt: true, endsAt: true, allDay: true },
    orderBy: { startsAt: "asc" },
  });
  return rows.map((r) => ({ startsAt: r.startsAt, endsAt: r.endsAt, allDay: r.allDay, owner: r.teamId ? "TEAM" : "VENUE" }));
}
