// Secret links can't be guessed at speed: an address that presents too many unknown tokens is refused (429 with
// Retry-After) even for a right one, while others and real subscribers are unaffected.
import { describe, expect, it } from "vitest";
import { createFeed, feedHttpResponse } from "~/models/feeds.server";
import * as respond from "~/routes/respond.$token";
import { db } from "~/utils/db.server";
import { TOKEN_MISS_LIMIT } from "~/utils/rate-limit.server";
import { generateToken } from "~/utils/tokens.server";
import { makeUser, makeVenue } from "../factories";
import { run } from "../setup/requests";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const fromIp = (path: string, ip: string, init: RequestInit = {}) =>
  new Request(`http://localhost${path}`, { ...init, headers: { "x-client-ip": ip, Origin: "http://localhost", ...(init.headers ?? {}) } });

describe("calendar feeds", () => {
  it("refuses an address after too many unknown tokens, even for a real feed, and serves everyone else", async () => {
    const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
    const venue = await makeVenue(db);
    const urls = await createFeed({ ...coordinator, roles: ["COORDINATOR"] }, { venueId: venue.id }, meta);
    const token = urls.https.match(/\/feeds\/([A-Za-z0-9_-]+)\.ics$/)![1];

    for (let i = 0; i < TOKEN_MISS_LIMIT.limit; i++) expect((await feedHttpResponse(generateToken(), null, "10.9.9.9")).status).toBe(404);
    const blocked = await feedHttpResponse(token, null, "10.9.9.9");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers["Retry-After"])).toBeGreaterThan(0);

    expect((await feedHttpResponse(token, null, "10.8.8.8")).status).toBe(200);
    // A subscriber polling a real feed never counts against itself.
    for (let i = 0; i < TOKEN_MISS_LIMIT.limit + 5; i++) expect((await feedHttpResponse(token, null, "10.7.7.7")).status).toBe(200);
  });
});

describe("invitation response page", () => {
  it("answers 429 after too many unknown links from one address, for GET and POST", async () => {
    for (let i = 0; i < TOKEN_MISS_LIMIT.limit; i++) {
      const t = generateToken();
      expect((await run(respond.loader, fromIp(`/respond/${t}`, "10.6.6.6"), { token: t })).status).toBe(404);
    }
    const t = generateToken();
    const get = await run(respond.loader, fromIp(`/respond/${t}`, "10.6.6.6"), { token: t });
    expect(get.status).toBe(429);
    expect(get.headers.get("Retry-After")).toMatch(/^\d+$/);
    const post = await run(
      respond.action,
      fromIp(`/respond/${t}`, "10.6.6.6", { method: "POST", body: new URLSearchParams({ response: "ACCEPTED" }) }),
      { token: t },
    );
    expect(post.status).toBe(429);
    expect((await run(respond.loader, fromIp(`/respond/${t}`, "10.5.5.5"), { token: t })).status).toBe(404);
  });
});
