import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import * as account from "~/routes/account.feed";
import * as mailbox from "~/routes/dev.mailbox._index";
import * as mailboxMessage from "~/routes/dev.mailbox.$messageId._index";
import * as mailboxHtml from "~/routes/dev.mailbox.$messageId.html";
import * as feedIcs from "~/routes/feeds.$token[.ics]";
import * as outbox from "~/routes/outbox._index";
import * as respond from "~/routes/respond.$token";
import * as invite from "~/routes/sessions.$sessionId.invite";
import * as teamFeed from "~/routes/teams.$teamId.feed";
import * as venueFeed from "~/routes/venues.$venueId.feed";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";
import { makeProgramme, makeSession, makeTeam, makeVenue } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";

async function invitableSession(date = "2027-03-10") {
  const coordinator = await signedInAs(["COORDINATOR"]);
  const programme = await makeProgramme(db, { name: "Somebody's Daughter" });
  const team = await makeTeam(db);
  const venue = await makeVenue(db, {
    name: `School ${Math.random().toString(36).slice(2, 7)}`,
    contact: { name: "Alison Reid", role: "DSL", email: `dsl-${Math.random().toString(36).slice(2)}@school.example` },
  });
  const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: venue.id } });
  const session = await makeSession(db, {
    programmeId: programme.id,
    venueId: venue.id,
    teamId: team.id,
    date,
    start: "09:30",
    end: "11:00",
    createdById: coordinator.user.id,
  });
  return { coordinator, programme, team, venue, contact, session };
}

async function snapshot() {
  return JSON.stringify([
    await db.invitation.findMany({ orderBy: { id: "asc" } }),
    await db.session.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, expectedPupils: true } }),
    await db.outboxMessage.count(),
  ]);
}

async function inviteAndGetToken(s: Awaited<ReturnType<typeof invitableSession>>) {
  const res = await run(invite.action, post(`/sessions/${s.session.id}/invite`, { contactIds: s.contact.id }, s.coordinator.cookie), {
    sessionId: s.session.id,
  });
  expect(res.status).toBe(302);
  const message = await db.outboxMessage.findFirstOrThrow({ where: { to: s.contact.email! } });
  return message.text.match(/\/respond\/([A-Za-z0-9_-]+)/)![1];
}

describe("invite page", () => {
  it("is for coordinators and admins only, and 404s an unknown session", async () => {
    const s = await invitableSession();
    for (const role of ["FACILITATOR", "MANAGER", "LEAD"] as Role[]) {
      const { cookie } = await signedInAs([role]);
      expect((await run(invite.loader, get(`/sessions/${s.session.id}/invite`, cookie), { sessionId: s.session.id })).status).toBe(403);
      expect(
        (
          await run(invite.action, post(`/sessions/${s.session.id}/invite`, { contactIds: s.contact.id }, cookie), {
            sessionId: s.session.id,
          })
        ).status,
      ).toBe(403);
    }
    expect((await run(invite.loader, get(`/sessions/${s.session.id}/invite`), { sessionId: s.session.id })).status).toBe(302);
    const admin = await signedInAs(["ADMIN"]);
    expect((await run(invite.loader, get(`/sessions/${s.session.id}/invite`, admin.cookie), { sessionId: s.session.id })).status).toBe(200);
    expect((await run(invite.loader, get("/sessions/nope/invite", admin.cookie), { sessionId: "nope" })).status).toBe(404);
    expect((await run(invite.action, post("/sessions/nope/invite", { contactIds: "x" }, admin.cookie), { sessionId: "nope" })).status).toBe(
      404,
    );
    expect(await db.invitation.count({ where: { sessionId: s.session.id } })).toBe(0);
  });

  it("explains a missing or foreign contact (400 / 422) and changes nothing", async () => {
    const s = await invitableSession();
    const other = await invitableSession();
    const before = await snapshot();
    const empty = await run(invite.action, post(`/sessions/${s.session.id}/invite`, {}, s.coordinator.cookie), { sessionId: s.session.id });
    expect(empty.status).toBe(400);
    expect((empty.data as { errors: Record<string, string[]> }).errors.contactIds).toEqual(["Select at least one contact to invite"]);
    const foreign = await run(
      invite.action,
      post(`/sessions/${s.session.id}/invite`, { contactIds: other.contact.id }, s.coordinator.cookie),
      { sessionId: s.session.id },
    );
    expect(foreign.status).toBe(422);
    expect(await snapshot()).toBe(before);
  });
});

