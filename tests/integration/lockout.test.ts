import { describe, expect, it } from "vitest";
import { IP_FAILURES, LOCK_AFTER, lockMinutes, signInWithPassword } from "~/models/sign-in.server";
import { enrolWithKnownSecret } from "~/models/two-factor.server";
import * as signIn from "~/routes/sign-in";
import * as twoFactor from "~/routes/sign-in_.two-factor";
import { db } from "~/utils/db.server";
import { ipRateLimitKey } from "~/utils/rate-limit.server";
import { makeUser, TEST_PASSWORD } from "../factories";
import { post, run } from "../setup/requests";
import { TEST_TOTP_SECRET, totpCode } from "../setup/totp";

const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;
const meta = { ip: "198.51.100.7", userAgent: "vitest" };

describe("lock-out after repeated failures", () => {
  it("locks an account after 5 wrong passwords, refuses even the right one while locked, and audits the lock", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"], email: "lock@example.test" });
    for (let i = 1; i < LOCK_AFTER; i++) {
      expect((await run(signIn.action, post("/sign-in", { email: "lock@example.test", password: `wrong-${i}` }))).status).toBe(401);
    }
    const fifth = await run(signIn.action, post("/sign-in", { email: "lock@example.test", password: "wrong-5" }));
    expect(fifth.status).toBe(429);
    expect(errorsOf(fifth.data).email[0]).toBe(
      "There have been too many failed attempts to sign in. Wait 5 minutes, then try again, or reset your password",
    );
    const right = await run(signIn.action, post("/sign-in", { email: "lock@example.test", password: TEST_PASSWORD }));
    expect(right.status).toBe(429);
    expect(right.headers.get("Set-Cookie")).toBeNull();
    const lock = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.lockout", entityId: user.id } });
    expect(lock.details).toMatchObject({ v: 1, failedSignIns: 5 });
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("doubles the lock with each further failure, up to an hour, and lets the user in once it has passed", async () => {
    expect([5, 6, 7, 8, 9, 10, 20].map(lockMinutes)).toEqual([5, 10, 20, 40, 60, 60, 60]);
    const user = await makeUser(db, { roles: ["MANAGER"], email: "later@example.test" });
    const t0 = new Date("2026-11-28T09:00:00Z");
    for (let i = 0; i < LOCK_AFTER; i++)
      await signInWithPassword({ email: "later@example.test", password: "nope-nope-nope", meta, now: t0 });
    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil?.toISOString()).toBe("2026-11-28T09:05:00.000Z");
    const after = new Date("2026-11-28T09:05:01Z");
    const sixth = await signInWithPassword({ email: "later@example.test", password: "still-wrong-1", meta, now: after });
    expect(sixth).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 600 });
    const later = new Date("2026-11-28T09:15:02Z");
    expect(await signInWithPassword({ email: "later@example.test", password: TEST_PASSWORD, meta, now: later })).toMatchObject({
      ok: true,
      next: null,
    });
    const cleared = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(cleared.failedSignIns).toBe(0);
    expect(cleared.lockedUntil).toBeNull();
  });

  it("gives an unknown email address the same lock-out, so it cannot be told from a real one", async () => {
    for (let i = 1; i < LOCK_AFTER; i++) {
      expect((await run(signIn.action, post("/sign-in", { email: "ghost@example.test", password: `guess-${i}` }))).status).toBe(401);
    }
    const fifth = await run(signIn.action, post("/sign-in", { email: "ghost@example.test", password: "guess-5" }));
    expect(fifth.status).toBe(429);
    expect(errorsOf(fifth.data).email[0]).toMatch(/^There have been too many failed attempts to sign in. Wait 5 minutes/);
  });

  it("counts wrong codes too, and a right password does not reset the count before the code is right", async () => {
    const user = await makeUser(db, { roles: ["FACILITATOR"], email: "codes@example.test" });
    await enrolWithKnownSecret(db, user.id, TEST_TOTP_SECRET);
    for (let i = 0; i < LOCK_AFTER - 1; i++) {
      const cookie = (await run(signIn.action, post("/sign-in", { email: "codes@example.test", password: TEST_PASSWORD }))).headers
        .get("Set-Cookie")!
        .split(";")[0];
      expect((await run(twoFactor.action, post("/sign-in/two-factor", { code: "not-a-code" }, cookie))).status).toBe(401);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(LOCK_AFTER - 1);
    const cookie = (await run(signIn.action, post("/sign-in", { email: "codes@example.test", password: TEST_PASSWORD }))).headers
      .get("Set-Cookie")!
      .split(";")[0];
    const fifth = await run(twoFactor.action, post("/sign-in/two-factor", { code: "not-a-code" }, cookie));
    expect(fifth.status).toBe(429);
    // Locked: even the right code is refused now.
    expect((await run(twoFactor.action, post("/sign-in/two-factor", { code: totpCode(TEST_TOTP_SECRET) }, cookie))).status).toBe(429);
  });

  it("limits failures per client address across accounts with a 429 and Retry-After", async () => {
    const t0 = new Date();
    const spray = { ip: "203.0.113.9", userAgent: "sprayer" };
    // Most of the spray as if it had already happened, then the last failure for real.
    await db.rateLimitBucket.create({
      data: { key: ipRateLimitKey("sign-in-failures", spray.ip), windowStart: t0, hits: IP_FAILURES.limit - 1 },
    });
    expect(await signInWithPassword({ email: "victim@example.test", password: "Winter2026!!", meta: spray, now: t0 })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const blocked = await signInWithPassword({ email: "someone@example.test", password: "Winter2026!!", meta: spray, now: t0 });
    expect(blocked).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: IP_FAILURES.windowSeconds });
    const request = new Request("http://localhost/sign-in", {
      method: "POST",
      body: new URLSearchParams({ email: "someone@example.test", password: "Winter2026!!" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", "x-client-ip": "203.0.113.9" },
    });
    const res = await run(signIn.action, request);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another address is not affected.
    expect(
      await signInWithPassword({ email: "someone@example.test", password: "Winter2026!!", meta: { ...spray, ip: "203.0.113.10" } }),
    ).toEqual({ ok: false, reason: "invalid" });
  });
});
