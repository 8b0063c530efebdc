// Subscribable calendar feeds (.ics) for a venue, a team or a user, behind a secret link stored hashed.
import { createHash } from "node:crypto";
import { sessionForVenueSelect, toCalendarSession, type SessionForVenue } from "~/models/sessions/venue-details.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordTokenMiss, tokenGuessingBlocked } from "~/utils/rate-limit.server";
import { NotFoundError } from "~/utils/errors";
import { buildCalendar } from "~/utils/ics.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

export type FeedOwner = { venueId: string } | { teamId: string } | { userId: string };

const DAY_MS = 24 * 60 * 60_000;
/** Cancelled sessions stay (as STATUS:CANCELLED) this long, so subscribed calendars remove them. */
const KEEP_CANCELLED_DAYS = 30;
const HISTORY_DAYS = 365;
/** Calendar apps poll every few minutes to every day; a feed may be this stale, which keeps it cheap to serve. */
const CACHE_MS = 30_000;

const scopeOf = (owner: FeedOwner) => ("venueId" in owner ? "VENUE" : "teamId" in owner ? "TEAM" : "USER") as "VENUE" | "TEAM" | "USER";

export function feedUrls(token: string) {
  const https = `${env().APP_URL.replace(/\/$/, "")}/feeds/${token}.ics`;
  return { https, webcal: https.replace(/^https?:\/\//, "webcal://") };
}

/** The name of what the feed covers and whether it has a live feed; null when the venue/team/user does not exist. */
export async function getFeedPage(owner: FeedOwner) {
  const name =
    "venueId" in owner
      ? (await db.venue.findUnique({ where: { id: owner.venueId }, select: { name: true } }))?.name
      : "teamId" in owner
        ? (await db.team.findUnique({ where: { id: owner.teamId }, select: { name: true } }))?.name
        : (await db.user.findUnique({ where: { id: owner.userId }, select: { name: true } }))?.name;
  if (!name) return null;
  const feed = await db.calendarFeed.findFirst({ where: { ...owner, revokedAt: null }, select: { createdAt: true } });
  return { name, feed };
}

type CachedFeed = { body: Buffer; etag: string; expires: number };
declare global {
  // On globalThis so the app build and server.ts's fast path (two module copies in one process) share it.
  var __outreachFeedCache: Map<string, CachedFeed> | undefined;
}
const cache = (globalThis.__outreachFeedCache ??= new Map<string, CachedFeed>());

/** Make a new feed link for the owner, ending the previous one. The token is returned once and stored hashed. */
export async function createFeed(actor: Actor, owner: FeedOwner, meta: RequestMeta) {
  if (!(await getFeedPage(owner))) throw new NotFoundError("Not found");
  const token = generateToken();
  await db.$transaction(async (tx) => {
    await revokeIn(tx, actor, owner, meta);
    const feed = await tx.calendarFeed.create({
      data: { scope: scopeOf(owner), ...owner, tokenHash: hashToken(token) },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "feed.create", entityType: "CalendarFeed", entityId: feed.id, details: { v: 1, scope: scopeOf(owner) } },
    );
  });
  return feedUrls(token);
}

/** End the owner's feed link: calendars subscribed to it stop updating. */
export async function revokeFeed(actor: Actor, owner: FeedOwner, meta: RequestMeta) {
  if (!(await getFeedPage(owner))) throw new NotFoundError("Not found");
  await db.$transaction((tx) => revokeIn(tx, actor, owner, meta));
}

async function revokeIn(tx: Tx, actor: Actor, owner: FeedOwner, meta: RequestMeta) {
  const live = await tx.calendarFeed.findMany({ where: { ...owner, revokedAt: null }, select: { id: true, tokenHash: true } });
  for (const feed of live) {
    await tx.calendarFeed.update({ where: { id: feed.id }, data: { revokedAt: new Date() } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "feed.revoke", entityType: "CalendarFeed", entityId: feed.id, details: { v: 1, scope: scopeOf(owner) } },
    );
    cache.delete(feed.tokenHash);
  }
}

/** The .ics for a feed token, or null when the token is unknown or revoked. */
export async function renderFeed(token: string, now = new Date()): Promise<{ body: Buffer; etag: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const cached = cache.get(tokenHash);
  if (cached && cached.expires > now.getTime()) return cached;
  // Requests arriving while the feed is being built wait for that build instead of starting their own.
  const building = inFlight.get(tokenHash);
  if (building) return building;
  const build = buildFeed(tokenHash, now).finally(() => inFlight.delete(tokenHash));
  inFlight.set(tokenHash, build);
  return build;
}

const inFlight = new Map<string, Promise<CachedFeed | null>>();

async function buildFeed(tokenHash: string, now: Date): Promise<CachedFeed | null> {
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash },
    select: {
      revokedAt: true,
      venueId: true,
      teamId: true,
      userId: true,
      venue: { select: { name: true } },
      team: { select: { name: true } },
      user: { select: { name: true } },
    },
  });
  if (!feed || feed.revokedAt) return null;
  const scope = feed.venueId
    ? { venueId: feed.venueId }
    : feed.teamId
      ? { teamId: feed.teamId }
      : { OR: [{ createdById: feed.userId }, { team: { members: { some: { userId: feed.userId! } } } }] };
  const sessions = await db.session.findMany({
    where: {
      AND: [
        scope,
        { startsAt: { gte: new Date(now.getTime() - HISTORY_DAYS * DAY_MS) } },
        {
          OR: [
            { status: { in: ["PROVISIONAL", "INVITED", "CONFIRMED", "DELIVERED"] } },
            { updatedAt: { gte: new Date(now.getTime() - KEEP_CANCELLED_DAYS * DAY_MS) } },
          ],
        },
      ],
    },
    orderBy: { startsAt: "asc" },
    take: 5000,
    select: flatSessionSelect,
  });
  const name = feed.venue?.name ?? feed.team?.name ?? feed.user?.name ?? "Outreach";
  const body = Buffer.from(
    buildCalendar({
      method: "PUBLISH",
      name: `${name} – Outreach sessions`,
      sessions: (await withRelations(sessions)).map(toCalendarSession),
    }),
    "utf8",
  );
  const entry = {
    body,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`,
    expires: now.getTime() + CACHE_MS,
  };
  cache.set(tokenHash, entry);
  if (cache.size > 1000) cache.delete(cache.keys().next().value!);
  return entry;
}

// A feed's hundreds of sessions share a handful of programmes, venues and teams: they are read once each and joined
// here, rather than repeated for every session by nested selects (which made the query most of a cold build).
const { programme: programmeSelect, venue: venueSelect, team: teamSelect, ...sessionScalars } = sessionForVenueSelect;
const flatSessionSelect = { ...sessionScalars, programmeId: true, venueId: true, teamId: true } as const;

async function withRelations(
  sessions: Awaited<ReturnType<typeof db.session.findMany<{ select: typeof flatSessionSelect }>>>,
): Promise<SessionForVenue[]> {
  const ids = (key: "programmeId" | "venueId" | "teamId") => [...new Set(sessions.map((s) => s[key]))];
  const [programmes, venues, teams] = await Promise.all([
    db.programme.findMany({ where: { id: { in: ids("programmeId") } }, select: { id: true, ...programmeSelect.select } }),
    db.venue.findMany({ where: { id: { in: ids("venueId") } }, select: venueSelect.select }),
    db.team.findMany({ where: { id: { in: ids("teamId") } }, select: { id: true, ...teamSelect.select } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const [programme, venue, team] = [byId(programmes), byId(venues), byId(teams)];
  return sessions.map(({ programmeId, venueId, teamId, ...s }) => ({
    ...s,
    status: s.status as SessionForVenue["status"],
    programme: programme.get(programmeId)!,
    venue: venue.get(venueId)!,
    team: team.get(teamId)!,
  }));
}

/**
 * The HTTP answer for GET /feeds/<token>.ics: 200 with the calendar, 304 when the If-None-Match ETag still
 * matches, 404 for an unknown or revoked token. Used by the Remix route and by server.ts's fast path.
 */
export async function feedHttpResponse(
  token: string,
  ifNoneMatch: string | null | undefined,
  clientIp: string | null,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer | null }> {
  const wait = await tokenGuessingBlocked("feed", clientIp);
  if (wait !== null) {
    return {
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(wait), "Cache-Control": "no-store" },
      body: Buffer.from("Too many requests"),
    };
  }
  const feed = await renderFeed(token);
  if (!feed) {
    await recordTokenMiss("feed", clientIp);
    return {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      body: Buffer.from("Not found"),
    };
  }
  const headers = {
    "Content-Type": "text/calendar; charset=utf-8",
    ETag: feed.etag,
    "Cache-Control": "private, no-cache",
    "Referrer-Policy": "no-referrer",
  };
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === feed.etag)) return { status: 304, headers, body: null };
  return { status: 200, headers, body: feed.body };
}
