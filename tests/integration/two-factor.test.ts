import { describe, expect, it } from "vitest";
import { beginTotpEnrolment, confirmTotpEnrolment, enrolWithKnownSecret } from "~/models/two-factor.server";
import * as home from "~/routes/_index";
import * as accountTwoFactor from "~/routes/account.two-factor";
import * as signIn from "~/routes/sign-in";
import * as setUp from "~/routes/sign-in_.set-up-two-factor";
import * as twoFactor from "~/routes/sign-in_.two-factor";
import { getSessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { makeUser, TEST_PASSWORD } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";
import { TEST_TOTP_SECRET, totpCode, totpCodeForStep, totpStep } from "../setup/totp";

const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;
const meta = { ip: "127.0.0.1", userAgent: "vitest" };

/** A 6-digit code that is certainly not accepted now for the secret. */
function wrongCode(secret: string): string {
  const near = [-1, 0, 1].map((d) => totpCodeForStep(secret, totpStep() + d));
  return ["000000", "111111", "222222", "333333"].find((c) => !near.includes(c))!;
}

async function passwordStep(email: string, redirectTo = "/") {
  const res = await run(signIn.action, post("/sign-in", { email, password: TEST_PASSWORD, redirectTo }));
  expect(res.status).toBe(302);
  return { location: res.headers.get("Location"), cookie: res.headers.get("Set-Cookie")!.split(";")[0] };
}

describe("setting up two-factor from the account page", () => {
  it("shows a new key without saving anything, and turns two-factor on only after a right code", async () => {
    const { user, cookie } = await signedInAs(["COORDINATOR"]);
    const page = await run(accountTwoFactor.loader, get("/account/two-factor", cookie));
    const { enrolment } = page.data as { enrolment: { secret: string; qrCodeDataUri: string; enrolment: string } };
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.qrCodeDataUri).toMatch(/^data:image\/png;base64,/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toBeNull();

    const wrong = await run(
      accountTwoFactor.action,
      post("/account/two-factor", { intent: "enrol", enrolment: enrolment.enrolment, code: wrongCode(enrolment.secret) }, cookie),
    );
    expect(wrong.status).toBe(422);
    expect(errorsOf(wrong.data).code[0]).toMatch(/^The code is not correct/);
    // The page shows the same key again, so the app the user already set up still works.
    expect((wrong.data as { enrolment: { secret: string } }).enrolment.secret).toBe(enrolment.secret);

    const right = await run(
      accountTwoFactor.action,
      post("/account/two-factor", { intent: "enrol", enrolment: enrolment.enrolment, code: totpCode(enrolment.secret) }, cookie),
    );
    expect(right.status).toBe(200);
    const { recoveryCodes } = right.data as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.totpEnabledAt).not.toBeNull();
    // Encrypted at rest: the stored value is not the key.
    expect(saved.totpSecret).toMatch(/^v1\./);
    expect(saved.totpSecret).not.toContain(enrolment.secret);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((c) => c.codeHash).sort()).toEqual(recoveryCodes.map((c) => hashToken(c.replace(/-/g, ""))).sort());
    expect(await db.auditEvent.count({ where: { action: "auth.totp_enrolled", entityId: user.id } })).toBe(1);
  });

  it("refuses a set-up form sealed for another user", async () => {
    const { user, cookie } = await signedInAs(["MANAGER"]);
    const other = await makeUser(db, { roles: ["MANAGER"] });
    const foreign = await beginTotpEnrolment(other);
    const res = await run(
      accountTwoFactor.action,
      post("/account/two-factor", { intent: "enrol", enrolment: foreign.enrolment, code: totpCode(foreign.secret) }, cookie),
    );
    expect(res.status).toBe(422);
    expect(await db.user.count({ where: { id: { in: [user.id, other.id] }, totpEnabledAt: { not: null } } })).toBe(0);
  });

  it("replaces the recovery codes after a current code", async () => {
    const { user, cookie } = await signedInAs(["FACILITATOR"]);
    await enrolWithKnownSecret(db, user.id, TEST_TOTP_SECRET);
    const res = await run(
      accountTwoFactor.action,
      post("/account/two-factor", { intent: "recovery-codes", code: totpCode(TEST_TOTP_SECRET) }, cookie),
    );
    expect(res.status).toBe(200);
    expect((res.data as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    expect(await db.auditEvent.count({ where: { action: "auth.recovery_codes_replaced", entityId: user.id } })).toBe(1);
  });
});

describe("turning two-factor off", () => {
  it("lets a role that may go without it turn it off with a current code, and tells them by email", async () => {
    const { user, cookie } = await signedInAs(["FACILITATOR"]);
    await enrolWithKnownSecret(db, user.id, TEST_TOTP_SECRET);
    const wrong = await run(
      accountTwoFactor.action,
      post("/account/two-factor", { intent: "turn-off", code: wrongCode(TEST_TOTP_SECRET) }, cookie),
    );
    expect(wrong.status).toBe(422);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    const ok = await run(
      accountTwoFactor.action,
      post("/account/two-factor", { intent: "turn-off", code: totpCode(TEST_TOTP_SECRET) }, cookie),
    );
    expect(ok.status).toBe(302);
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.totpSecret).toBeNull();
    expect(saved.totpEnabledAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.totp_turned_off", entityId: user.id } })).toBe(1);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: user.email } })).text).toContain(
      "Two-factor authentication was turned off",
    );
  });

  it("refuses to turn it off for a lead", async () => {
    const { user, cookie } = await signedInAs(["LEAD"]);
    await enrolWithKnownSecret(db, user.id, TEST_TOTP_SECRET);
    const res = await run(
      accountTwoFactor.action,
      post("/account/two-factor", { intent: "turn-off", code: totpCode(TEST_TOTP_SECRET) }, cookie),
    );
    expect(res.status).toBe(422);
    expect(errorsOf(res.data).code).toEqual(["Your role must use two-factor authentication, so it cannot be turned off"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
  });
});

describe("signing in with two-factor", () => {
  it("is not signed in after the password alone; a right code completes it; the same code is refused twice", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"], email: "tf@example.test" });
    await enrolWithKnownSecret(db, user.id, TEST_TOTP_SECRET);
    const first = await passwordStep("tf@example.test", "/admin");
    expect(first.location).toBe("/sign-in/two-factor?redirectTo=%2Fadmin");
    // Half signed in: no page but the code step.
    expect(await getSessionUser(get("/", first.cookie))).toBeNull();
    const blocked = await run(home.loader, get("/", first.cookie));
    expect(blocked.headers.get("Location")).toBe("/sign-in/two-factor");
    expect((await run(twoFactor.loader, get("/sign-in/two-factor"))).headers.get("Location")).toBe("/sign-in");

    const wrong = await run(twoFactor.action, post("/sign-in/two-factor", { code: wrongCode(TEST_TOTP_SECRET) }, first.cookie));
    expect(wrong.status).toBe(401);
    expect(errorsOf(wrong.data).code[0]).toMatch(/^The code is not correct/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(1);

    const code = totpCode(TEST_TOTP_SECRET);
    const ok = await run(twoFactor.action, post("/sign-in/two-factor", { code, redirectTo: "/admin" }, first.cookie));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/admin");
    expect((await run(home.loader, get("/", first.cookie))).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
    const signedIn = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in", actorId: user.id } });
    expect(signedIn.details).toEqual({ v: 1, secondFactor: "totp" });

    // Someone who saw the code cannot use it again, even with the password.
    const second = await passwordStep("tf@example.test");
    const replay = await run(twoFactor.action, post("/sign-in/two-factor", { code }, second.cookie));
    expect(replay.status).toBe(401);
    expect(errorsOf(replay.data).code[0]).toMatch(/already been used/);
    expect(await getSessionUser(get("/", second.cookie))).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: "auth.sign_in_failed", actorId: user.id, details: { equals: { v: 1, reason: "replayed_code" } } },
      }),
    ).toBe(1);
  });

  it("accepts a code once even when two browsers send it at the same moment", async () => {
    const user = await makeUser(db, { roles: ["MANAGER"], email: "race@example.test" });
    await enrolWithKnownSecret(db, user.id, TEST_TOTP_SECRET);
    const browsers = await Promise.all([passwordStep("race@example.test"), passwordStep("race@example.test")]);
    const code = totpCode(TEST_TOTP_SECRET);
    const results = await Promise.all(browsers.map((b) => run(twoFactor.action, post("/sign-in/two-factor", { code }, b.cookie))));
    expect(results.map((r) => r.status).sort()).toEqual([302, 401]);
    expect(await db.authSession.count({ where: { userId: user.id, pendingStep: null } })).toBe(1);
  });

  it("accepts each recovery code once", async () => {
    const user = await makeUser(db, { roles: ["MANAGER"], email: "rc@example.test" });
    const enrolment = await beginTotpEnrolment(user);
    const { recoveryCodes } = await confirmTotpEnrolment({
      user: { ...user, roles: ["MANAGER"] },
      enrolment: enrolment.enrolment,
      code: totpCode(enrolment.secret),
      meta,
    });
    const typed = recoveryCodes[3].toUpperCase().replace(/-/g, " ");
    const first = await passwordStep("rc@example.test");
    expect((await run(twoFactor.action, post("/sign-in/two-factor", { code: typed }, first.cookie))).status).toBe(302);
    const used = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.recovery_code_used", entityId: user.id } });
    expect(used.details).toEqual({ v: 1, remaining: 9 });
    const second = await passwordStep("rc@example.test");
    expect((await run(twoFactor.action, post("/sign-in/two-factor", { code: recoveryCodes[3] }, second.cookie))).status).toBe(401);
  });
});

