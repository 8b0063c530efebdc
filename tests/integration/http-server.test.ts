// What the HTTP layer (server.ts) guarantees, checked against the real server on a loopback port:
// security headers with a CSP nonce that Remix's scripts carry, HSTS behind TLS, CSRF refusal, body size limits,
// cookie flags, escaping of hostile names in every page, and the production refusal of default secrets.
import { request } from "node:http";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, TEST_PASSWORD } from "../factories";
import { startAppServer, startAppServerExpectingFailure, type AppServer } from "../setup/app-server";
import { ALL_ROLES, createRouteFixture, FORMULA_NAME, HOSTILE_NAME, type RouteFixture } from "../setup/route-fixture";
import { browserCookie, expectedStatuses, searchFor } from "../setup/route-calls";
import { appRoutes, urlFor, type AppRoute } from "../setup/route-manifest";
import { db } from "~/utils/db.server";
import { tokenPageHeaders } from "~/utils/http.server";
import { ROUTE_ACCESS } from "./route-access";

let server: AppServer;
let f: RouteFixture;
beforeAll(async () => {
  f = await createRouteFixture();
  server = await startAppServer({ TRUST_PROXY: "loopback" });
});
afterAll(async () => {
  await server?.stop();
});

const signInForm = (email: string, password = TEST_PASSWORD) => new URLSearchParams({ email, password }).toString();
const formHeaders = { "Content-Type": "application/x-www-form-urlencoded" };

