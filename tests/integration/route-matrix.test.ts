// Role × route matrix: every route module in the app (read from Remix's route manifest) × every role, GET and POST,
// against the expectation table in ./route-access.ts. A new route that isn't in the table fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_ROLES, createRouteFixture, type RouteFixture } from "../setup/route-fixture";
import { browserCookie, callRoute, expectedStatuses } from "../setup/route-calls";
import { appRoutes } from "../setup/route-manifest";
import { ROUTE_ACCESS } from "./route-access";

const routes = await appRoutes();
let f: RouteFixture;
beforeAll(async () => {
  f = await createRouteFixture();
});

const template = (key: string, pattern: string) => {
  const params = [...pattern.matchAll(/:(\w+)/g)].map((m) => `${m[1]}: f.…`);
  return `  "${key}": { ${params.length ? `params: (f) => ({ ${params.join(", ")} }), ` : ""}get: "302 … … … … …", post: "405" },`;
};

describe("route × role matrix", () => {
  it("has an expectation for every route module, and none for a route that no longer exists", () => {
    const missing = routes.filter((r) => !ROUTE_ACCESS[r.key]);
    const stale = Object.keys(ROUTE_ACCESS).filter((key) => !routes.some((r) => r.key === key));
    expect(
      missing.map(
        (r) => `app/${r.file} (${r.pattern}) is missing from tests/integration/route-access.ts; add:\n${template(r.key, r.pattern)}`,
      ),
    ).toEqual([]);
    expect(stale.map((key) => `tests/integration/route-access.ts has "${key}" but there is no such route module`)).toEqual([]);
  });

  for (const route of routes) {
    const access = ROUTE_ACCESS[route.key];
    it(`${route.pattern} (${route.key})`, async () => {
      if (!access)
        expect.fail(`Add "${route.key}" (app/${route.file}) to tests/integration/route-access.ts:\n${template(route.key, route.pattern)}`);
      const mod = await route.load();
      for (const method of ["GET", "POST"] as const) {
        const expected = expectedStatuses(method === "GET" ? access.get : access.post, route.key);
        const actual: string[] = [];
        for (const role of ALL_ROLES) {
          const call = await callRoute(route, mod, access, f, method, await browserCookie(f, role));
          actual.push(`${role} ${call.status}`);
        }
        // Compared as one line per role so a failure shows every role's answer at once.
        expect(actual, `${method} ${route.pattern}`).toEqual(ALL_ROLES.map((role) => `${role} ${expected[role]}`));
      }
    });
  }
});

// A record id in the URL that doesn't exist, or can't be an id at all (a NUL byte, which PostgreSQL refuses with an
// error; a very long one), is "not found" for a user who may use the page: 404, never a 500.
describe("unknown or malformed ids in the URL answer 404", () => {
  const BAD_IDS = ["no-such-record", "\u0000", "a".repeat(300), "../admin"];
  for (const route of routes) {
    const access = ROUTE_ACCESS[route.key];
    const idNames = [...route.pattern.matchAll(/:(\w+Id)\b/g)].map((m) => m[1]);
    if (!access || !idNames.length) continue;
    it(`${route.pattern} (${route.key})`, async () => {
      const mod = await route.load();
      // POST with the valid form where there is one, so the id (not an empty form) is what the action refuses.
      const methods = access.valid ? (["GET", "POST"] as const) : (["GET"] as const);
      const actual: string[] = [];
      for (const method of methods) {
        const expected = expectedStatuses(method === "GET" ? access.get : access.post, route.key);
        const role = [...ALL_ROLES].reverse().find((r) => ![302, 403, 405].includes(expected[r]));
        if (!role) continue;
        const params = { ...(await access.params?.(f)) };
        for (const name of idNames) {
          for (const bad of BAD_IDS) {
            const call = await callRoute(
              route,
              mod,
              { ...access, params: () => ({ ...params, [name]: bad }) },
              f,
              method,
              await browserCookie(f, role),
              access.valid?.(f),
            );
            actual.push(`${method} ${name}=${JSON.stringify(bad.slice(0, 20))} as ${role}: ${call.status}`);
          }
        }
      }
      expect(actual.filter((line) => !line.endsWith(": 404"))).toEqual([]);
    });
  }
});

// Query strings are user input too: hostile values in every filter a page reads are ignored or refused, never a 500
// (PostgreSQL refuses a NUL byte with an error; a bad date or enum must not throw).
describe("hostile query strings never give a 500", () => {
  const NAMES = [
    "page",
    "q",
    "kind",
    "status",
    "laCode",
    "sort",
    "week",
    "month",
    "date",
    "team",
    "venue",
    "programme",
    "risk",
    "categoryId",
    "programmeId",
    "from",
    "to",
    "overdue",
    "within",
    "organisation",
    "operator",
    "archived",
    "sessionId",
    "action",
    "actor",
    "entityType",
    "entityId",
  ];
  const VALUES = ["\u0000", "-1", "x".repeat(5000), "2026-02-30", "9999-99", "__proto__", "1e309", "%", "<script>"];
  for (const route of routes) {
    const access = ROUTE_ACCESS[route.key];
    if (!access) continue;
    it(`${route.pattern} (${route.key})`, async () => {
      const expected = expectedStatuses(access.get, route.key);
      const role = [...ALL_ROLES].reverse().find((r) => expected[r] === 200);
      if (!role) return;
      const mod = await route.load();
      const params = { ...(await access.params?.(f)) };
      const answers: string[] = [];
      for (const value of VALUES) {
        const search = `?${NAMES.map((n) => `${n}=${encodeURIComponent(value)}`).join("&")}`;
        const call = await callRoute(route, mod, { ...access, params: () => params, search }, f, "GET", await browserCookie(f, role));
        answers.push(`${JSON.stringify(value.slice(0, 12))} as ${role}: ${call.status}`);
      }
      expect(answers.filter((a) => Number(a.split(": ")[1]) >= 500)).toEqual([]);
    });
  }
});
