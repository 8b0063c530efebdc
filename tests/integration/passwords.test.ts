import { describe, expect, it } from "vitest";
import { isCommonPassword } from "~/models/password-policy.server";
import * as accountPassword from "~/routes/account.password";
import * as newUser from "~/routes/admin.users.new";
import * as forgot from "~/routes/forgot-password";
import * as reset from "~/routes/reset-password.$token";
import * as signIn from "~/routes/sign-in";
import { db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { hashToken } from "~/utils/tokens.server";
import { makeUser, TEST_PASSWORD } from "../factories";
import { cookieFor, get, post, run, signedInAs } from "../setup/requests";

const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;
const NEW_PASSWORD = "lantern-orchard-velvet";

async function requestReset(email: string) {
  const res = await run(forgot.action, post("/forgot-password", { email }));
  expect(res.status).toBe(200);
  expect(res.data).toEqual({ sent: true });
  const message = await db.outboxMessage.findFirst({ where: { to: email.toLowerCase() }, orderBy: { createdAt: "desc" } });
  const token = message?.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/)?.[1];
  return { message, token };
}

describe("password policy (NCSC)", () => {
  it("ships a list of several thousand common passwords and refuses them without composition rules", async () => {
    expect(isCommonPassword("password1234")).toBe(true);
    expect(isCommonPassword("QWERTYUIOP123")).toBe(true);
    expect(isCommonPassword(NEW_PASSWORD)).toBe(false);
    const { cookie } = await signedInAs(["ADMIN"]);
    const common = await run(
      newUser.action,
      post("/admin/users/new", { name: "Ann Lee", email: "ann@example.test", roles: "MANAGER", password: "1q2w3e4r5t6y" }, cookie),
    );
    expect(common.status).toBe(422);
    expect(errorsOf(common.data).password).toEqual([
      "Password is too common. Choose a password that is harder to guess, for example 3 random words",
    ]);
    expect(await db.user.count({ where: { email: "ann@example.test" } })).toBe(0);
    // Length is the rule: no digits, capitals or symbols needed.
    const plain = await run(
      newUser.action,
      post("/admin/users/new", { name: "Ann Lee", email: "ann@example.test", roles: "MANAGER", password: NEW_PASSWORD }, cookie),
    );
    expect(plain.status).toBe(302);
  });
});

