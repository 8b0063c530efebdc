// Twenty coordinators press "Book session" at the same moment for overlapping slots: exactly one booking may win.
// The requests go over real HTTP to three servers on loopback ports (this process and two child processes, each with
// its own database connection), which hand them to the real booking action against the test database: SQLite here,
// PostgreSQL when TEST_DATABASE_URL is set.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { makeProgramme, makeSession, makeTeam, makeVenue } from "../factories";
import { startBookingServer } from "../setup/booking-server";
import { signedInAs } from "../setup/requests";

const bases: string[] = [];
const children: ChildProcess[] = [];
let closeLocal: () => Promise<void>;

async function startChild(): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/setup/booking-server.ts"], {
    env: { ...process.env, NODE_ENV: "test", TZ: "UTC" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
  return `http://127.0.0.1:${chunk.toString().trim()}`;
}

beforeAll(async () => {
  const local = await startBookingServer();
  closeLocal = local.close;
  bases.push(`http://127.0.0.1:${local.port}`, ...(await Promise.all([startChild(), startChild()])));
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill();
  await closeLocal();
});

async function fire(requests: { cookie: string; fields: Record<string, string>; path?: string }[]) {
  return Promise.all(
    requests.map(({ cookie, fields, path }, i) =>
      fetch(`${bases[i % bases.length]}${path ?? "/sessions/new"}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: "http://127.0.0.1" },
        body: new URLSearchParams(fields).toString(),
      }).then((r) => r.status),
    ),
  );
}

describe("concurrent bookings", () => {
  it("lets exactly one of 20 simultaneous overlapping bookings of one team succeed", async () => {
    const coordinators = await Promise.all([0, 1, 2, 3].map(() => signedInAs(["COORDINATOR"])));
    const programme = await makeProgramme(db, { getInMinutes: 0, getOutMinutes: 0 });
    const team = await makeTeam(db, { sessionsPerDay: 30 });
    const venues = await Promise.all(Array.from({ length: 20 }, () => makeVenue(db, { kind: "COMMUNITY_VENUE" })));
    // Every slot contains 10:19–11:00, so any two of them clash; each is at a different venue so only the team rule decides.
    const statuses = await fire(
      venues.map((venue, i) => ({
        cookie: coordinators[i % 4].cookie,
        fields: {
          programmeId: programme.id,
          venueId: venue.id,
          teamId: team.id,
          dateDay: "10",
          dateMonth: "3",
          dateYear: "2027",
          startTime: `10:${String(i).padStart(2, "0")}`,
          endTime: `11:${String(i).padStart(2, "0")}`,
          expectedPupils: "50",
        },
      })),
    );
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(19);
    expect(await db.session.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("lets exactly one of 20 simultaneous bookings of one venue's hall by different teams succeed", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const programme = await makeProgramme(db, { getInMinutes: 30, getOutMinutes: 30 });
    const venue = await makeVenue(db, { kind: "COMMUNITY_VENUE" });
    const teams = await Promise.all(Array.from({ length: 20 }, () => makeTeam(db)));
    const statuses = await fire(
      teams.map((team) => ({
        cookie,
        fields: {
          programmeId: programme.id,
          venueId: venue.id,
          teamId: team.id,
          dateDay: "11",
          dateMonth: "3",
          dateYear: "2027",
          startTime: "13:00",
          endTime: "14:30",
        },
      })),
    );
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(19);
    expect(await db.session.count({ where: { venueId: venue.id } })).toBe(1);
  });

  it("lets exactly one of 12 simultaneous moves of different sessions into one team's slot succeed", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const programme = await makeProgramme(db, { getInMinutes: 0, getOutMinutes: 0 });
    const team = await makeTeam(db, { sessionsPerDay: 30 });
    const venues = await Promise.all(Array.from({ length: 12 }, () => makeVenue(db, { kind: "COMMUNITY_VENUE" })));
    const sessions = await Promise.all(
      venues.map((venue, i) =>
        makeSession(db, {
          programmeId: programme.id,
          venueId: venue.id,
          teamId: team.id,
          date: `2027-04-${String(13 + (i % 3)).padStart(2, "0")}`,
          start: `${String(8 + Math.floor(i / 3) * 3).padStart(2, "0")}:00`,
          end: `${String(9 + Math.floor(i / 3) * 3).padStart(2, "0")}:00`,
        }),
      ),
    );
    const statuses = await fire(
      sessions.map((s, i) => ({
        cookie,
        path: `/sessions/${s.id}/move`,
        fields: {
          venueId: venues[i].id,
          teamId: team.id,
          dateDay: "19",
          dateMonth: "4",
          dateYear: "2027",
          startTime: "10:00",
          endTime: "11:00",
        },
      })),
    );
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(11);
    expect(
      await db.session.count({
        where: { teamId: team.id, startsAt: { gte: new Date("2027-04-19T00:00:00Z"), lt: new Date("2027-04-20T00:00:00Z") } },
      }),
    ).toBe(1);
  });
});
