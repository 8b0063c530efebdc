import { describe, expect, it } from "vitest";
import * as home from "~/routes/_index";
import * as signIn from "~/routes/sign-in";
import * as signOut from "~/routes/sign-out";
import { db } from "~/utils/db.server";
import { getSessionUser } from "~/utils/auth.server";
import { enrolWithKnownSecret } from "~/models/two-factor.server";
import * as twoFactor from "~/routes/sign-in_.two-factor";
import { makeUser, TEST_PASSWORD } from "../factories";
import { TEST_TOTP_SECRET, totpCode } from "../setup/totp";
import { get, post, run } from "../setup/requests";

const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;
const valuesOf = (data: unknown) => (data as { values: Record<string, string> }).values;

describe("sign in", () => {
  it("signs in with the right password, sets an HttpOnly SameSite=Lax cookie and audits it", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"], email: "Right@Example.test" });
    const res = await run(signIn.action, post("/sign-in", { email: "right@example.test", password: TEST_PASSWORD, redirectTo: "/admin" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/admin");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const signedIn = await getSessionUser(get("/", cookie.split(";")[0]));
    expect(signedIn?.id).toBe(user.id);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in", actorId: user.id } })).toBe(1);
    // The cookie holds a token whose hash, not the token, is stored.
    const token = decodeURIComponent(cookie.split(";")[0].split("=")[1]);
    const sessions = await db.authSession.findMany({ where: { userId: user.id } });
    expect(sessions.some((s) => token.includes(s.tokenHash))).toBe(false);
  });

  it("never redirects off-site after sign-in", async () => {
    await makeUser(db, { roles: ["MANAGER"], email: "offsite@example.test" });
    const res = await run(
      signIn.action,
      post("/sign-in", { email: "offsite@example.test", password: TEST_PASSWORD, redirectTo: "//evil.example" }),
    );
    expect(res.headers.get("Location")).toBe("/");
  });

  it("refuses a wrong password, keeps the email, never echoes the password, and audits the failure", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"], email: "wrong@example.test" });
    const res = await run(signIn.action, post("/sign-in", { email: "wrong@example.test", password: "not the password" }));
    expect(res.status).toBe(401);
    expect(errorsOf(res.data).email).toEqual(["Enter a correct email address and password"]);
    expect(valuesOf(res.data).email).toBe("wrong@example.test");
    expect(valuesOf(res.data).password).toBeUndefined();
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const failed = await db.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", actorId: user.id } });
    expect(failed?.details).toEqual({ v: 1, reason: "wrong_password" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(1);
  });

  it("gives an unknown email the same answer as a wrong password", async () => {
    const res = await run(signIn.action, post("/sign-in", { email: "nobody@example.test", password: "whatever-password" }));
    expect(res.status).toBe(401);
    expect(errorsOf(res.data).email).toEqual(["Enter a correct email address and password"]);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", actorEmail: "nobody@example.test" } })).toBe(1);
  });

  it("asks for both fields when they are empty", async () => {
    const res = await run(signIn.action, post("/sign-in", { email: "", password: "" }));
    expect(res.status).toBe(400);
    expect(errorsOf(res.data)).toEqual({ email: ["Enter your email address"], password: ["Enter your password"] });
  });

  it("explains a malformed email and keeps what was typed", async () => {
    const res = await run(signIn.action, post("/sign-in", { email: "not-an-email", password: "x" }));
    expect(res.status).toBe(400);
    expect(errorsOf(res.data).email).toEqual(["Enter an email address in the correct format, like name@example.com"]);
    expect(valuesOf(res.data).email).toBe("not-an-email");
  });

  it("refuses a deactivated user with the right password", async () => {
    await makeUser(db, { roles: ["ADMIN"], email: "gone@example.test", active: false });
    const res = await run(signIn.action, post("/sign-in", { email: "gone@example.test", password: TEST_PASSWORD }));
    expect(res.status).toBe(401);
  });
});

describe("signed-in sessions", () => {
  async function signIn_(email: string) {
    await makeUser(db, { roles: ["FACILITATOR"], email });
    const res = await run(signIn.action, post("/sign-in", { email, password: TEST_PASSWORD }));
    return res.headers.get("Set-Cookie")!.split(";")[0];
  }

  it("redirects an anonymous visitor to sign in, remembering where they were going", async () => {
    const res = await run(home.loader, get("/admin/users?page=2"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/sign-in?redirectTo=%2Fadmin%2Fusers%3Fpage%3D2");
  });

  it("signs out with a POST: the session is revoked in the database, audited, and the cookie cleared", async () => {
    const cookie = await signIn_("out@example.test");
    expect((await run(home.loader, get("/", cookie))).status).toBe(200);
    const res = await run(signOut.action, post("/sign-out", {}, cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/sign-in");
    expect(res.headers.get("Set-Cookie")).toMatch(/outreach_session=;/);
    expect((await run(home.loader, get("/", cookie))).status).toBe(302);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_out", actorEmail: "out@example.test" } })).toBe(1);
  });

  it("does nothing on GET /sign-out", async () => {
    const cookie = await signIn_("getout@example.test");
    await run(signOut.loader, get("/sign-out", cookie));
    expect((await run(home.loader, get("/", cookie))).status).toBe(200);
  });

  it("treats an expired session as signed out", async () => {
    const cookie = await signIn_("expired@example.test");
    const user = await db.user.findUniqueOrThrow({ where: { email: "expired@example.test" } });
    await db.authSession.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await run(home.loader, get("/", cookie))).status).toBe(302);
  });

  it("extends the session on activity after the idle timeout's touch interval", async () => {
    const cookie = await signIn_("active@example.test");
    const user = await db.user.findUniqueOrThrow({ where: { email: "active@example.test" } });
    const before = await db.authSession.findFirstOrThrow({ where: { userId: user.id } });
    const later = new Date(before.lastSeenAt.getTime() + 5 * 60_000);
    await getSessionUser(get("/", cookie), later);
    const after = await db.authSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(after.expiresAt.getTime()).toBe(later.getTime() + 8 * 60 * 60_000);
  });

  it("gives leads and admins a 30-minute idle timeout once the second step is done", async () => {
    const lead = await makeUser(db, { roles: ["LEAD"], email: "lead-timeout@example.test" });
    await enrolWithKnownSecret(db, lead.id, TEST_TOTP_SECRET);
    const res = await run(signIn.action, post("/sign-in", { email: "lead-timeout@example.test", password: TEST_PASSWORD }));
    expect(res.headers.get("Location")).toBe("/sign-in/two-factor?redirectTo=%2F");
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0];
    expect((await run(twoFactor.action, post("/sign-in/two-factor", { code: totpCode(TEST_TOTP_SECRET) }, cookie))).status).toBe(302);
    const session = await db.authSession.findFirstOrThrow({ where: { userId: lead.id } });
    const minutes = (session.expiresAt.getTime() - session.lastSeenAt.getTime()) / 60_000;
    expect(minutes).toBe(30);
  });

  it("signs out a user who is deactivated while signed in", async () => {
    const cookie = await signIn_("deact@example.test");
    await db.user.update({ where: { email: "deact@example.test" }, data: { active: false } });
    expect((await run(home.loader, get("/", cookie))).status).toBe(302);
  });

  it("ignores a forged cookie", async () => {
    expect((await run(home.loader, get("/", "outreach_session=forged-value-that-is-long-enough"))).status).toBe(302);
  });
});
