import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { capturedIo } from "../../scripts/cli";
import { main } from "../../scripts/import-schools";

/** The script's main, in this process: what it printed and the exit code it gives the shell. */
async function cli(...args: string[]) {
  const io = capturedIo();
  const status = await main(args, io);
  return { status, stdout: io.out(), stderr: io.err() };
}

describe("npm run import:schools", () => {
  it("imports the fixture for one LA, draws progress on stderr and prints a summary", async () => {
    const run = await cli("--la", "999", "tests/fixtures/gias/edubasealldata20261101.csv");
    expect(run.stderr).toContain("100% 24/24 schools"); // 22 to upsert and 2 closed in GIAS to check
    expect(run.stdout).toMatch(/Read 36 rows \(windows-1252\) for LA 999/);
    expect(run.stdout).toMatch(/created: +22/);
    expect(run.stdout).toContain("In another local authority");
    expect(run.status).toBe(0);
    expect(await db.venue.count({ where: { laCode: "999" } })).toBe(22);
  });

  it("exits non-zero with a clear message on a bad file, a missing file and bad arguments", async () => {
    const before = await db.venue.count();
    const bad = await cli("--la", "999", "tests/fixtures/gias/missing-columns.csv");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('it has no "EstablishmentName" or "PhaseOfEducation (name)" columns. Nothing was imported.');
    const missing = await cli("--la", "999", "tests/fixtures/gias/no-such-file.csv");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("Cannot read tests/fixtures/gias/no-such-file.csv");
    const usage = await cli("--la", "35", "x.csv");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Usage: npm run import:schools");
    expect(await db.venue.count()).toBe(before);
  });

  it("runs as a script: node passes its arguments to main and exits with its code", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/import-schools.ts", "--la", "999", "tests/fixtures/gias/missing-columns.csv"],
      {
        env: process.env,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(run.stderr).toContain("Nothing was imported.");
    expect(run.status).toBe(1);
  });
});
