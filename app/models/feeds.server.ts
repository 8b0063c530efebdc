// Subscribable calendar feeds (.ics) for a venue, a team or a user, behind a secret link stored hashed.
import { createHash } from "node:crypto";
import { Prisma } from "~/db/generated/sqlite/client";
import { TEAM_MEMBERS_SHOWN, toFeedEvent, type SessionForCalendar } from "~/models/sessions/venue-details.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, rawDate, readRows, usingPostgres, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordTokenMiss, tokenGuessingBlocked } from "~/utils/rate-limit.server";
import { NotFoundError } from "~/utils/errors";
import { publishedCalendar, type PublishedEvent } from "~/utils/ics.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

export type FeedOwner = { venueId: string } | { teamId: string } | { userId: string };

const DAY_MS = 24 * 60 * 60_000;
/** Cancelled sessions stay (as STATUS:CANCELLED) this long, so subscribed calendars remove them. */
const KEEP_CANCELLED_DAYS = 30;
const HISTORY_DAYS = 365;
const FEED_SESSIONS_LIMIT = 5000;
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

/** The live feed with this token hash: its owner and the name of what it covers, in one statement. */
async function liveFeed(tokenHash: string) {
  const [feed] = await readRows<{ venueId: string | null; teamId: string | null; userId: string | null; name: string | null }>(Prisma.sql`
    SELECT f."venueId", f."teamId", f."userId", COALESCE(v."name", t."name", u."name") AS "name"
    FROM "CalendarFeed" f LEFT JOIN "Venue" v ON v."id" = f."venueId" LEFT JOIN "Team" t ON t."id" = f."teamId"
      LEFT JOIN "User" u ON u."id" = f."userId"
    WHERE f."tokenHash" = ${tokenHash} AND f."revokedAt" IS NULL`);
  return feed ?? null;
}

async function buildFeed(tokenHash: string, now: Date): Promise<CachedFeed | null> {
  const feed = await liveFeed(tokenHash);
  if (!feed) return null;
  const scope = feed.venueId
    ? Prisma.sql`s."venueId" = ${feed.venueId}`
    : feed.teamId
      ? Prisma.sql`s."teamId" = ${feed.teamId}`
      : Prisma.sql`(s."createdById" = ${feed.userId} OR s."teamId" IN (SELECT m."teamId" FROM "TeamMember" m WHERE m."userId" = ${feed.userId}))`;
  const entry = { ...feedBody(feed.name, await feedSessions(scope, now)), expires: now.getTime() + CACHE_MS };
  cache.set(tokenHash, entry);
  if (cache.size > 1000) cache.delete(cache.keys().next().value!);
  return entry;
}

/** The calendar's bytes and their ETag. */
function feedBody(name: string | null, sessions: Iterable<PublishedEvent>) {
  const body = publishedCalendar({ name: `${name ?? "Outreach"} – Outreach sessions`, sessions });
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"` };
}

type FeedSessionRow = {
  icalUid: string;
  icalSequence: number | bigint;
  startsAt: unknown;
  endsAt: unknown;
  status: SessionForCalendar["status"];
  updatedAt: unknown;
  expectedPupils: number | bigint | null;
  yearGroups: string | null;
  venueNotes: string | null;
  programmeId: string;
  venueId: string;
  teamId: string;
  programmeName: string;
  capacity: number | bigint | null;
  getInMinutes: number | bigint;
  getOutMinutes: number | bigint;
  venueName: string;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
};

/**
 * The feed's sessions as calendar entries, read in one statement with their programme and venue, their teams in
 * another, from the driver (readRows): a cold build is mostly this read, and Prisma's nested selects and result
 * mapping made it several times slower (docs/performance.md, "Feeds from cold"). The teams are read first, so that once the sessions arrive the
 * build runs to its end without waiting: a garbage collection run while it waited found hundreds of rows alive and
 * took several milliseconds to copy them. Ordered by start, then UID, so that the bytes (and so the ETag) are the same
 * at every build.
 */
async function feedSessions(scope: Prisma.Sql, now: Date, limit = FEED_SESSIONS_LIMIT) {
  const inFeed = Prisma.sql`${scope}
      AND s."startsAt" >= ${new Date(now.getTime() - HISTORY_DAYS * DAY_MS)}
      AND (s."status" IN ('PROVISIONAL', 'INVITED', 'CONFIRMED', 'DELIVERED') OR s."updatedAt" >= ${new Date(now.getTime() - KEEP_CANCELLED_DAYS * DAY_MS)})`;
  const teams = await teamsWithMembers(Prisma.sql`SELECT s."teamId" FROM "Session" s WHERE ${inFeed}`);
  const rows = await readRows<FeedSessionRow>(Prisma.sql`
    SELECT s."icalUid", s."icalSequence", s."startsAt", s."endsAt", s."status", s."updatedAt", s."expectedPupils",
           s."yearGroups", s."venueNotes", s."programmeId", s."venueId", s."teamId",
           p."name" AS "programmeName", p."capacity", p."getInMinutes", p."getOutMinutes",
           v."name" AS "venueName", v."addressLine1", v."addressLine2", v."town", v."postcode"
    FROM "Session" s JOIN "Programme" p ON p."id" = s."programmeId" JOIN "Venue" v ON v."id" = s."venueId"
    WHERE ${inFeed}
    ORDER BY s."startsAt", s."icalUid"
    LIMIT ${limit}`);
  return calendarSessions(rows, teams);
}

