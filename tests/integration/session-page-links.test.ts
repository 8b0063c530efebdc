// The links that join the features: the session page's actions by role and status, the invitations on it, and
// the calendar feed links on the venue, team and account pages. Checked in the HTML the real server renders
// (needs `npm run build`), and in the session page's loader data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendInvitation } from "~/models/invitations.server";
import * as sessionRoute from "~/routes/sessions.$sessionId._index";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";
import { addDays, todayInLondon } from "~/utils/time";
import { makePerson, makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";
import { startAppServer, type AppServer } from "../setup/app-server";
import { cookieFor, get, run } from "../setup/requests";

type Roled = { id: string; email: string; roles: Role[] };
const ROLES: Role[] = ["FACILITATOR", "COORDINATOR", "MANAGER", "LEAD", "ADMIN"];
let server: AppServer;
let users: Record<Role, Roled>;
let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const team = await makeTeam(db, { name: "Touring team" });
  const play = await makeProgramme(db, { name: "Somebody's Daughter", kind: "SCHOOL_PLAY" });
  const briefing = await makeProgramme(db, { name: "Staff briefing", kind: "STAFF_BRIEFING", audienceType: "STAFF" });
  const venue = await makeVenue(db, {
    kind: "COMMUNITY_VENUE",
    name: "Ashgrove Hall",
    contact: { name: "Alison Reid", role: "Manager", email: "alison@venue.example" },
  });
  const today = todayInLondon();
  const at = (programmeId: string, date: string, status?: "PROVISIONAL" | "CONFIRMED" | "CANCELLED") =>
    makeSession(db, { programmeId, venueId: venue.id, teamId: team.id, date, start: "10:00", end: "11:00", status });
  const future = await at(play.id, addDays(today, 40));
  const started = await at(play.id, addDays(today, -1), "CONFIRMED");
  const cancelled = await at(play.id, addDays(today, -2), "CANCELLED");
  const briefed = await at(briefing.id, addDays(today, -1), "CONFIRMED");
  const person = await makePerson(db, { name: "Pat Driver" });
  await db.certificate.create({ data: { number: `CERT-${briefed.id.slice(0, 8)}`, personId: person.id, sessionId: briefed.id } });
  const otherTeam = await makeTeam(db, { name: "Other team" });
  return { team, otherTeam, venue, future, started, cancelled, briefed };
}

beforeAll(async () => {
  w = await world();
  users = Object.fromEntries(
    await Promise.all(
      ROLES.map(async (role) => {
        const user = await makeUser(db, { roles: [role], teamId: role === "FACILITATOR" ? w.team.id : undefined });
        return [role, { ...user, roles: [role] }];
      }),
    ),
  ) as Record<Role, Roled>;
  server = await startAppServer();
});
afterAll(async () => {
  await server?.stop();
});