describe("response page", () => {
  it("GET shows the invitation and never changes anything; POST records the answer", async () => {
    const s = await invitableSession();
    const token = await inviteAndGetToken(s);
    const before = await snapshot();
    const shown = await run(respond.loader, get(`/respond/${token}`), { token });
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.data)).toContain(s.venue.name);
    expect(await snapshot()).toBe(before);
    expect(respond.headers({} as never)).toMatchObject({ "Referrer-Policy": "no-referrer" });

    const res = await run(
      respond.action,
      post(`/respond/${token}`, { response: "ACCEPT", expectedPupils: "150", onTheDayContact: "Mr Patel" }),
      { token },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/respond/${token}`);
    expect((await db.session.findUniqueOrThrow({ where: { id: s.session.id } })).status).toBe("CONFIRMED");
  });

  it("validates the answer: a decline needs a reason, another date needs a message and real dates", async () => {
    const s = await invitableSession();
    const token = await inviteAndGetToken(s);
    const before = await snapshot();
    const errorsOf = (d: unknown) => (d as { errors: Record<string, string[]> }).errors;
    const nothing = await run(respond.action, post(`/respond/${token}`, {}), { token });
    expect(nothing.status).toBe(400);
    expect(errorsOf(nothing.data).response).toEqual(["Select whether you can host the session on this date"]);
    const decline = await run(respond.action, post(`/respond/${token}`, { response: "DECLINE" }), { token });
    expect(errorsOf(decline.data).reason).toEqual(["Tell us why you cannot host the session"]);
    const alt = await run(
      respond.action,
      post(`/respond/${token}`, {
        response: "ALTERNATIVE",
        preferred1Day: "31",
        preferred1Month: "2",
        preferred1Year: "2027",
        expectedPupils: "lots",
      }),
      { token },
    );
    expect(errorsOf(alt.data)).toMatchObject({
      note: ["Tell us which dates or times would suit you better"],
      preferred1: ["Preferred date must be a real date, like 12 5 2026"],
      expectedPupils: ["Enter the number of pupils as a whole number, like 120"],
    });
    const garbage = await run(respond.action, post(`/respond/${token}`, { response: "DROP TABLE", reason: "x".repeat(5000) }), { token });
    expect(garbage.status).toBe(400);
    expect(await snapshot()).toBe(before);

    const ok = await run(
      respond.action,
      post(`/respond/${token}`, {
        response: "ALTERNATIVE",
        note: "May please",
        preferred1Day: "4",
        preferred1Month: "5",
        preferred1Year: "2027",
      }),
      { token },
    );
    expect(ok.status).toBe(302);
    expect((await db.invitation.findFirstOrThrow({ where: { sessionId: s.session.id } })).preferredDates).toBe("2027-05-04");
  });

  it("an unknown, tampered or revoked link gets the same 404 explanation and changes nothing", async () => {
    const s = await invitableSession();
    const token = await inviteAndGetToken(s);
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const before = await snapshot();
    for (const t of [tampered, "unknown", "a".repeat(43)]) {
      const shown = await run(respond.loader, get(`/respond/${t}`), { token: t });
      expect(shown.status).toBe(404);
      expect(JSON.stringify(shown.data)).not.toContain(s.venue.name);
      const posted = await run(respond.action, post(`/respond/${t}`, { response: "ACCEPT" }), { token: t });
      expect(posted.status).toBe(404);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe("calendar feeds", () => {
  async function makeFeed(route: typeof venueFeed, path: string, params: Record<string, string>, cookie: string) {
    const res = await run(route.action, post(path, { intent: "create" }, cookie), params);
    expect(res.status).toBe(200);
    const { urls } = res.data as { urls: { https: string; webcal: string } };
    expect(urls.webcal.startsWith("webcal://")).toBe(true);
    return urls.https.match(/\/feeds\/([A-Za-z0-9_-]+)\.ics$/)![1];
  }
  const fetchFeed = (token: string, etag?: string) =>
    run(feedIcs.loader, new Request(`http://localhost/feeds/${token}.ics`, { headers: etag ? { "If-None-Match": etag } : {} }), { token });

  it("a venue's feed has only its sessions, no internal notes, cancelled ones as CANCELLED; ETag gives 304", async () => {
    const a = await invitableSession("2026-12-07");
    const b = await invitableSession("2026-12-08");
    await db.session.update({ where: { id: a.session.id }, data: { internalNotes: "SECRET internal note" } });
    const cancelled = await makeSession(db, {
      programmeId: a.programme.id,
      venueId: a.venue.id,
      teamId: a.team.id,
      date: "2026-12-09",
      start: "09:30",
      end: "11:00",
      status: "CANCELLED",
    });
    const oldCancelled = await makeSession(db, {
      programmeId: a.programme.id,
      venueId: a.venue.id,
      teamId: a.team.id,
      date: "2026-12-10",
      start: "09:30",
      end: "11:00",
      status: "CANCELLED",
    });
    await db.session.update({ where: { id: oldCancelled.id }, data: { updatedAt: new Date(Date.now() - 40 * 24 * 3600_000) } });

    const tokenA = await makeFeed(venueFeed, `/venues/${a.venue.id}/feed`, { venueId: a.venue.id }, a.coordinator.cookie);
    const tokenB = await makeFeed(venueFeed, `/venues/${b.venue.id}/feed`, { venueId: b.venue.id }, b.coordinator.cookie);
    expect(JSON.stringify(await db.calendarFeed.findMany())).not.toContain(tokenA);

    const res = await run(feedIcs.loader, new Request(`http://localhost/feeds/${tokenA}.ics`), { token: tokenA });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const feedResponse = await (feedIcs.loader as (a: unknown) => Promise<Response>)({
      request: new Request(`http://localhost/feeds/${tokenA}.ics`),
      params: { token: tokenA },
      context: {},
    });
    const body = await feedResponse.text();
    const calendar = new ICAL.Component(ICAL.parse(body));
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    const events = calendar
      .getAllSubcomponents("vevent")
      .map((e) => ({ uid: e.getFirstPropertyValue("uid"), status: e.getFirstPropertyValue("status") }));
    expect(events).toEqual([
      { uid: a.session.icalUid, status: "TENTATIVE" },
      { uid: cancelled.icalUid, status: "CANCELLED" },
    ]);
    expect(body).not.toContain("SECRET");
    expect(body).not.toContain(b.session.icalUid);

    const etag = feedResponse.headers.get("ETag")!;
    expect((await fetchFeed(tokenA, etag)).status).toBe(304);
    expect((await fetchFeed(tokenA, '"other"')).status).toBe(200);
    expect((await fetchFeed(tokenB)).status).toBe(200);
    expect((await fetchFeed("x".repeat(43))).status).toBe(404);
  });

  it("regenerating ends the old link; turning off ends the feed; only allowed roles manage feeds", async () => {
    const s = await invitableSession();
    const first = await makeFeed(teamFeed, `/teams/${s.team.id}/feed`, { teamId: s.team.id }, s.coordinator.cookie);
    const second = await makeFeed(teamFeed, `/teams/${s.team.id}/feed`, { teamId: s.team.id }, s.coordinator.cookie);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    const off = await run(teamFeed.action, post(`/teams/${s.team.id}/feed`, { intent: "revoke" }, s.coordinator.cookie), {
      teamId: s.team.id,
    });
    expect(off.status).toBe(302);
    expect((await fetchFeed(second)).status).toBe(404);
    expect(
      (await run(teamFeed.action, post(`/teams/${s.team.id}/feed`, { intent: "explode" }, s.coordinator.cookie), { teamId: s.team.id }))
        .status,
    ).toBe(400);
    expect((await run(teamFeed.loader, get("/teams/nope/feed", s.coordinator.cookie), { teamId: "nope" })).status).toBe(404);
    expect(
      (await run(teamFeed.action, post("/teams/nope/feed", { intent: "create" }, s.coordinator.cookie), { teamId: "nope" })).status,
    ).toBe(404);
    for (const role of ["FACILITATOR", "MANAGER", "LEAD"] as Role[]) {
      const { cookie } = await signedInAs([role]);
      expect((await run(venueFeed.loader, get(`/venues/${s.venue.id}/feed`, cookie), { venueId: s.venue.id })).status).toBe(403);
      expect(
        (await run(teamFeed.action, post(`/teams/${s.team.id}/feed`, { intent: "create" }, cookie), { teamId: s.team.id })).status,
      ).toBe(403);
      expect((await run(account.loader, get("/account/feed", cookie))).status).toBe(200);
    }
    expect((await run(account.loader, get("/account/feed"))).status).toBe(302);
  });

  it("a coordinator's own feed has the sessions they booked", async () => {
    const s = await invitableSession("2026-12-14");
    const res = await run(account.action, post("/account/feed", { intent: "create" }, s.coordinator.cookie));
    const token = (res.data as { urls: { https: string } }).urls.https.match(/\/feeds\/([A-Za-z0-9_-]+)\.ics$/)![1];
    const response = await (feedIcs.loader as (a: unknown) => Promise<Response>)({
      request: new Request(`http://localhost/feeds/${token}.ics`),
      params: { token },
      context: {},
    });
    expect(await response.text()).toContain(s.session.icalUid);
  });
});

describe("outbox and development mailbox pages", () => {
  it("are for coordinators and admins; the mailbox shows messages and their links", async () => {
    const s = await invitableSession();
    await inviteAndGetToken(s);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to: s.contact.email! } });
    for (const role of ["FACILITATOR", "MANAGER", "LEAD"] as Role[]) {
      const { cookie } = await signedInAs([role]);
      expect((await run(mailbox.loader, get("/dev/mailbox", cookie))).status).toBe(403);
      expect((await run(outbox.loader, get("/outbox", cookie))).status).toBe(403);
      expect((await run(outbox.action, post("/outbox", { intent: "retry", messageId: message.id }, cookie))).status).toBe(403);
    }
    const list = await run(mailbox.loader, get("/dev/mailbox", s.coordinator.cookie));
    expect(JSON.stringify(list.data)).toContain(message.subject);
    const shown = await run(mailboxMessage.loader, get(`/dev/mailbox/${message.id}`, s.coordinator.cookie), { messageId: message.id });
    expect((shown.data as { message: { links: string[] } }).message.links[0]).toMatch(/^http:\/\/localhost:3000\/respond\//);
    expect((await run(mailboxMessage.loader, get("/dev/mailbox/nope", s.coordinator.cookie), { messageId: "nope" })).status).toBe(404);
    const html = await (mailboxHtml.loader as (a: unknown) => Promise<Response>)({
      request: get(`/dev/mailbox/${message.id}/html`, s.coordinator.cookie),
      params: { messageId: message.id },
      context: {},
    });
    expect(html.headers.get("Content-Security-Policy")).toMatch(/^sandbox; default-src 'none'/);
    expect(await html.text()).toContain(s.venue.name);
    expect((await run(outbox.action, post("/outbox", { intent: "retry", messageId: message.id }, s.coordinator.cookie))).status).toBe(422);
    expect((await run(outbox.action, post("/outbox", { intent: "nonsense" }, s.coordinator.cookie))).status).toBe(400);
    await db.outboxMessage.update({ where: { id: message.id }, data: { status: "FAILED", lastError: "550 no such user" } });
    expect(JSON.stringify((await run(outbox.loader, get("/outbox", s.coordinator.cookie))).data)).toContain("550 no such user");
    expect((await run(outbox.action, post("/outbox", { intent: "retry", messageId: message.id }, s.coordinator.cookie))).status).toBe(302);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("PENDING");
  });
});
