// Each role's home figures, counted in the database, against a world where every figure has a known answer.
import { beforeAll, describe, expect, it } from "vitest";
import { homeSummary, type HomePanel } from "~/models/home.server";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";
import { makeAcademicYear, makeDisclosure, makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

const now = new Date("2027-03-10T12:00:00Z"); // Wednesday; the 2026 to 2027 academic year
let users: Record<Role, { id: string; roles: Role[] }>;

beforeAll(async () => {
  const teamA = await makeTeam(db, { name: "Team A" });
  const teamB = await makeTeam(db, { name: "Team B" });
  users = {} as typeof users;
  for (const role of ["FACILITATOR", "COORDINATOR", "MANAGER", "LEAD", "ADMIN"] as Role[]) {
    const user = await makeUser(db, { roles: [role], teamId: role === "FACILITATOR" ? teamA.id : undefined });
    users[role] = { id: user.id, roles: [role] };
  }
  await makeAcademicYear(db, { name: "2026 to 2027", startDate: "2026-09-01", endDate: "2027-08-31" });
  const play = await makeProgramme(db);
  const school = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Northfield Academy" });
  const college = await makeVenue(db, { kind: "COLLEGE", name: "Riverside College" });
  const closed = await makeVenue(db, { kind: "SECONDARY_SCHOOL", name: "Closed School" });
  await db.venue.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
  await makeVenue(db, { kind: "SPECIAL_SCHOOL", name: "Special School" });
  const hall = await makeVenue(db, { kind: "COMMUNITY_VENUE", name: "Community Hall" });

  type Status = "PROVISIONAL" | "INVITED" | "CONFIRMED" | "DELIVERED" | "CANCELLED";
  const session = async (teamId: string, venueId: string, date: string, status: Status, pupils: number[] = []) => {
    const s = await makeSession(db, { programmeId: play.id, venueId, teamId, date, start: "10:00", end: "11:00", status });
    if (pupils.length)
      await db.attendanceCount.createMany({ data: pupils.map((count, i) => ({ sessionId: s.id, yearGroup: String(9 + i), count })) });
    return s;
  };
  await session(teamA.id, school.id, "2027-03-12", "PROVISIONAL"); // within the week
  await session(teamA.id, school.id, "2027-04-20", "PROVISIONAL");
  await session(teamA.id, school.id, "2027-04-21", "INVITED");
  await session(teamA.id, school.id, "2027-04-22", "CONFIRMED");
  await session(teamA.id, school.id, "2027-03-09", "CONFIRMED"); // took place, attendance not recorded
  await session(teamA.id, school.id, "2027-03-01", "DELIVERED", [30, 25]);
  await session(teamA.id, school.id, "2027-03-02", "CANCELLED");
  await session(teamB.id, college.id, "2027-03-11", "CONFIRMED");
  await session(teamB.id, college.id, "2026-06-15", "DELIVERED", [100]); // last academic year
  await session(teamB.id, hall.id, "2026-10-05", "DELIVERED", [40]);
  await db.outboxMessage.create({ data: { to: "x@example.test", subject: "Failed", text: "x", status: "FAILED" } });

  const lead = users.LEAD.id;
  const high = await makeDisclosure(db, { receivedById: lead, risk: "HIGH" });
  await makeDisclosure(db, { receivedById: lead, risk: "HIGH", status: "MONITORING" });
  await makeDisclosure(db, { receivedById: lead, risk: "HIGH", status: "CLOSED" });
  await makeDisclosure(db, { receivedById: lead, risk: "MEDIUM", status: "REFERRED" });
  const action = (dueDate: string, doneDate: string | null = null) =>
    db.disclosureAction.create({
      data: { disclosureId: high.id, description: "Follow up", ownerId: lead, dueDate, doneDate, createdById: lead },
    });
  await action("2027-03-01");
  await action("2027-03-01", "2027-03-02");
  await action("2027-03-20");
});

const figures = (panels: HomePanel[], title: string | RegExp) => {
  const panel = panels.find((p) => (typeof title === "string" ? p.title === title : title.test(p.title)));
  if (!panel) throw new Error(`no panel ${title} in ${panels.map((p) => p.title).join(", ")}`);
  return Object.fromEntries(panel.figures.map((f) => [f.label, f.of === undefined ? f.value : `${f.value} of ${f.of}`]));
};

describe("home figures", () => {
  it("coordinator: the booking pipeline, failed emails and sessions awaiting attendance", async () => {
    const panels = await homeSummary(users.COORDINATOR, now);
    expect(figures(panels, "Bookings")).toEqual({
      "Provisional sessions to invite": 2,
      "Invitations awaiting a reply": 1,
      "Confirmed sessions to come": 2,
      "Emails that failed to send": 1,
      "Sessions awaiting attendance": 1,
      "Tour plans in draft": 0,
    });
    expect(figures(panels, "Reference data")["Open secondary schools and colleges"]).toBe(2);
    expect(panels.map((p) => p.title)).not.toContain("Disclosures");
  });

  it("facilitator: their own team only", async () => {
    const panels = await homeSummary(users.FACILITATOR, now);
    expect(panels.map((p) => p.title)).toEqual(["Your team"]);
    expect(figures(panels, "Your team")).toEqual({
      "Sessions in the next 7 days": 1,
      "Sessions booked to come": 4,
      "Sessions delivered": 1,
      "Sessions awaiting attendance": 1,
    });
  });

  it("manager: pupils, sessions and schools reached this academic year", async () => {
    const panels = await homeSummary(users.MANAGER, now);
    expect(panels.map((p) => p.title)).toEqual(["Reach this academic year (2026 to 2027)"]);
    expect(figures(panels, /^Reach/)).toEqual({
      "Pupils reached": 95,
      "Sessions delivered": 2,
      "Open secondary schools and colleges reached": "1 of 2",
    });
  });

  it("manager: without a council calendar the year runs from 1 September", async () => {
    const later = await homeSummary(users.MANAGER, new Date("2031-10-01T12:00:00Z"));
    expect(later[0].title).toBe("Reach this academic year (2031 to 2032)");
    expect(figures(later, /^Reach/)["Sessions delivered"]).toBe(0);
  });

  it("lead: open disclosures by risk and overdue actions, and nothing about bookings", async () => {
    const panels = await homeSummary(users.LEAD, now);
    expect(panels.map((p) => p.title)).toEqual(["Disclosures"]);
    expect(figures(panels, "Disclosures")).toEqual({
      "Open high-risk disclosures": 2,
      "Open medium-risk disclosures": 1,
      "Open low-risk disclosures": 0,
      "Overdue follow-up actions": 1,
    });
  });

  it("admin: bookings and the system, no disclosures", async () => {
    const titles = (await homeSummary(users.ADMIN, now)).map((p) => p.title);
    expect(titles).toEqual(["Bookings", "Reference data", "System"]);
  });
});
