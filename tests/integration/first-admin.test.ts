// npm run create-admin: the first admin of a new installation, with a link to choose a password.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isResetLinkValid, resetPassword } from "~/models/passwords.server";
import { db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { capturedIo } from "../../scripts/cli";
import { main } from "../../scripts/create-admin";

async function cli(...args: string[]) {
  const io = capturedIo();
  const status = await main(args, io);
  return { status, stdout: io.out(), stderr: io.err() };
}

describe("npm run create-admin", () => {
  it("explains missing or bad arguments and changes nothing", async () => {
    const before = await db.user.count();
    const none = await cli();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("--email must be an email address");
    expect(none.stderr).toContain("Usage: npm run create-admin");
    const bad = await cli("--email", "not-an-address", "--name", "  ");
    expect(bad.stderr).toContain("--email must be an email address");
    expect(bad.stderr).toContain("--name must be the admin's name");
    const unknown = await cli("--email", "a@council.test", "--name", "A", "--password", "x");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--password'");
    expect(await db.user.count()).toBe(before);
  });

  it("makes the admin, audited, with a single-use link to choose a password; then refuses a second", async () => {
    await db.userRole.deleteMany({ where: { role: "ADMIN" } });
    const made = await cli("--email", " First.Admin@Council.test ", "--name", "First Admin");
    expect(made.stderr).toBe("");
    expect(made.status).toBe(0);
    const token = /\/reset-password\/([\w-]+)/.exec(made.stdout)?.[1] ?? "";
    expect(token.length).toBeGreaterThan(20);
    expect(made.stdout).toContain("for 24 hours");
    const user = await db.user.findUniqueOrThrow({ where: { email: "first.admin@council.test" }, include: { roles: true } });
    expect(user).toMatchObject({ name: "First Admin", active: true });
    expect(user.roles.map((r) => r.role)).toEqual(["ADMIN"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id } });
    expect(audit).toMatchObject({ action: "user.create", actorId: null, userAgent: "npm run create-admin" });
    expect(JSON.stringify(audit.details)).not.toContain(token);

    // Still valid a day less a minute later; used once, it is spent.
    expect(await isResetLinkValid(token, new Date(Date.now() + 24 * 60 * 60_000 - 60_000))).toBe(true);
    expect(await isResetLinkValid(token, new Date(Date.now() + 24 * 60 * 60_000 + 60_000))).toBe(false);
    await resetPassword({ token, password: "a long and unusual passphrase 42", meta: { ip: null, userAgent: "vitest" } });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, "a long and unusual passphrase 42")).toBe(true);
    expect(await isResetLinkValid(token)).toBe(false);

    const users = await db.user.count();
    const again = await cli("--email", "second@council.test", "--name", "Second Admin");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Could not create the admin: An active admin already exists");
    expect(await db.user.count()).toBe(users);
  });

  it("runs as a script: node passes its arguments to main and exits with its code", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", "--email", "nope"], {
      env: process.env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).toContain("--email must be an email address");
    expect(run.status).toBe(2);
  });
});