async function page(path: string, role: Role) {
  const res = await fetch(`${server.url}${path}`, { headers: { Cookie: await cookieFor(users[role], [role]) }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

/** The roles whose page (200) links to href. */
async function rolesLinking(path: string, href: string) {
  const linking: string[] = [];
  for (const role of ROLES) {
    const { status, html } = await page(path, role);
    if (status === 200 && html.includes(`href="${href.replace(/&/g, "&amp;")}"`)) linking.push(role);
  }
  return linking;
}

describe("the session page", () => {
  it("offers an invitation to provisional sessions, to those who may send one", async () => {
    const path = `/sessions/${w.future.id}`;
    expect(await rolesLinking(path, `${path}/invite`)).toEqual(["COORDINATOR", "ADMIN"]);
    expect(await rolesLinking(`/sessions/${w.started.id}`, `/sessions/${w.started.id}/invite`)).toEqual([]); // confirmed and started
    expect(await rolesLinking(path, `${path}/move`)).toEqual(["COORDINATOR", "ADMIN"]);
    expect(await rolesLinking(path, `${path}/attendance`)).toEqual([]); // not started yet
    expect(await rolesLinking(path, `/disclosures/new?sessionId=${w.future.id}`)).toEqual([]); // nothing to disclose yet
  });

  it("offers attendance once started: to record for the team and the office, to read for managers; never for a cancelled session", async () => {
    const path = `/sessions/${w.started.id}`;
    expect(await rolesLinking(path, `${path}/attendance`)).toEqual(["FACILITATOR", "COORDINATOR", "MANAGER", "ADMIN"]);
    expect((await page(path, "FACILITATOR")).html).toContain("Record attendance");
    const manager = (await page(path, "MANAGER")).html;
    expect(manager).not.toContain("Record attendance");
    expect(manager).toMatch(/>Attendance</);
    expect(await rolesLinking(`/sessions/${w.cancelled.id}`, `/sessions/${w.cancelled.id}/attendance`)).toEqual([]);
    expect(await rolesLinking(path, `${path}/register`)).toEqual([]); // a school play has no named register
  });

  it("offers the register for briefings and certificates to the office once issued", async () => {
    const path = `/sessions/${w.briefed.id}`;
    expect(await rolesLinking(path, `${path}/register`)).toEqual(["FACILITATOR", "COORDINATOR", "ADMIN"]);
    expect(await rolesLinking(path, `${path}/certificates`)).toEqual(["COORDINATOR", "ADMIN"]);
    expect(await rolesLinking(`/sessions/${w.started.id}`, `/sessions/${w.started.id}/certificates`)).toEqual([]); // none issued
  });

  it("offers to log a disclosure at a recent session to those who log them", async () => {
    const path = `/sessions/${w.started.id}`;
    expect(await rolesLinking(path, `/disclosures/new?sessionId=${w.started.id}`)).toEqual(["FACILITATOR", "COORDINATOR"]);
    expect(await rolesLinking(`/sessions/${w.cancelled.id}`, `/disclosures/new?sessionId=${w.cancelled.id}`)).toEqual([]);
  });

  it("keeps the day sheet link and hides other teams' sessions from a facilitator", async () => {
    expect(
      await rolesLinking(`/sessions/${w.future.id}`, `/diary/day-sheet?team=${w.team.id}&date=${addDays(todayInLondon(), 40)}`),
    ).toEqual(["FACILITATOR", "COORDINATOR", "MANAGER", "ADMIN"]);
    const other = await makeSession(db, {
      programmeId: w.future.programmeId,
      venueId: w.venue.id,
      teamId: w.otherTeam.id,
      date: addDays(todayInLondon(), 41),
      start: "10:00",
      end: "11:00",
    });
    expect((await page(`/sessions/${other.id}`, "FACILITATOR")).status).toBe(404);
  });

  it("lists the session's invitations and the venue's answers", async () => {
    const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: w.venue.id } });
    expect((await page(`/sessions/${w.future.id}`, "COORDINATOR")).html).toContain("No invitations have been sent for this session.");
    await sendInvitation(users.COORDINATOR, { sessionId: w.future.id, contactIds: [contact.id] }, { ip: null, userAgent: "vitest" });
    const html = (await page(`/sessions/${w.future.id}`, "MANAGER")).html;
    expect(html).toContain("Alison Reid");
    expect(html).toContain("Waiting for reply");
    const loaded = await run(sessionRoute.loader, get(`/sessions/${w.future.id}`, await cookieFor(users.COORDINATOR, ["COORDINATOR"])), {
      sessionId: w.future.id,
    });
    expect(loaded.data).toMatchObject({
      invitations: { total: 1, items: [{ contactName: "Alison Reid", status: "PENDING" }] },
      actions: { invite: true },
    });
  });
});

describe("calendar feed links", () => {
  it("the venue page links to the venue's feed for those who manage venues", async () => {
    expect(await rolesLinking(`/venues/${w.venue.id}`, `/venues/${w.venue.id}/feed`)).toEqual(["COORDINATOR", "ADMIN"]);
  });

  it("the team list and team page link to the team's feed", async () => {
    expect(await rolesLinking("/teams", `/teams/${w.team.id}/feed`)).toEqual(["COORDINATOR", "ADMIN"]);
    expect(await rolesLinking(`/teams/${w.team.id}/edit`, `/teams/${w.team.id}/feed`)).toEqual(["COORDINATOR", "ADMIN"]);
  });

  it("every account page links to the user's own feed", async () => {
    expect(await rolesLinking("/account", "/account/feed")).toEqual(ROLES);
  });
});