describe("security headers", () => {
  it("sends a CSP whose nonce every script in the page carries, and the other headers", async () => {
    const res = await fetch(`${server.url}/sign-in`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(2);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
    expect(html).toContain("/assets/govuk-frontend.min.js");
  });

  it("uses a new nonce for every response", async () => {
    const nonce = async () =>
      /'nonce-([^']+)'/.exec((await fetch(`${server.url}/sign-in`)).headers.get("content-security-policy") ?? "")?.[1];
    expect(await nonce()).not.toBe(await nonce());
  });

  it("sends HSTS only behind TLS (X-Forwarded-Proto from a trusted proxy)", async () => {
    const res = await fetch(`${server.url}/sign-in`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  });

  it("sets headers on static assets and error pages too", async () => {
    for (const path of ["/assets/govuk-frontend.min.js", "/no-such-page"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });
});

describe("token pages", () => {
  it("send exactly Referrer-Policy: no-referrer (every route whose headers export is tokenPageHeaders)", async () => {
    for (const route of await appRoutes()) {
      const access = ROUTE_ACCESS[route.key];
      if (!access || (await route.load()).headers !== tokenPageHeaders) continue;
      const path = urlFor(route.pattern, { ...(await access.params?.(f)) }, searchFor(access, f));
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      await res.text();
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
  });
});

describe("CSRF: state-changing requests from another site are refused", () => {
  const attempt = (headers: Record<string, string>) =>
    fetch(`${server.url}/sign-in`, {
      method: "POST",
      body: signInForm("nobody@example.test"),
      headers: { ...formHeaders, ...headers },
      redirect: "manual",
    });

  it("refuses a cross-site Origin, Referer or Sec-Fetch-Site with 403", async () => {
    const attempts: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Referer: "https://evil.example/page" },
      { "Sec-Fetch-Site": "cross-site", Origin: server.url },
      { "Sec-Fetch-Site": "same-site" },
      { Origin: "null" },
    ];
    for (const headers of attempts) {
      const res = await attempt(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toContain("sent from another website");
    }
  });

  it("accepts our own pages, including a no-referrer token page (Origin null but Sec-Fetch-Site same-origin)", async () => {
    const ours: Record<string, string>[] = [
      { Origin: server.url },
      { Referer: `${server.url}/sign-in` },
      { "Sec-Fetch-Site": "same-origin", Origin: "null" },
      {},
    ];
    for (const headers of ours) {
      expect((await attempt(headers)).status, JSON.stringify(headers)).toBe(401);
    }
  });

  it("refuses a cross-site post to a signed-in route before it runs", async () => {
    const cookie = await browserCookie(f, "ADMIN");
    const res = await fetch(`${server.url}/admin/users/new`, {
      method: "POST",
      body: "name=Mallory&email=mallory%40example.test&roles=ADMIN",
      redirect: "manual",
      headers: { ...formHeaders, Cookie: cookie ?? "", Origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(await db.user.count({ where: { email: "mallory@example.test" } })).toBe(0);
  });
});

describe("request body limits", () => {
  // Each on its own connection: the server closes a connection whose body it refused to read.
  const rawPost = (path: string, body: string | null, headers: Record<string, string>) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${server.url}${path}`, { method: "POST", agent: false, headers }, (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      if (body !== null) req.write(body);
      req.end();
    });

  it("answers 413 to a form larger than BODY_LIMIT_BYTES (1 MB)", async () => {
    const res = await rawPost("/sign-in", `email=${"a".repeat(1024 * 1024 + 10)}`, {
      ...formHeaders,
      "Content-Length": String(1024 * 1024 + 16),
    });
    expect(res.status).toBe(413);
    expect(res.text).toContain("too large");
  });

  it("lets an upload path take more than the form limit", async () => {
    // Signed in, so the import route reads the whole 2 MB file (an anonymous post is redirected unread, and a
    // client still writing to a connection the server has closed gets EPIPE instead of the answer).
    const boundary = "outreach-upload-limit";
    const csv = `name\n${"x".repeat(2 * 1024 * 1024)}\n`;
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="laCode"\r\n\r\n353\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
      `--${boundary}--\r\n`,
    ].join("");
    const res = await rawPost("/venues/import", body, {
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
      "Content-Length": String(Buffer.byteLength(body)),
      Cookie: (await browserCookie(f, "COORDINATOR")) ?? "",
      Origin: server.url,
    });
    // Past the size check and read by the import, which refuses the file as not a GIAS file.
    expect(res.status).toBe(422);
    expect(res.text).toContain("The file is not a GIAS establishment file");
  });

  it("answers 411 to a streamed body without a length", async () => {
    const res = await rawPost("/sign-in", "email=x", { ...formHeaders, "Transfer-Encoding": "chunked" });
    expect(res.status).toBe(411);
  });
});

describe("cookies", () => {
  it("are HttpOnly and SameSite=Lax, and not Secure on plain http", async () => {
    const user = await makeUser(db, { roles: ["COORDINATOR"] });
    const res = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      body: signInForm(user.email),
      headers: formHeaders,
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^outreach_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("are Secure when APP_URL is https", async () => {
    const tls = await startAppServer({ APP_URL: "https://outreach.example.test" });
    try {
      const user = await makeUser(db, { roles: ["COORDINATOR"] });
      const res = await fetch(`${tls.url}/sign-in`, {
        method: "POST",
        body: signInForm(user.email),
        headers: formHeaders,
        redirect: "manual",
      });
      expect(res.status).toBe(302);
      expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    } finally {
      await tls.stop();
    }
  });
});

/** For each link path, the route it opens: of the patterns that match it, the one with fewest parameters (static segments win). */
function routeFinder(routes: AppRoute[]): (path: string) => AppRoute | undefined {
  const matchers = routes
    .filter((r) => r.key !== "root" && r.pattern !== "/*")
    .map((route) => ({ route, re: new RegExp(`^${route.pattern.replace(/\/:\w+\?/g, "(?:/[^/]+)?").replace(/:\w+/g, "[^/]+")}/?$`) }))
    .sort((a, b) => a.route.pattern.split(":").length - b.route.pattern.split(":").length);
  const found = new Map<string, AppRoute | undefined>();
  return (path) => {
    if (!found.has(path)) found.set(path, matchers.find((m) => m.re.test(path))?.route);
    return found.get(path);
  };
}

describe("escaping", () => {
  it(`shows names like ${HOSTILE_NAME} as text in every page (200 in the table), for every role, and links only to pages the reader may open`, async () => {
    const checked: string[] = [];
    const routes = await appRoutes();
    const routeOpenedBy = routeFinder(routes);
    for (const route of routes) {
      const access = ROUTE_ACCESS[route.key];
      if (!access || route.key === "root") continue; // missing: route-matrix.test.ts reports it; root renders with every page
      const expected = expectedStatuses(access.get, route.key);
      for (const role of ALL_ROLES) {
        if (expected[role] !== 200) continue;
        const path = urlFor(route.pattern, { ...(await access.params?.(f)) }, searchFor(access, f));
        const res = await fetch(`${server.url}${path}`, { headers: { Cookie: (await browserCookie(f, role)) ?? "" }, redirect: "manual" });
        const type = res.headers.get("content-type") ?? "";
        const body = await res.text();
        // The real server agrees with the direct loader call the matrix makes.
        expect(res.status, `${path} as ${role} through server.ts`).toBe(200);
        if (type.startsWith("text/html")) {
          expect(body, `${path} as ${role}`).not.toContain(HOSTILE_NAME);
          // Nothing was submitted, so there is nothing to be wrong: an empty "There is a problem" box is a bug.
          expect(body, `${path} as ${role}: error summary on a GET`).not.toContain("govuk-error-summary");
          // No page offers a link its reader would be refused (the permission table decides: PermittedLink).
          for (const [, href] of body.matchAll(/<a [^>]*href="(\/[^"#?]*)/g)) {
            const target = routeOpenedBy(href);
            const targetAccess = target && ROUTE_ACCESS[target.key];
            if (!target || !targetAccess?.get) continue;
            expect(expectedStatuses(targetAccess.get, target.key)[role], `${path} as ${role} links to ${href}`).not.toBe(403);
          }
        } else {
          // A download (CSV, calendar, PDF) carries names as data, where escaping HTML would corrupt them: it must never
          // be rendered as a page instead.
          expect(type, `${path} as ${role}`).not.toMatch(/html|xml|javascript/);
          expect(res.headers.get("x-content-type-options"), `${path} as ${role}`).toBe("nosniff");
        }
        if (type.startsWith("text/csv")) {
          expect(res.headers.get("content-disposition"), `${path} as ${role}`).toMatch(/^attachment;/);
          // No cell holding the name can start a formula: where the name starts the cell it gets an apostrophe; a
          // sentence that only mentions it (the annual review's target labels) starts with a letter.
          const cells = (parseCsv(body, { relax_column_count: true }) as string[][]).flat();
          for (const cell of cells.filter((c) => c.includes(FORMULA_NAME.slice(1))))
            expect(cell, `${path} as ${role}`).not.toMatch(/^[=+\-@\t\r]/);
        }
        checked.push(`${path} ${role}`);
      }
    }
    expect(checked.length).toBeGreaterThan(5);
    // Every page for every role through the real server: about 20 s on a quiet machine, several times that when busy.
  }, 240_000);

  it("renders the hostile name escaped where a page shows it", async () => {
    const cookie = await browserCookie(f, "ADMIN");
    await db.user.update({ where: { id: f.users.FACILITATOR.id }, data: { name: HOSTILE_NAME } });
    const html = await (await fetch(`${server.url}/admin/users/${f.users.FACILITATOR.id}`, { headers: { Cookie: cookie ?? "" } })).text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain(HOSTILE_NAME);
  });
});

describe("links", () => {
  it("the schools report links each school to its venue page only for readers who may open it", async () => {
    const venueLink = `href="/venues/${f.venue.id}"`;
    const schoolsAs = async (role: "MANAGER" | "LEAD") => {
      const res = await fetch(`${server.url}/reports/schools?show=all`, { headers: { Cookie: (await browserCookie(f, role)) ?? "" } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const forManager = await schoolsAs("MANAGER");
    expect(forManager).toContain(venueLink);
    // The safeguarding lead reads reports but not venues: the school is named, not linked.
    const forLead = await schoolsAs("LEAD");
    expect(forLead).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(forLead).not.toContain(venueLink);
  });
});

describe("production start-up", () => {
  it("refuses to start without SESSION_SECRET and DISCLOSURE_ENCRYPTION_KEY, naming both", async () => {
    const { code, output } = await startAppServerExpectingFailure({
      NODE_ENV: "production",
      SESSION_SECRET: "",
      DISCLOSURE_ENCRYPTION_KEY: "",
    });
    expect(code).not.toBe(0);
    expect(output).toContain("Outreach cannot start");
    expect(output).toContain("SESSION_SECRET is required in production");
    expect(output).toContain("DISCLOSURE_ENCRYPTION_KEY is required in production");
  });

  it("refuses the development placeholder secret", async () => {
    const { code, output } = await startAppServerExpectingFailure({
      NODE_ENV: "production",
      SESSION_SECRET: "development-only-secret-not-for-production",
      DISCLOSURE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    });
    expect(code).not.toBe(0);
    expect(output).toContain("SESSION_SECRET must be at least 32 random characters and not a placeholder");
  });
});
