// Migrations are additive-safe and tested forward: the first release's schema (the init migration) gets
// representative data, then every later migration is applied, and the data must still be there and readable by
// today's client. Works for whatever migrations exist (after a merge folds them, there may be none after init).
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, usingPostgres, type Db } from "~/utils/db.server";
import { dropDatabase, withDatabase } from "../setup/databases";

const postgres = usingPostgres();
const dir = postgres ? "prisma/postgres/migrations" : "prisma/migrations";
const migrations = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const sqlOf = (name: string) => readFileSync(path.join(dir, name, "migration.sql"), "utf8");

type Executor = {
  exec: (sql: string) => Promise<void>;
  insert: (table: string, row: Record<string, unknown>) => Promise<void>;
  close: () => Promise<void>;
};
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function emptyDatabase(): Promise<{ url: string; executor: Executor }> {
  if (!postgres) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "outreach-migrate-")), "forward.db");
    const sqlite = new Database(file);
    return {
      url: `file:${file}`,
      executor: {
        exec: async (sql) => void sqlite.exec(sql),
        insert: async (table, row) => {
          const cols = Object.keys(row);
          sqlite
            .prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`)
            .run(...Object.values(row).map((v) => (typeof v === "boolean" ? Number(v) : v)));
        },
        close: async () => void sqlite.close(),
      },
    };
  }
  const admin = process.env.DATABASE_URL ?? "";
  const name = `outreach_forward_${Date.now().toString(36)}`;
  const root = new pg.Client({ connectionString: admin });
  await root.connect();
  await root.query(`CREATE DATABASE "${name}"`);
  await root.end();
  cleanups.push(() => dropDatabase(admin, name));
  const url = withDatabase(admin, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    executor: {
      exec: async (sql) => void (await client.query(sql)),
      insert: async (table, row) => {
        const cols = Object.keys(row);
        await client.query(
          `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`,
          Object.values(row),
        );
      },
      close: () => client.end(),
    },
  };
}

const AT = "2026-09-01T09:00:00.000Z";

/** Data as the first release wrote it: only columns that exist in the init migration. */
async function insertFirstReleaseData(x: Executor) {
  await x.insert("User", {
    id: "u1",
    email: "coordinator@example.test",
    name: "Casey Coordinator",
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$x$y",
    updatedAt: AT,
  });
  await x.insert("User", {
    id: "u2",
    email: "facilitator@example.test",
    name: "Fran Facilitator",
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$x$z",
    active: false,
    updatedAt: AT,
  });
  await x.insert("UserRole", { userId: "u1", role: "COORDINATOR" });
  await x.insert("UserRole", { userId: "u2", role: "FACILITATOR" });
  await x.insert("Programme", { id: "p1", name: "Somebody's Daughter", kind: "SCHOOL_PLAY", updatedAt: AT });
  await x.insert("Team", { id: "t1", name: "Touring company", updatedAt: AT });
  await x.insert("TeamMember", { teamId: "t1", userId: "u2" });
  await x.insert("Venue", {
    id: "v1",
    kind: "SECONDARY_SCHOOL",
    name: "Northfield Academy",
    postcode: "NF1 2AB",
    urn: "100001",
    updatedAt: AT,
  });
  await x.insert("VenueContact", { id: "c1", venueId: "v1", name: "Dana DSL", email: "dsl@example.test" });
  await x.insert("Session", {
    id: "s1",
    programmeId: "p1",
    venueId: "v1",
    teamId: "t1",
    startsAt: AT,
    endsAt: "2026-09-01T10:30:00.000Z",
    status: "DELIVERED",
    expectedPupils: 180,
    icalUid: "s1@outreach.test",
    icalSequence: 2,
    createdById: "u1",
    updatedAt: AT,
  });
  await x.insert("Invitation", {
    id: "i1",
    sessionId: "s1",
    contactId: "c1",
    email: "dsl@example.test",
    tokenHash: "a".repeat(64),
    status: "ACCEPTED",
    expiresAt: AT,
  });
  await x.insert("AttendanceCount", { id: "a1", sessionId: "s1", yearGroup: "Y10", sex: "GIRL", count: 87 });
  await x.insert("Disclosure", {
    id: "d1",
    reference: "D-0001",
    sessionId: "s1",
    disclosedAt: AT,
    receivedById: "u2",
    risk: "HIGH",
    accountCiphertext: "v1:abc:def:ghi",
  });
  await x.insert("AuditEvent", { id: "e1", actorId: "u1", action: "session.book", entityType: "Session", entityId: "s1" });
}

async function expectFirstReleaseData(client: Db) {
  const user = await client.user.findUniqueOrThrow({
    where: { email: "facilitator@example.test" },
    select: { name: true, active: true, roles: { select: { role: true } }, teamMemberships: { select: { teamId: true } } },
  });
  expect(user).toEqual({ name: "Fran Facilitator", active: false, roles: [{ role: "FACILITATOR" }], teamMemberships: [{ teamId: "t1" }] });
  const session = await client.session.findUniqueOrThrow({
    where: { id: "s1" },
    select: {
      startsAt: true,
      status: true,
      expectedPupils: true,
      icalSequence: true,
      venue: { select: { name: true, urn: true } },
      programme: { select: { name: true } },
      attendance: { select: { count: true } },
      invitations: { select: { status: true } },
    },
  });
  expect(session).toEqual({
    startsAt: new Date(AT),
    status: "DELIVERED",
    expectedPupils: 180,
    icalSequence: 2,
    venue: { name: "Northfield Academy", urn: "100001" },
    programme: { name: "Somebody's Daughter" },
    attendance: [{ count: 87 }],
    invitations: [{ status: "ACCEPTED" }],
  });
  expect(
    await client.disclosure.findUniqueOrThrow({ where: { id: "d1" }, select: { reference: true, risk: true, accountCiphertext: true } }),
  ).toEqual({ reference: "D-0001", risk: "HIGH", accountCiphertext: "v1:abc:def:ghi" });
  expect(await client.auditEvent.count({ where: { action: "session.book" } })).toBe(1);
}

describe("migrations, forward from the first release with data", () => {
  it("starts from the init migration", () => {
    expect(migrations[0]).toBe("20261123000000_init");
  });

  it(`keeps first-release data through every later migration (${migrations.length - 1} after init)`, async () => {
    const { url, executor } = await emptyDatabase();
    await executor.exec(sqlOf(migrations[0]));
    await insertFirstReleaseData(executor);
    for (const name of migrations.slice(1)) await executor.exec(sqlOf(name));
    await executor.close();
    const client = createDb(url);
    cleanups.push(() => client.$disconnect());
    await expectFirstReleaseData(client);
  });

  it("later PostgreSQL migrations only add: no dropped tables or columns, no type changes, no NOT NULL column without a default", () => {
    const pgDir = "prisma/postgres/migrations";
    const later = readdirSync(pgDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
      .slice(1);
    const problems: string[] = [];
    for (const name of later) {
      const sql = readFileSync(path.join(pgDir, name, "migration.sql"), "utf8").replace(/--.*$/gm, "");
      for (const statement of sql.split(";")) {
        const s = statement.replace(/\s+/g, " ").trim();
        if (/\bDROP (TABLE|COLUMN)\b/i.test(s)) problems.push(`${name}: ${s}`);
        if (/\bALTER COLUMN\b.*\b(TYPE|SET NOT NULL)\b/i.test(s)) problems.push(`${name}: ${s}`);
        if (/\bADD COLUMN\b.*\bNOT NULL\b/i.test(s) && !/\bDEFAULT\b/i.test(s)) problems.push(`${name}: ${s}`);
      }
    }
    expect(problems, "a destructive change needs a data migration and the lead's agreement").toEqual([]);
  });
});
