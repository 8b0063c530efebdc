// The registry's audit endpoint is unreachable where this project is built (docs/security.md), so the advisories
// that concern the production tree are recorded by hand in docs/dependency-advisories.json. This test keeps that
// record true against package-lock.json: a "fixed" advisory fails the build if a vulnerable version comes back
// (a downgrade or a lost override), and a vulnerable version may only stay when the record explains why it is not
// reachable from Outreach.
import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

type Advisory = { id: string; package: string; vulnerable: string; severity: string; status: "fixed" | "not-reachable"; reason: string };
type LockEntry = { version?: string; dev?: boolean; devOptional?: boolean };

const record = JSON.parse(readFileSync("docs/dependency-advisories.json", "utf8")) as { advisories: Advisory[] };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockEntry> };
const securityPage = readFileSync("docs/security.md", "utf8");

/** Every copy of a package that `npm ci --omit=dev` installs, with where it sits. */
function productionCopies(name: string) {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.endsWith(`node_modules/${name}`) && entry.version && !entry.dev && !entry.devOptional)
    .map(([path, entry]) => ({ path, version: entry.version as string }));
}

const vulnerableCopies = (a: Advisory) => productionCopies(a.package).filter((c) => semver.satisfies(c.version, a.vulnerable));

describe("recorded dependency advisories", () => {
  it("are well formed and each is named on the security page", () => {
    for (const a of record.advisories) {
      expect(semver.validRange(a.vulnerable), `${a.id} range`).not.toBeNull();
      expect(["low", "medium", "high", "critical"]).toContain(a.severity);
      // A fixed one names the version that fixes it; an unfixed one has to argue why it cannot be reached.
      expect(a.reason.length, `${a.id} needs a reason`).toBeGreaterThan(a.status === "fixed" ? 0 : 80);
      expect(securityPage, `docs/security.md should name ${a.id}`).toContain(a.id);
    }
  });

  it.each(record.advisories.filter((a) => a.status === "fixed"))("$id ($package $vulnerable) stays fixed", (a) => {
    expect(vulnerableCopies(a)).toEqual([]);
  });

  it.each(record.advisories.filter((a) => a.status === "not-reachable"))(
    "$id ($package) is still present, so its reason still matters",
    (a) => {
      // When an upgrade removes the vulnerable version, move the entry to "fixed" so the record says what is true.
      expect(vulnerableCopies(a).length).toBeGreaterThan(0);
    },
  );

  it("the production tree has the versions the overrides promise", () => {
    for (const name of ["react-router", "react-router-dom"]) expect(productionCopies(name).map((c) => c.version)).toEqual(["6.30.6"]);
    expect(productionCopies("@remix-run/router").map((c) => c.version)).toEqual(["1.23.4"]);
  });
});
