import { db, rawDate } from "./db.server";
import { requestMeta } from "./audit.server";
import { waitText } from "./sign-in-messages";

// Fixed-window counters in the database (RateLimitBucket), so every app instance shares them.
export type RateLimit = { limit: number; windowSeconds: number };
export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const retryAfter = (windowStart: Date, windowSeconds: number, now: Date) =>
  Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));

/** Count one hit against `key`; refused once the window holds more than `limit` hits. */
export async function hitRateLimit(key: string, { limit, windowSeconds }: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const cutoff = new Date(now.getTime() - windowSeconds * 1000);
  // One statement, so instances counting the same key at once never lose a hit or race to create it: a new key starts
  // a window, an expired window starts again, any other hit is added (SET reads the row as it was before the update).
  const [bucket] = await db.$queryRaw<{ windowStart: unknown; hits: number | bigint }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "hits") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimitBucket"."windowStart" <= ${cutoff} THEN 1 ELSE "RateLimitBucket"."hits" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${cutoff} THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "windowStart", "hits"`;
  return Number(bucket.hits) <= limit
    ? { ok: true }
    : { ok: false, retryAfterSeconds: retryAfter(rawDate(bucket.windowStart), windowSeconds, now) };
}

/** Whether `key` is already over its limit, without counting a hit (for limits that count only failures). */
export async function checkRateLimit(key: string, { limit, windowSeconds }: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key }, select: { windowStart: true, hits: true } });
  if (!bucket || bucket.windowStart.getTime() <= now.getTime() - windowSeconds * 1000 || bucket.hits < limit) return { ok: true };
  return { ok: false, retryAfterSeconds: retryAfter(bucket.windowStart, windowSeconds, now) };
}

export async function resetRateLimit(key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Remove buckets whose window ended long ago (for a periodic job). */
export async function pruneRateLimits(olderThanSeconds = 24 * 60 * 60, now = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } },
  });
  return count;
}

/** The bucket key for a named limit and a client address. */
export const ipRateLimitKey = (name: string, ip: string | null) => `${name}:ip:${ip || "unknown"}`;

export const rateLimitKey = (request: Request, name: string) => ipRateLimitKey(name, requestMeta(request).ip);

/** The 429 response: a Retry-After header and a short plain explanation the error page shows. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return new Response(`There have been too many attempts. Wait ${waitText(retryAfterSeconds)}, then try again.`, {
    status: 429,
    statusText: "Too Many Requests",
    headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Count this request against the client's address for `name`; throws a 429 Response when over the limit. */
export async function enforceRateLimit(request: Request, name: string, opts: RateLimit): Promise<void> {
  const result = await hitRateLimit(rateLimitKey(request, name), opts);
  if (!result.ok) throw tooManyRequests(result.retryAfterSeconds);
}

// Secret links (invitation responses, calendar feeds): an address that keeps presenting unknown tokens is guessing.
// Only misses count, so a calendar app polling a real feed is never slowed; a blocked address is refused even for
// a right token, so guessing learns nothing while blocked.
export const TOKEN_MISS_LIMIT: RateLimit = { limit: 20, windowSeconds: 15 * 60 };

/** Whether `ip` may present a token to the `name` endpoint; when not, the seconds until it may again. */
export async function tokenGuessingBlocked(name: string, ip: string | null): Promise<number | null> {
  const result = await checkRateLimit(ipRateLimitKey(`${name}-miss`, ip), TOKEN_MISS_LIMIT);
  return result.ok ? null : result.retryAfterSeconds;
}

export async function recordTokenMiss(name: string, ip: string | null): Promise<void> {
  await hitRateLimit(ipRateLimitKey(`${name}-miss`, ip), TOKEN_MISS_LIMIT);
}

/** For Remix routes: throw a 429 when the client is blocked from presenting tokens to `name`. */
export async function assertNotGuessingTokens(request: Request, name: string): Promise<void> {
  const wait = await tokenGuessingBlocked(name, requestMeta(request).ip);
  if (wait !== null) throw tooManyRequests(wait);
}
