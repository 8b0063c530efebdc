import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { checkRateLimit, enforceRateLimit, hitRateLimit, pruneRateLimits, resetRateLimit } from "~/utils/rate-limit.server";

const LIMIT = { limit: 3, windowSeconds: 60 };

describe("rate limits in the database", () => {
  it("allows `limit` hits in a window, then refuses with the seconds left in the window", async () => {
    const t0 = new Date("2026-11-28T10:00:00Z");
    for (let i = 0; i < 3; i++) expect(await hitRateLimit("t:a", LIMIT, t0)).toEqual({ ok: true });
    expect(await hitRateLimit("t:a", LIMIT, new Date(t0.getTime() + 20_000))).toEqual({ ok: false, retryAfterSeconds: 40 });
    // Another key is counted on its own.
    expect(await hitRateLimit("t:b", LIMIT, t0)).toEqual({ ok: true });
    // A new window starts once the old one has passed.
    expect(await hitRateLimit("t:a", LIMIT, new Date(t0.getTime() + 60_000))).toEqual({ ok: true });
    expect((await db.rateLimitBucket.findUniqueOrThrow({ where: { key: "t:a" } })).hits).toBe(1);
  });

  it("counts concurrent hits exactly, as two app instances would make them", async () => {
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 12 }, () => hitRateLimit("t:race", { limit: 5, windowSeconds: 60 }, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect((await db.rateLimitBucket.findUniqueOrThrow({ where: { key: "t:race" } })).hits).toBe(12);
  });

  it("checks without counting, resets, and prunes old buckets", async () => {
    const now = new Date();
    expect(await checkRateLimit("t:c", LIMIT, now)).toEqual({ ok: true });
    for (let i = 0; i < 3; i++) await hitRateLimit("t:c", LIMIT, now);
    expect(await checkRateLimit("t:c", LIMIT, now)).toMatchObject({ ok: false });
    expect((await db.rateLimitBucket.findUniqueOrThrow({ where: { key: "t:c" } })).hits).toBe(3);
    await resetRateLimit("t:c");
    expect(await checkRateLimit("t:c", LIMIT, now)).toEqual({ ok: true });
    await hitRateLimit("t:old", LIMIT, new Date(now.getTime() - 2 * 86_400_000));
    expect(await pruneRateLimits(86_400, now)).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimitBucket.findUnique({ where: { key: "t:old" } })).toBeNull();
  });

  it("enforceRateLimit throws a 429 with Retry-After, per client address", async () => {
    const request = (ip: string) => new Request("http://localhost/x", { method: "POST", headers: { "x-client-ip": ip } });
    for (let i = 0; i < 2; i++) await enforceRateLimit(request("192.0.2.1"), "test-form", { limit: 2, windowSeconds: 600 });
    const thrown = await enforceRateLimit(request("192.0.2.1"), "test-form", { limit: 2, windowSeconds: 600 }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(590);
    expect(await response.text()).toBe("There have been too many attempts. Wait 10 minutes, then try again.");
    await expect(enforceRateLimit(request("192.0.2.2"), "test-form", { limit: 2, windowSeconds: 600 })).resolves.toBeUndefined();
  });
});
