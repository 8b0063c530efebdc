import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";

function cli(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "scripts/import-schools.ts", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run import:schools", () => {
  it("imports the fixture for one LA, draws progress on stderr and prints a summary", async () => {
    const run = cli("--la", "999", "tests/fixtures/gias/edubasealldata20261101.csv");
    expect(run.stderr).toContain("100% 24/24 schools"); // 22 to upsert and 2 closed in GIAS to check
    expect(run.stdout).toMatch(/Read 36 rows \(windows-1252\) for LA 999/);
    expect(run.stdout).toMatch(/created: +22/);
    expect(run.stdout).toContain("In another local authority");
    expect(run.status).toBe(0);
    expect(await db.venue.count({ where: { laCode: "999" } })).toBe(22);
  });

  it("exits non-zero with a clear message on a bad file, a missing file and bad arguments", async () => {
    const before = await db.venue.count();
    const bad = cli("--la", "999", "tests/fixtures/gias/missing-columns.csv");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('it has no "EstablishmentName" or "PhaseOfEducation (name)" columns. Nothing was imported.');
    const missing = cli("--la", "999", "tests/fixtures/gias/no-such-file.csv");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("Cannot read tests/fixtures/gias/no-such-file.csv");
    const usage = cli("--la", "35", "x.csv");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run import:schools");
    expect(await db.venue.count()).toBe(before);
  });
});
