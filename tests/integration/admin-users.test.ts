import { describe, expect, it } from "vitest";
import * as adminIndex from "~/routes/admin._index";
import * as newUser from "~/routes/admin.users.new";
import * as editUser from "~/routes/admin.users.$userId";
import * as users from "~/routes/admin.users._index";
import * as audit from "~/routes/admin.audit";
import * as signIn from "~/routes/sign-in";
import { db } from "~/utils/db.server";
import { makeUser } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";

const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;

describe("admin area", () => {
  it("is refused to every role but admin", async () => {
    for (const role of ["COORDINATOR", "FACILITATOR", "MANAGER", "LEAD"] as const) {
      const { cookie } = await signedInAs([role]);
      expect((await run(adminIndex.loader, get("/admin", cookie))).status).toBe(403);
      expect((await run(users.loader, get("/admin/users", cookie))).status).toBe(403);
      expect(
        (
          await run(
            newUser.action,
            post("/admin/users/new", { name: "X", email: "x@example.test", roles: "ADMIN", password: "long-enough-password" }, cookie),
          )
        ).status,
      ).toBe(403);
    }
    expect(await db.user.count({ where: { email: "x@example.test" } })).toBe(0);
  });

  it("lets an admin create a user who can then sign in", async () => {
    const { cookie, user: admin } = await signedInAs(["ADMIN"]);
    const res = await run(
      newUser.action,
      post(
        "/admin/users/new",
        { name: "Nia Jones", email: "Nia.Jones@Example.test", roles: ["COORDINATOR", "LEAD"], password: "a-long-temporary-password" },
        cookie,
      ),
    );
    expect(res.status).toBe(302);
    const created = await db.user.findUniqueOrThrow({ where: { email: "nia.jones@example.test" }, include: { roles: true } });
    expect(created.roles.map((r) => r.role).sort()).toEqual(["COORDINATOR", "LEAD"]);
    expect(created.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.auditEvent.count({ where: { action: "user.create", entityId: created.id, actorId: admin.id } })).toBe(1);
    const signedIn = await run(signIn.action, post("/sign-in", { email: "nia.jones@example.test", password: "a-long-temporary-password" }));
    expect(signedIn.status).toBe(302);
  });

  it("explains every problem with a new user and keeps the input", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const res = await run(newUser.action, post("/admin/users/new", { name: "", email: "bad", password: "short" }, cookie));
    expect(res.status).toBe(400);
    expect(errorsOf(res.data)).toEqual({
      name: ["Enter the user's full name"],
      email: ["Enter an email address in the correct format, like name@example.com"],
      roles: ["Select at least one role"],
      password: ["Password must be 12 characters or more"],
    });
    expect((res.data as { values: Record<string, string> }).values.email).toBe("bad");
  });

  it("refuses an unknown role and a duplicate email without changing anything", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    await makeUser(db, { roles: ["MANAGER"], email: "taken@example.test", name: "Original" });
    const bogusRole = await run(
      newUser.action,
      post("/admin/users/new", { name: "A", email: "a@example.test", roles: "SUPERUSER", password: "long-enough-password" }, cookie),
    );
    expect(bogusRole.status).toBe(400);
    expect(errorsOf(bogusRole.data).roles?.[0]).toBe("Select a role from the list");
    const duplicate = await run(
      newUser.action,
      post("/admin/users/new", { name: "B", email: "TAKEN@example.test", roles: "ADMIN", password: "long-enough-password" }, cookie),
    );
    expect(duplicate.status).toBe(422);
    expect(errorsOf(duplicate.data).email).toEqual(["A user with the email address taken@example.test already exists"]);
    const original = await db.user.findUniqueOrThrow({ where: { email: "taken@example.test" }, include: { roles: true } });
    expect(original.name).toBe("Original");
    expect(original.roles.map((r) => r.role)).toEqual(["MANAGER"]);
  });

  it("changes roles, signing the user out everywhere, and audits the change", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const target = await signedInAs(["FACILITATOR"]);
    const res = await run(
      editUser.action,
      post(`/admin/users/${target.user.id}`, { intent: "update", name: target.user.name, roles: ["MANAGER"] }, cookie),
      { userId: target.user.id },
    );
    expect(res.status).toBe(302);
    const roles = await db.userRole.findMany({ where: { userId: target.user.id } });
    expect(roles.map((r) => r.role)).toEqual(["MANAGER"]);
    expect(await db.authSession.count({ where: { userId: target.user.id, revokedAt: null } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: target.user.id } });
    expect(event.details).toEqual({ v: 1, changed: ["roles"], roles: ["MANAGER"] });
  });

  it("deactivates a user, ending their sessions, and refuses to deactivate yourself", async () => {
    const { cookie, user: admin } = await signedInAs(["ADMIN"]);
    const target = await signedInAs(["COORDINATOR"]);
    expect(
      (await run(editUser.action, post(`/admin/users/${target.user.id}`, { intent: "deactivate" }, cookie), { userId: target.user.id }))
        .status,
    ).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.user.id } })).active).toBe(false);
    expect(await db.authSession.count({ where: { userId: target.user.id, revokedAt: null } })).toBe(0);
    const self = await run(editUser.action, post(`/admin/users/${admin.id}`, { intent: "deactivate" }, cookie), { userId: admin.id });
    expect(self.status).toBe(422);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it("answers 404 for a user that does not exist", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    expect((await run(editUser.loader, get("/admin/users/nope", cookie), { userId: "nope" })).status).toBe(404);
  });

  it("paginates and searches users in the database", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    for (let i = 0; i < 30; i++) await makeUser(db, { roles: ["MANAGER"], email: `bulk-${i}@example.test`, name: `Bulk ${i}` });
    const page2 = await run(users.loader, get("/admin/users?page=2", cookie));
    const data = page2.data as { users: { items: unknown[]; total: number; pageCount: number } };
    expect(data.users.items.length).toBe(data.users.total - 25);
    expect(data.users.pageCount).toBe(2);
    const found = await run(users.loader, get("/admin/users?q=bulk-7", cookie));
    expect((found.data as { users: { total: number } }).users.total).toBe(1);
  });
});

describe("audit log page", () => {
  it("lists events for admins and leads, never for others", async () => {
    const admin = await signedInAs(["ADMIN"]);
    await run(signIn.action, post("/sign-in", { email: "ghost@example.test", password: "whatever-it-is" }));
    const res = await run(audit.loader, get("/admin/audit?action=auth.sign_in_failed", admin.cookie));
    expect((res.data as { events: { total: number } }).events.total).toBeGreaterThanOrEqual(1);
    expect((await run(audit.loader, get("/admin/audit", (await signedInAs(["LEAD"])).cookie))).status).toBe(200);
    expect((await run(audit.loader, get("/admin/audit", (await signedInAs(["MANAGER"])).cookie))).status).toBe(403);
  });
});
