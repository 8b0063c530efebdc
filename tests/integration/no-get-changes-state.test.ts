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
      for (const role of ALL_ROLES) {
        const cookie = await browserCookie(f, role);
        // params may create records (fresh sessions): resolve them before the snapshot by calling once unmeasured.
        const params = await access.params?.(f);
        const fixed = { ...access, params: () => ({ ...params }) };
        const before = await snapshot();
        await callRoute(route, mod, fixed, f, "GET", cookie);
        expect(differences(before, await snapshot()), `GET ${route.pattern} as ${role} changed the database`).toEqual([]);
      }
    });
  }

  it("notices a change (the check itself works)", async () => {
    const before = await snapshot();
    await f.freshSession();
    expect(differences(before, await snapshot()).map((d) => d.table)).toEqual(["Session"]);
  });
});
