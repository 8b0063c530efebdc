import { describe, expect, it } from "vitest";
import { enrolWithKnownSecret } from "~/models/two-factor.server";
import * as account from "~/routes/account._index";
import * as sessions from "~/routes/account.sessions";
import * as editUser from "~/routes/admin.users.$userId";
import * as home from "~/routes/_index";
import * as signIn from "~/routes/sign-in";
import { db } from "~/utils/db.server";
import { makeUser, TEST_PASSWORD } from "../factories";
import { cookieFor, get, post, run, signedInAs } from "../setup/requests";
import { TEST_TOTP_SECRET } from "../setup/totp";

type Browsers = { browsers: { items: { id: string; current: boolean; ip: string | null; userAgent: string | null }[]; total: number } };

describe("your account", () => {
  it("is open to every role and needs signing in", async () => {
    for (const role of ["COORDINATOR", "FACILITATOR", "MANAGER", "LEAD", "ADMIN"] as const) {
      const { cookie } = await signedInAs([role]);
      expect((await run(account.loader, get("/account", cookie))).status).toBe(200);
    }
    expect((await run(account.loader, get("/account"))).headers.get("Location")).toBe("/sign-in?redirectTo=%2Faccount");
  });
});

describe("signed-in browsers", () => {
  it("lists your live browsers (not half-done sign-ins) and lets you sign out another one", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"], email: "browsers@example.test" });
    const here = await cookieFor(user, ["COORDINATOR"]);
    const there = (await run(signIn.action, post("/sign-in", { email: "browsers@example.test", password: TEST_PASSWORD }))).headers
      .get("Set-Cookie")!
      .split(";")[0];
    const ended = await db.authSession.create({
      data: { tokenHash: "old", userId: user.id, expiresAt: new Date(Date.now() + 60_000), revokedAt: new Date() },
    });
    await db.authSession.create({
      data: { tokenHash: "half", userId: user.id, expiresAt: new Date(Date.now() + 60_000), pendingStep: "TOTP" },
    });

    const list = (await run(sessions.loader, get("/account/sessions", here))).data as Browsers;
    expect(list.browsers.total).toBe(2);
    expect(list.browsers.items.filter((b) => b.current)).toHaveLength(1);
    const other = list.browsers.items.find((b) => !b.current)!;
    expect(other.id).not.toBe(ended.id);

    const res = await run(sessions.action, post("/account/sessions", { sessionId: other.id }, here));
    expect(res.status).toBe(302);
    expect((await run(home.loader, get("/", there))).status).toBe(302);
    expect((await run(home.loader, get("/", here))).status).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.session_ended", entityId: user.id } });
    expect(event.details).toEqual({ v: 1, scope: "one", authSessionId: other.id, count: 1 });
  });

  it("cannot end another user's session or this one", async () => {
    const me = await signedInAs(["MANAGER"]);
    const them = await signedInAs(["MANAGER"]);
    const theirs = await db.authSession.findFirstOrThrow({ where: { userId: them.user.id } });
    expect((await run(sessions.action, post("/account/sessions", { sessionId: theirs.id }, me.cookie))).status).toBe(422);
    expect((await run(home.loader, get("/", them.cookie))).status).toBe(200);
    const mine = await db.authSession.findFirstOrThrow({ where: { userId: me.user.id } });
    expect((await run(sessions.action, post("/account/sessions", { sessionId: mine.id }, me.cookie))).status).toBe(422);
    expect((await run(sessions.action, post("/account/sessions", {}, me.cookie))).status).toBe(400);
  });
});

describe("admin: a user's sign-in", () => {
  it("ends every session of a user and audits it", async () => {
    const admin = await signedInAs(["ADMIN"]);
    const target = await signedInAs(["FACILITATOR"]);
    await cookieFor(target.user, ["FACILITATOR"]);
    const res = await run(editUser.action, post(`/admin/users/${target.user.id}`, { intent: "end-sessions" }, admin.cookie), {
      userId: target.user.id,
    });
    expect(res.status).toBe(302);
    expect(await db.authSession.count({ where: { userId: target.user.id, revokedAt: null } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.session_ended", entityId: target.user.id } });
    expect(event).toMatchObject({ actorId: admin.user.id, details: { v: 1, scope: "all", count: 2 } });
    const other = await signedInAs(["LEAD"]);
    expect(
      (
        await run(editUser.action, post(`/admin/users/${target.user.id}`, { intent: "end-sessions" }, other.cookie), {
          userId: target.user.id,
        })
      ).status,
    ).toBe(403);
  });

  it("resets two-factor for a user who lost their phone: they must set it up again", async () => {
    const admin = await signedInAs(["ADMIN"]);
    const lead = await makeUser(db, { roles: ["LEAD"], email: "lost-phone@example.test" });
    await enrolWithKnownSecret(db, lead.id, TEST_TOTP_SECRET);
    const res = await run(editUser.action, post(`/admin/users/${lead.id}`, { intent: "reset-two-factor" }, admin.cookie), {
      userId: lead.id,
    });
    expect(res.status).toBe(302);
    const saved = await db.user.findUniqueOrThrow({ where: { id: lead.id } });
    expect(saved.totpSecret).toBeNull();
    expect(saved.totpEnabledAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.totp_reset", entityId: lead.id, actorId: admin.user.id } })).toBe(1);
    const next = await run(signIn.action, post("/sign-in", { email: "lost-phone@example.test", password: TEST_PASSWORD }));
    expect(next.headers.get("Location")).toBe("/sign-in/set-up-two-factor?redirectTo=%2F");
  });
});
