// "No GET changes state" (mail scanners and calendar clients open every link): every route's GET, as every role
// and anonymously (token pages included, via their fixture tokens in ./route-access.ts), leaves every table as it
// was. Allowed bookkeeping: see REQUEST_BOOKKEEPING in tests/setup/db-digest.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_ROLES, createRouteFixture, type RouteFixture } from "../setup/route-fixture";
import { browserCookie, callRoute } from "../setup/route-calls";
import { differences, snapshot } from "../setup/db-digest";
import { appRoutes } from "../setup/route-manifest";
import { ROUTE_ACCESS } from "./route-access";

const routes = await appRoutes();
let f: RouteFixture;
beforeAll(async () => {
  f = await createRouteFixture();
});

describe("no GET changes state", () => {
  for (const route of routes) {
    it(`GET ${route.pattern} (${route.key})`, async () => {
      const access = ROUTE_ACCESS[route.key];
      if (!access) expect.fail(`Add "${route.key}" to tests/integration/route-access.ts (see route-matrix.test.ts)`);
      const mod = await route.load();
      // Cookies and params may create records (sign-ins, fresh sessions): made for every role before the first
      // snapshot, so that each snapshot after a GET is also the one before the next.
      const calls = [];
      for (const role of ALL_ROLES) {
        const cookie = await browserCookie(f, role);
        const params = await access.params?.(f);
        calls.push({ role, cookie, fixed: { ...access, params: () => ({ ...params }) } });
      }
      let before = await snapshot();
      for (const { role, cookie, fixed } of calls) {
        await callRoute(route, mod, fixed, f, "GET", cookie);
        const after = await snapshot();
        expect(differences(before, after), `GET ${route.pattern} as ${role} changed the database`).toEqual([]);
        before = after;
      }
    });
  }

  it("notices a change (the check itself works)", async () => {
    const before = await snapshot();
    await f.freshSession();
    expect(differences(before, await snapshot()).map((d) => d.table)).toEqual(["Session"]);
  });
});
