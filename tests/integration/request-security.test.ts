// Request-level rules that hold for route modules called directly (no server.ts in front).
import { describe, expect, it } from "vitest";
import * as newUser from "~/routes/admin.users.new";
import { db } from "~/utils/db.server";
import { tokenPageHeaders } from "~/utils/http.server";
import { bodyLimitFor, bodySizeProblem, crossSiteReason } from "~/utils/request-security.server";
import { appRoutes } from "../setup/route-manifest";
import { run, signedInAs } from "../setup/requests";

const form = (headers: Record<string, string>, cookie: string) =>
  new Request("http://localhost/admin/users/new", {
    method: "POST",
    body: new URLSearchParams({ name: "Mallory", email: "mallory@example.test", roles: "ADMIN" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...headers },
  });

describe("CSRF check in requireUser (every signed-in action)", () => {
  it("refuses a cross-site post with 403 before the action runs", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const attempts: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      { Referer: "https://evil.example/x" },
    ];
    for (const headers of attempts) {
      expect((await run(newUser.action, form(headers, cookie))).status, JSON.stringify(headers)).toBe(403);
    }
    expect(await db.user.count({ where: { email: "mallory@example.test" } })).toBe(0);
  });

  it("lets a same-origin post through (to validation: the form is incomplete)", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    expect((await run(newUser.action, form({ Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" }, cookie))).status).toBe(400);
  });
});

describe("crossSiteReason", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it("never refuses a GET, HEAD or OPTIONS", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(crossSiteReason(method, "http://a.test/", headers({ Origin: "https://evil.example" }))).toBeNull();
  });
  it("refuses every state-changing method from another site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"])
      expect(crossSiteReason(method, "http://a.test/", headers({ Origin: "https://evil.example" }))).toMatch(/not this site/);
  });
  it("trusts APP_URL's origin when a proxy rewrites Host", () => {
    expect(
      crossSiteReason("POST", "http://internal:3000/x", headers({ Origin: "https://outreach.example.gov.uk" }), [
        "https://outreach.example.gov.uk",
      ]),
    ).toBeNull();
  });
  it("refuses a malformed Origin", () => {
    expect(crossSiteReason("POST", "http://a.test/", headers({ Origin: "::::" }))).toMatch(/malformed/);
  });
});

describe("token pages", () => {
  it("every page with a $token in its URL exports headers = tokenPageHeaders (Referrer-Policy: no-referrer)", async () => {
    const offenders: string[] = [];
    for (const route of await appRoutes()) {
      if (!/:token\b/i.test(route.pattern)) continue;
      const mod = await route.load();
      if (mod.default && mod.headers !== tokenPageHeaders)
        offenders.push(`app/${route.file}: add \`export const headers = tokenPageHeaders;\``);
    }
    expect(offenders).toEqual([]);
  });

  it("tokenPageHeaders says no-referrer, no-store and noindex", () => {
    const h = new Headers(tokenPageHeaders({} as Parameters<typeof tokenPageHeaders>[0]) as HeadersInit);
    expect(h.get("Referrer-Policy")).toBe("no-referrer");
    expect(h.get("Cache-Control")).toBe("no-store");
    expect(h.get("X-Robots-Tag")).toContain("noindex");
  });
});

describe("body limits", () => {
  const limits = { defaultBytes: 1000, uploadBytes: 5000 };
  it("gives upload paths (and their single-fetch .data posts) the larger limit", () => {
    expect(bodyLimitFor("/venues/import", limits)).toBe(5000);
    expect(bodyLimitFor("/venues/import.data", limits)).toBe(5000);
    expect(bodyLimitFor("/venues/import/confirm", limits)).toBe(5000);
    expect(bodyLimitFor("/venues/important", limits)).toBe(1000);
    expect(bodyLimitFor("/sign-in", limits)).toBe(1000);
  });
  it("judges a body by its declared length; a streamed state-changing body without one is 411", () => {
    const h = (x: Record<string, string>) => new Headers(x);
    expect(bodySizeProblem("POST", h({ "Content-Length": "1000" }), 1000)).toBeNull();
    expect(bodySizeProblem("POST", h({ "Content-Length": "1001" }), 1000)).toBe(413);
    expect(bodySizeProblem("POST", h({ "Content-Length": "junk" }), 1000)).toBe(413);
    expect(bodySizeProblem("POST", h({ "Transfer-Encoding": "chunked" }), 1000)).toBe(411);
    expect(bodySizeProblem("POST", h({}), 1000)).toBeNull();
    expect(bodySizeProblem("GET", h({ "Content-Length": "99999" }), 1000)).toBeNull();
  });
});
