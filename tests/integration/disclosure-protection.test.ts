import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import * as retentionPage from "~/routes/disclosures.retention";
import * as record from "~/routes/disclosures.$disclosureId._index";
import { rotateDisclosureKey } from "~/models/disclosure-keys.server";
import { calendarUrlKey } from "~/models/external-calendars.server";
import { COMMAND_LINE, deleteAfterRetention, listPastRetention } from "~/models/disclosure-retention.server";
import { currentKey, DecryptionError, decryptText, encryptText, keyId } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { addDays, todayInLondon } from "~/utils/time";
import { makeDisclosure, makeTeam, makeUser } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";
import { MARKER } from "./disclosures-helpers";
import { capturedIo, type CliMain } from "../../scripts/cli";
import { main as retentionCli } from "../../scripts/disclosure-retention";
import { main as rotateCli } from "../../scripts/rotate-disclosure-key";

const exec = promisify(execFile);

/** A command-line script's main, in this process: its exit code and what it printed. */
async function cliRun(main: CliMain, argv: string[]) {
  const io = capturedIo();
  const status = await main(argv, io, process.env);
  return { status, stdout: io.out(), stderr: io.err() };
}
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const key = (byte: number) => Buffer.alloc(32, byte);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("the original account is immutable", () => {
  it("is written by no code but the create in logDisclosure, a pupil's answer, the re-encryption in key rotation and the reports bench", () => {
    const writes = [...sourceFiles("app"), ...sourceFiles("scripts")].flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          /(accountCiphertext|immediateActionCiphertext|textCiphertext)\s*:\s*(?!\s|true\b|\{ not: null \}|string\b)/.test(line)
            ? [`${file}:${i + 1}`]
            : [],
        ),
    );
    expect(writes.map((w) => w.replace(/:\d+$/, "")).sort()).toEqual([
      "app/models/disclosure-keys.server.ts",
      "app/models/disclosure-keys.server.ts",
      "app/models/disclosure-keys.server.ts",
      "app/models/disclosures.server.ts",
      "app/models/disclosures.server.ts",
      "app/models/disclosures.server.ts",
      // A pupil's free-text answer, written once when it is given (it may be a disclosure: encrypted the same way).
      "app/models/questionnaires.server.ts",
      // Fills a throwaway benchmark database with placeholder rows; never run against real data.
      "scripts/bench/reports-worker.ts",
    ]);
    const models = readFileSync("app/models/disclosures.server.ts", "utf8");
    const updates = models.match(/tx\.disclosure\.update(Many)?\(\{[\s\S]*?\n {4}\}\);/g) ?? [];
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) expect(update).not.toMatch(/Ciphertext/);
  });

  it("is refused by the database when rewritten under the same key, but may be re-encrypted under a new one", async () => {
    const lead = await makeUser(db, { roles: ["LEAD"] });
    const d = await makeDisclosure(db, { receivedById: lead.id, immediateAction: "Told the DSL" });
    await expect(
      db.disclosure.update({ where: { id: d.id }, data: { accountCiphertext: encryptText("Something else") } }),
    ).rejects.toThrow();
    await expect(db.disclosure.update({ where: { id: d.id }, data: { immediateActionCiphertext: null } })).rejects.toThrow();
    await expect(db.disclosure.updateMany({ data: { accountCiphertext: encryptText("Rewrite all") } })).rejects.toThrow();
    const row = await db.disclosure.findUniqueOrThrow({ where: { id: d.id } });
    expect(decryptText(row.accountCiphertext)).toBe("A test account with no identifying details.");
    const reencrypted = encryptText(decryptText(row.accountCiphertext), key(3));
    await db.disclosure.update({ where: { id: d.id }, data: { accountCiphertext: reencrypted, risk: "HIGH" } });
    await db.disclosure.update({ where: { id: d.id }, data: { status: "CLOSED" } });
    await db.disclosure.update({ where: { id: d.id }, data: { accountCiphertext: encryptText(decryptText(reencrypted, key(3))) } });
    const addendum = await db.disclosureAddendum.create({
      data: { disclosureId: d.id, textCiphertext: encryptText("More"), reason: "Why", authorId: lead.id },
    });
    await expect(
      db.disclosureAddendum.update({ where: { id: addendum.id }, data: { textCiphertext: encryptText("Changed") } }),
    ).rejects.toThrow();
    await expect(db.disclosureAddendum.update({ where: { id: addendum.id }, data: { reason: "Another" } })).rejects.toThrow();
  });
});