/**
 * The rows as feed events, made one at a time as the writer takes them: each is garbage as soon as it is written.
 * (Made all at once, the events were alive together, so a garbage collection in the middle of a build kept them,
 * and V8, seeing them survive, began making such objects in the old generation: slower collections after.) The sessions
 * of one programme, venue or team share one object, and so its text.
 */
function* calendarSessions(rows: FeedSessionRow[], teams: Map<string, SessionForCalendar["team"]>): Generator<PublishedEvent> {
  const programmes = new Map<string, SessionForCalendar["programme"]>();
  const venues = new Map<string, SessionForCalendar["venue"]>();
  for (const r of rows) {
    let programme = programmes.get(r.programmeId);
    if (!programme) {
      programme = {
        name: r.programmeName,
        capacity: r.capacity === null ? null : Number(r.capacity),
        getInMinutes: Number(r.getInMinutes),
        getOutMinutes: Number(r.getOutMinutes),
      };
      programmes.set(r.programmeId, programme);
    }
    let venue = venues.get(r.venueId);
    if (!venue) {
      venue = {
        id: r.venueId,
        name: r.venueName,
        addressLine1: r.addressLine1,
        addressLine2: r.addressLine2,
        town: r.town,
        postcode: r.postcode,
      };
      venues.set(r.venueId, venue);
    }
    yield toFeedEvent({
      icalUid: r.icalUid,
      icalSequence: Number(r.icalSequence),
      startsAt: rawDate(r.startsAt),
      endsAt: rawDate(r.endsAt),
      status: r.status,
      updatedAt: rawDate(r.updatedAt),
      expectedPupils: r.expectedPupils === null ? null : Number(r.expectedPupils),
      yearGroups: r.yearGroups,
      venueNotes: r.venueNotes,
      programme,
      venue,
      team: teams.get(r.teamId)!,
    });
  }
}

const WARM_UP_SESSIONS = 500;
const WARM_UP_ROUNDS = 20;
const WARM_UP_READS = 10;

/**
 * Builds a made-up 500-session calendar a few times through the same code as a feed, then reads up to 500 real
 * sessions a few times through the feed's statements: a fresh process's first feeds took two to three times as long
 * while V8 compiled the code and grew its heap (docs/performance.md, "Feeds from cold"). server.ts runs it before it
 * listens, so no calendar waits for that. The made-up rows are shaped as the database returns them.
 */
export async function warmFeedBuilder(now = new Date()) {
  const at = (hours: number) => {
    const instant = new Date(now.getTime() + hours * 3_600_000);
    return usingPostgres() ? instant : instant.toISOString();
  };
  const rows = Array.from({ length: WARM_UP_SESSIONS }, (_, i): FeedSessionRow => ({
    icalUid: `warm-up-${i}@outreach.invalid`,
    icalSequence: i % 3,
    startsAt: at(i * 11),
    endsAt: at(i * 11 + 1.5),
    status: i % 10 === 0 ? "CANCELLED" : "CONFIRMED",
    updatedAt: at(-i),
    expectedPupils: i % 4 ? 120 : null,
    yearGroups: i % 2 ? "10" : null,
    venueNotes: i % 5 ? null : "Main hall; park at the back",
    programmeId: `programme-${i % 2}`,
    venueId: `venue-${i % 3}`,
    teamId: "team",
    programmeName: "Warm-up play",
    capacity: i % 2 ? 240 : null,
    getInMinutes: 60,
    getOutMinutes: 45,
    venueName: `Warm-up School ${i % 3}`,
    addressLine1: "1 High Street",
    addressLine2: null,
    town: "Town",
    postcode: "AB1 2CD",
  }));
  const teams = new Map([["team", { name: "Warm-up team", members: [{ user: { name: "A. Facilitator" } }] }]]);
  for (let round = 0; round < WARM_UP_ROUNDS; round++) feedBody("Warm-up", calendarSessions(rows, teams));
  // Then the feed's statements with real rows through the database driver: any sessions, nothing kept.
  for (let round = 0; round < WARM_UP_READS; round++) {
    await liveFeed(hashToken(`warm-up-${round}`));
    feedBody("Warm-up", await feedSessions(Prisma.sql`1 = 1`, now, WARM_UP_SESSIONS));
  }
}

/** The teams whose ids a subquery selects, with their first members by name, as sessionForVenueSelect names them. */
async function teamsWithMembers(ids: Prisma.Sql): Promise<Map<string, SessionForCalendar["team"]>> {
  const teams = new Map<string, SessionForCalendar["team"]>();
  const rows = await readRows<{ id: string; name: string; member: string | null }>(Prisma.sql`
    SELECT t."id", t."name", u."name" AS "member"
    FROM "Team" t LEFT JOIN "TeamMember" m ON m."teamId" = t."id" LEFT JOIN "User" u ON u."id" = m."userId"
    WHERE t."id" IN (${ids})
    ORDER BY t."id", u."name"`);
  for (const row of rows) {
    let team = teams.get(row.id);
    if (!team) teams.set(row.id, (team = { name: row.name, members: [] }));
    if (row.member !== null && team.members.length < TEAM_MEMBERS_SHOWN) team.members.push({ user: { name: row.member } });
  }
  return teams;
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