describe("password reset by email", () => {
  it("emails a single-use link whose token is stored hashed; opening it changes nothing", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"], email: "reset@example.test", name: "Rita Reset" });
    const { message, token } = await requestReset("Reset@Example.test");
    expect(message?.subject).toBe("Reset your Outreach password");
    expect(message?.text).toContain("Dear Rita Reset");
    expect(token).toBeDefined();
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(token!));
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
    expect(await db.auditEvent.count({ where: { action: "auth.password_reset_requested", entityId: user.id } })).toBe(1);

    for (let i = 0; i < 2; i++) expect((await run(reset.loader, get(`/reset-password/${token}`), { token: token! })).status).toBe(200);
    expect((await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } })).usedAt).toBeNull();
    expect((reset.headers as () => Record<string, string>)()["Referrer-Policy"]).toBe("no-referrer");
  });

  it("says the same for an unknown address and sends nothing", async () => {
    const before = await db.outboxMessage.count();
    const res = await run(forgot.action, post("/forgot-password", { email: "nobody-here@example.test" }));
    expect(res.data).toEqual({ sent: true });
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("sets the new password, uses up the link, ends every session and lifts a lock-out", async () => {
    const user = await makeUser(db, { roles: ["MANAGER"], email: "newpw@example.test" });
    const cookie = await cookieFor(user, ["MANAGER"]);
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: 7, lockedUntil: new Date(Date.now() + 3_600_000) } });
    const { token } = await requestReset("newpw@example.test");
    const params = { token: token! };

    const mismatch = await run(
      reset.action,
      post(`/reset-password/${token}`, { newPassword: NEW_PASSWORD, confirmPassword: "something-else-entirely" }),
      params,
    );
    expect(mismatch.status).toBe(400);
    expect(errorsOf(mismatch.data).confirmPassword).toEqual(["The passwords do not match. Enter the same password twice"]);
    const common = await run(
      reset.action,
      post(`/reset-password/${token}`, { newPassword: "1qaz2wsx3edc", confirmPassword: "1qaz2wsx3edc" }),
      params,
    );
    expect(common.status).toBe(422);
    expect(errorsOf(common.data).newPassword?.[0]).toMatch(/^Password is too common/);

    const done = await run(
      reset.action,
      post(`/reset-password/${token}`, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      params,
    );
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/sign-in");
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(saved.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(saved.lockedUntil).toBeNull();
    expect(saved.failedSignIns).toBe(0);
    expect(await db.authSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await run(signIn.loader, get("/sign-in", cookie))).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "auth.password_reset_completed", entityId: user.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: "newpw@example.test", subject: "A change to how you sign in to Outreach" } })).toBe(
      1,
    );

    // Single use.
    const again = await run(
      reset.action,
      post(`/reset-password/${token}`, { newPassword: "another-fine-passphrase", confirmPassword: "another-fine-passphrase" }),
      params,
    );
    expect(again.status).toBe(422);
    expect((await run(reset.loader, get(`/reset-password/${token}`), params)).status).toBe(404);
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired link and an unknown one", async () => {
    const user = await makeUser(db, { roles: ["FACILITATOR"], email: "late@example.test" });
    const { token } = await requestReset("late@example.test");
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await run(reset.loader, get(`/reset-password/${token}`), { token: token! })).status).toBe(404);
    const res = await run(reset.action, post(`/reset-password/${token}`, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), {
      token: token!,
    });
    expect(res.status).toBe(422);
    expect(errorsOf(res.data)[""]).toEqual(["This link has expired or has already been used. Ask for a new link"]);
    expect((await run(reset.loader, get("/reset-password/not-a-token"), { token: "not-a-token" })).status).toBe(404);
  });

  it("sends at most 3 emails an hour to one address", async () => {
    await makeUser(db, { roles: ["MANAGER"], email: "flood@example.test" });
    for (let i = 0; i < 5; i++) await run(forgot.action, post("/forgot-password", { email: "flood@example.test" }));
    expect(await db.outboxMessage.count({ where: { to: "flood@example.test" } })).toBe(3);
  });
});

describe("changing your password", () => {
  it("needs the current password, refuses common ones, and signs out your other browsers only", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"], email: "change@example.test" });
    const here = await cookieFor(user, ["COORDINATOR"]);
    await cookieFor(user, ["COORDINATOR"]);
    const wrong = await run(
      accountPassword.action,
      post("/account/password", { currentPassword: "not-my-password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, here),
    );
    expect(wrong.status).toBe(422);
    expect(errorsOf(wrong.data).currentPassword).toEqual(["Your current password is not correct"]);
    const common = await run(
      accountPassword.action,
      post("/account/password", { currentPassword: TEST_PASSWORD, newPassword: "qwertyuiop123", confirmPassword: "qwertyuiop123" }, here),
    );
    expect(common.status).toBe(422);
    expect(errorsOf(common.data).newPassword?.[0]).toMatch(/^Password is too common/);
    const short = await run(
      accountPassword.action,
      post("/account/password", { currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" }, here),
    );
    expect(short.status).toBe(400);
    expect(errorsOf(short.data).newPassword).toEqual(["Password must be 12 characters or more"]);

    const ok = await run(
      accountPassword.action,
      post("/account/password", { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, here),
    );
    expect(ok.status).toBe(302);
    const live = await db.authSession.findMany({ where: { userId: user.id, revokedAt: null } });
    expect(live).toHaveLength(1);
    expect((await run(accountPassword.loader, get("/account/password", here))).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "auth.password_changed", entityId: user.id } })).toBe(1);
    const notice = await db.outboxMessage.findFirstOrThrow({ where: { to: "change@example.test" } });
    expect(notice.subject).toBe("A change to how you sign in to Outreach");
    expect(notice.text).toContain("The password for your Outreach account was changed.");
  });
});