describe("the audit log is append-only", () => {
  it("refuses UPDATE and DELETE in the database, so deleting a user with audit rows fails (users are deactivated)", async () => {
    const user = await makeUser(db, { roles: ["ADMIN"] });
    const event = await db.auditEvent.create({
      data: { action: "user.create", actorId: user.id, actorEmail: user.email, entityType: "User", entityId: user.id },
    });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
    await expect(db.user.delete({ where: { id: user.id } })).rejects.toThrow();
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ action: "user.create", actorId: user.id });
  });
});

describe("encryption at rest", () => {
  it("round-trips, and a wrong key gives a clear error", () => {
    const sealed = encryptText(`Said something ${MARKER}`);
    expect(sealed).not.toContain(MARKER);
    expect(sealed.startsWith(`v1.${keyId(currentKey())}.`)).toBe(true);
    expect(decryptText(sealed)).toBe(`Said something ${MARKER}`);
    expect(() => decryptText(sealed, key(7))).toThrow(DecryptionError);
    expect(() => decryptText(sealed, key(7))).toThrow(/encrypted with key .* but the configured DISCLOSURE_ENCRYPTION_KEY is/);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => decryptText(tampered)).toThrow(/integrity check/);
  });
});

describe("key rotation", () => {
  it("re-encrypts every text in one transaction, is idempotent and audited, and refuses a wrong key without changing anything", async () => {
    const lead = await makeUser(db, { roles: ["LEAD"] });
    const texts = await db.disclosure.count({ where: { immediateActionCiphertext: { not: null } } });
    const d = await makeDisclosure(db, { receivedById: lead.id, account: `Account ${MARKER}`, immediateAction: "Immediate" });
    await db.disclosureAddendum.create({
      data: { disclosureId: d.id, textCiphertext: encryptText("Addendum"), reason: "More", authorId: lead.id },
    });
    // A team's external calendar address is sealed under a key derived from the same key.
    const team = await makeTeam(db);
    const calendar = await db.externalCalendar.create({
      data: {
        teamId: team.id,
        label: "Company diary",
        urlHost: "calendar.example",
        urlEncrypted: encryptText("https://calendar.example/s3cret.ics", calendarUrlKey()),
      },
    });
    const total = await db.disclosure.count();

    // A key that opens nothing: stops with the row it could not read, changes nothing.
    await expect(rotateDisclosureKey({ oldKey: key(5), newKey: key(6) })).rejects.toThrow(/Nothing was changed/);
    expect(
      (await db.disclosure.findUniqueOrThrow({ where: { id: d.id } })).accountCiphertext.startsWith(`v1.${keyId(currentKey())}.`),
    ).toBe(true);

    const newKey = key(11);
    const first = await rotateDisclosureKey({ oldKey: currentKey(), newKey });
    expect(first).toMatchObject({ fromKeyId: keyId(currentKey()), toKeyId: keyId(newKey), alreadyCurrent: 0 });
    expect(first.rotated).toBeGreaterThanOrEqual(total + 1);
    const row = await db.disclosure.findUniqueOrThrow({ where: { id: d.id }, include: { addenda: true } });
    expect(decryptText(row.accountCiphertext, newKey)).toBe(`Account ${MARKER}`);
    expect(decryptText(row.immediateActionCiphertext!, newKey)).toBe("Immediate");
    expect(decryptText(row.addenda[0].textCiphertext, newKey)).toBe("Addendum");
    expect(() => decryptText(row.accountCiphertext)).toThrow(DecryptionError);
    const sealedUrl = (await db.externalCalendar.findUniqueOrThrow({ where: { id: calendar.id } })).urlEncrypted;
    expect(decryptText(sealedUrl, calendarUrlKey(newKey))).toBe("https://calendar.example/s3cret.ics");

    const again = await rotateDisclosureKey({ oldKey: currentKey(), newKey });
    expect(again).toMatchObject({ rotated: 0, alreadyCurrent: first.rotated });
    expect(await db.auditEvent.count({ where: { action: "disclosure.key_rotate" } })).toBe(2);
    expect(texts).toBeGreaterThanOrEqual(0);

    // Back to the configured key so the rest of the file reads records.
    await rotateDisclosureKey({ oldKey: newKey, newKey: currentKey() });
    const restoredUrl = (await db.externalCalendar.findUniqueOrThrow({ where: { id: calendar.id } })).urlEncrypted;
    expect(decryptText(restoredUrl, calendarUrlKey())).toBe("https://calendar.example/s3cret.ics");
  });

  it("runs as npm run rotate-disclosure-key and explains a bad new key", async () => {
    const env = { ...process.env, NEW_DISCLOSURE_ENCRYPTION_KEY: "too-short" };
    // Started for real once: node hands the environment to main and exits with its code.
    const failed = await exec(process.execPath, ["--import", "tsx", "scripts/rotate-disclosure-key.ts"], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect("code" in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain("Key rotation failed: The encryption key must be 32 bytes, base64-encoded.");
    const newKey = key(21).toString("base64");
    const ok = await cliRun(rotateCli, ["--new-key", newKey]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Re-encrypted \d+ text\(s\) from key \w{8} to key \w{8}; 0 already used the new key\./);
    await rotateDisclosureKey({ oldKey: key(21), newKey: currentKey() });
  }, 60_000);
});

describe("retention", () => {
  let lead: Awaited<ReturnType<typeof signedInAs>>;
  beforeAll(async () => {
    lead = await signedInAs(["LEAD"]);
  });

  it("lists records past retention (never those on legal hold), and deletes one only when a lead confirms it", async () => {
    const yesterday = addDays(todayInLondon(), -1);
    const expired = await makeDisclosure(db, {
      receivedById: lead.user.id,
      retainUntil: yesterday,
      disclosedAt: new Date("2019-01-01T10:00:00Z"),
    });
    const held = await makeDisclosure(db, { receivedById: lead.user.id, retainUntil: yesterday, legalHold: true });
    const kept = await makeDisclosure(db, { receivedById: lead.user.id, retainUntil: addDays(todayInLondon(), 1) });
    await db.disclosureAction.create({
      data: { disclosureId: expired.id, description: "x", ownerId: lead.user.id, createdById: lead.user.id, dueDate: "2019-02-01" },
    });

    const listed = await listPastRetention(COMMAND_LINE, { page: 1 }, meta);
    expect(listed.items.map((i) => i.reference)).toEqual([expired.reference]);
    expect(listed.onLegalHold).toBe(1);
    const page = await run(retentionPage.loader, get("/disclosures/retention", lead.cookie));
    expect((page.data as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([expired.id]);

    for (const [reference, message] of [
      [held.reference, "legal hold"],
      [kept.reference, "must be kept until"],
      ["D-1999-NOPE22", "There is no disclosure"],
    ]) {
      const refused = await run(retentionPage.action, post("/disclosures/retention", { reference }, lead.cookie));
      expect(refused.status).toBe(422);
      expect((refused.data as { errors: { reference: string[] } }).errors.reference[0]).toContain(message);
    }
    await expect(deleteAfterRetention({ ...lead.user, roles: ["LEAD"] }, held.reference, meta)).rejects.toThrow(/legal hold/);

    const deleted = await run(
      retentionPage.action,
      post("/disclosures/retention", { reference: expired.reference.toLowerCase() }, lead.cookie),
    );
    expect(deleted.status).toBe(302);
    expect(await db.disclosure.count({ where: { id: expired.id } })).toBe(0);
    expect(await db.disclosureAction.count({ where: { disclosureId: expired.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "disclosure.delete", entityId: expired.id } });
    expect(audit).toMatchObject({ actorId: lead.user.id, details: { v: 1, reference: expired.reference, retainUntil: yesterday } });
    expect((await run(record.loader, get(`/disclosures/${expired.id}`, lead.cookie), { disclosureId: expired.id })).status).toBe(404);
    expect(await db.disclosure.count({ where: { id: { in: [held.id, kept.id] } } })).toBe(2);
  });

  it("runs as npm run disclosures:retention, and deletes only with --confirm and a lead's email", async () => {
    const yesterday = addDays(todayInLondon(), -1);
    const expired = await makeDisclosure(db, { receivedById: lead.user.id, retainUntil: yesterday });
    // Started for real once (listing); the rest through its main in this process.
    const listing = await exec(process.execPath, ["--import", "tsx", "scripts/disclosure-retention.ts"], { env: process.env });
    expect(listing.stdout).toContain(expired.reference);
    const noLead = await cliRun(retentionCli, ["--confirm", expired.reference]);
    expect(noLead.status).toBe(1);
    expect(noLead.stderr).toContain("--lead <email>");
    const done = await cliRun(retentionCli, ["--confirm", expired.reference, "--lead", lead.user.email]);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain(`Deleted ${expired.reference}`);
    expect(await db.auditEvent.count({ where: { action: "disclosure.delete", entityId: expired.id, actorId: lead.user.id } })).toBe(1);
  }, 60_000);
});