describe("two-factor is mandatory for leads and admins", () => {
  it("sends a lead without it to set it up straight after the password, and signs them in once done", async () => {
    const lead = await makeUser(db, { roles: ["LEAD"], email: "new-lead@example.test" });
    const { location, cookie } = await passwordStep("new-lead@example.test", "/admin/audit");
    expect(location).toBe("/sign-in/set-up-two-factor?redirectTo=%2Fadmin%2Faudit");
    const elsewhere = await run(home.loader, get("/admin/audit", cookie));
    expect(elsewhere.headers.get("Location")).toBe("/sign-in/set-up-two-factor?redirectTo=%2Fadmin%2Faudit");
    expect((await run(twoFactor.loader, get("/sign-in/two-factor", cookie))).headers.get("Location")).toBe("/sign-in");

    const page = await run(setUp.loader, get("/sign-in/set-up-two-factor", cookie));
    const { enrolment } = page.data as { enrolment: { secret: string; enrolment: string } };
    const done = await run(
      setUp.action,
      post(
        "/sign-in/set-up-two-factor?redirectTo=%2Fadmin%2Faudit",
        { enrolment: enrolment.enrolment, code: totpCode(enrolment.secret), redirectTo: "/admin/audit" },
        cookie,
      ),
    );
    expect(done.status).toBe(200);
    expect(done.data).toMatchObject({ continueTo: "/admin/audit" });
    expect((done.data as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    expect((await getSessionUser(get("/", cookie)))?.id).toBe(lead.id);
    // The page re-rendered after the POST still works (the session is now complete).
    expect((await run(setUp.loader, get("/sign-in/set-up-two-factor", cookie))).data).toEqual({ enrolment: null });
    const events = await db.auditEvent.findMany({
      where: { actorId: lead.id },
      orderBy: { at: "asc" },
      select: { action: true, details: true },
    });
    expect(events).toEqual([
      { action: "auth.totp_enrolled", details: { v: 1 } },
      { action: "auth.sign_in", details: { v: 1, secondFactor: "enrolled" } },
    ]);
  });

  it("refuses the set-up step to anyone who has not just given a password", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    expect(
      (await run(setUp.action, post("/sign-in/set-up-two-factor", { enrolment: "x", code: "123456" }, cookie))).headers.get("Location"),
    ).toBe("/sign-in");
    expect((await run(setUp.loader, get("/sign-in/set-up-two-factor"))).headers.get("Location")).toBe("/sign-in");
  });
});
