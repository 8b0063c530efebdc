import { describe, expect, it } from "vitest";
import * as programmes from "~/routes/programmes._index";
import * as newProgramme from "~/routes/programmes.new";
import * as programme from "~/routes/programmes.$programmeId._index";
import * as editProgramme from "~/routes/programmes.$programmeId.edit";
import * as teams from "~/routes/teams._index";
import * as newTeam from "~/routes/teams.new";
import * as editTeam from "~/routes/teams.$teamId.edit";
import { db } from "~/utils/db.server";
import { makeProgramme, makeTeam, makeUser } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";

const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;

const PLAY = {
  name: "Somebody's Sister, Somebody's Daughter",
  kind: "SCHOOL_PLAY",
  provider: "Open Door Theatre",
  audienceType: "PUPILS",
  yearGroups: ["9", "10"],
  defaultDurationMinutes: "90",
  capacity: "240",
  getInMinutes: "60",
  getOutMinutes: "45",
};

describe("programmes", () => {
  it("is refused to roles without the permission, and anonymous users are sent to sign in", async () => {
    expect((await run(programmes.loader, get("/programmes"))).status).toBe(302);
    const { cookie: lead } = await signedInAs(["LEAD"]);
    expect((await run(programmes.loader, get("/programmes", lead))).status).toBe(403);
    for (const role of ["FACILITATOR", "MANAGER", "LEAD"] as const) {
      const { cookie } = await signedInAs([role]);
      expect((await run(newProgramme.loader, get("/programmes/new", cookie))).status).toBe(403);
      expect((await run(newProgramme.action, post("/programmes/new", PLAY, cookie))).status).toBe(403);
    }
    const { cookie: facilitator } = await signedInAs(["FACILITATOR"]);
    expect((await run(programmes.loader, get("/programmes", facilitator))).status).toBe(200);
    expect(await db.programme.count({ where: { name: PLAY.name } })).toBe(0);
  });

  it("lets a coordinator add, edit and archive a programme, with audit rows", async () => {
    const { cookie, user } = await signedInAs(["COORDINATOR"]);
    const created = await run(newProgramme.action, post("/programmes/new", PLAY, cookie));
    expect(created.status).toBe(302);
    const saved = await db.programme.findFirstOrThrow({ where: { name: PLAY.name } });
    expect(saved).toMatchObject({
      kind: "SCHOOL_PLAY",
      yearGroups: "9,10",
      defaultDurationMinutes: 90,
      capacity: 240,
      getInMinutes: 60,
      getOutMinutes: 45,
      refresherMonths: null,
    });
    expect(created.headers.get("Location")).toBe(`/programmes/${saved.id}`);

    const edited = await run(
      editProgramme.action,
      post(
        `/programmes/${saved.id}/edit`,
        { ...PLAY, audienceType: "DRIVERS", yearGroups: [], kind: "DRIVER_TRAINING", refresherMonths: "36" },
        cookie,
      ),
      { programmeId: saved.id },
    );
    expect(edited.status).toBe(302);
    expect(await db.programme.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({
      audienceType: "DRIVERS",
      yearGroups: null,
      refresherMonths: 36,
    });

    expect(
      (await run(programme.action, post(`/programmes/${saved.id}`, { intent: "archive" }, cookie), { programmeId: saved.id })).status,
    ).toBe(302);
    expect((await db.programme.findUniqueOrThrow({ where: { id: saved.id } })).archivedAt).not.toBeNull();
    const list = await run(programmes.loader, get("/programmes", cookie));
    expect((list.data as { programmes: { items: { id: string }[] } }).programmes.items.map((p) => p.id)).not.toContain(saved.id);
    const actions = (await db.auditEvent.findMany({ where: { entityId: saved.id, actorId: user.id }, orderBy: { at: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["programme.create", "programme.update", "programme.archive"]);
  });

  it("explains every problem and keeps the input (400), and gives 404 for an unknown programme", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const res = await run(
      newProgramme.action,
      post(
        "/programmes/new",
        { name: "", kind: "MAGIC", audienceType: "PUPILS", defaultDurationMinutes: "ninety", capacity: "-5", getInMinutes: "1.5" },
        cookie,
      ),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(errorsOf(res.data)).sort()).toEqual([
      "capacity",
      "defaultDurationMinutes",
      "getInMinutes",
      "kind",
      "name",
      "yearGroups",
    ]);
    expect((res.data as { values: Record<string, string> }).values.defaultDurationMinutes).toBe("ninety");
    expect((await run(editProgramme.loader, get("/programmes/nope/edit", cookie), { programmeId: "nope" })).status).toBe(404);
    expect((await run(programme.action, post("/programmes/nope", { intent: "archive" }, cookie), { programmeId: "nope" })).status).toBe(
      404,
    );
    const p = await makeProgramme(db);
    expect((await run(programme.action, post(`/programmes/${p.id}`, { intent: "explode" }, cookie), { programmeId: p.id })).status).toBe(
      400,
    );
  });
});

describe("teams", () => {
  it("is for coordinators and admins only", async () => {
    for (const role of ["FACILITATOR", "MANAGER", "LEAD"] as const) {
      const { cookie } = await signedInAs([role]);
      expect((await run(teams.loader, get("/teams", cookie))).status).toBe(403);
      expect((await run(newTeam.action, post("/teams/new", { name: "T", sessionsPerDay: "2", workingWeekdays: "1" }, cookie))).status).toBe(
        403,
      );
    }
  });

  it("creates a team with facilitator members, weekdays and a normalised base postcode", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const actor = await makeUser(db, { roles: ["FACILITATOR"], name: "Ada Actor" });
    const res = await run(
      newTeam.action,
      post(
        "/teams/new",
        {
          name: "Open Door tour",
          provider: "Open Door",
          sessionsPerDay: "3",
          workingWeekdays: ["2", "1", "3"],
          basePostcode: "nf1 3qa",
          memberIds: actor.id,
        },
        cookie,
      ),
    );
    expect(res.status).toBe(302);
    const team = await db.team.findFirstOrThrow({ where: { name: "Open Door tour" }, include: { members: true } });
    expect(team).toMatchObject({ sessionsPerDay: 3, workingWeekdays: "1,2,3", basePostcode: "NF1 3QA" });
    expect(team.members.map((m) => m.userId)).toEqual([actor.id]);

    const other = await makeUser(db, { roles: ["FACILITATOR"] });
    const edited = await run(
      editTeam.action,
      post(
        `/teams/${team.id}/edit`,
        { name: "Open Door tour", sessionsPerDay: "2", workingWeekdays: ["1", "2", "3", "4", "5"], memberIds: [other.id] },
        cookie,
      ),
      { teamId: team.id },
    );
    expect(edited.status).toBe(302);
    expect((await db.teamMember.findMany({ where: { teamId: team.id } })).map((m) => m.userId)).toEqual([other.id]);
  });

  it("saves a base's grid reference, and refuses one out of range or half given, saving nothing", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const team = await makeTeam(db);
    const edit = (fields: Record<string, string>) =>
      run(
        editTeam.action,
        post(`/teams/${team.id}/edit`, { name: "Base tour", sessionsPerDay: "2", workingWeekdays: ["1", "2"], ...fields }, cookie),
        { teamId: team.id },
      );
    const bad: [Record<string, string>, Record<string, string[]>][] = [
      [{ baseEasting: "-1", baseNorthing: "180381" }, { baseEasting: ["Easting must be a whole number between 0 and 700000"] }],
      [{ baseEasting: "530034", baseNorthing: "1300001" }, { baseNorthing: ["Northing must be a whole number between 0 and 1300000"] }],
      [{ baseEasting: "530034" }, { baseNorthing: ["Enter the northing as well as the easting"] }],
      [{ baseNorthing: "180381" }, { baseEasting: ["Enter the easting as well as the northing"] }],
    ];
    for (const [fields, errors] of bad) {
      const res = await edit(fields);
      expect(res.status).toBe(400);
      expect((res.data as { errors: Record<string, string[]> }).errors).toEqual(errors);
    }
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ baseEasting: null, baseNorthing: null });
    expect((await edit({ baseEasting: "530034", baseNorthing: "180381" })).status).toBe(302);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ baseEasting: 530034, baseNorthing: 180381 });
  });

  it("refuses a malformed postcode, no working days and a member who is not a facilitator", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const bad = await run(newTeam.action, post("/teams/new", { name: "Bad", sessionsPerDay: "0", basePostcode: "NOT A POSTCODE" }, cookie));
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.data)).toMatchObject({
      basePostcode: ["Enter a real base postcode, like NF1 3QA"],
      workingWeekdays: ["Select the days the team works"],
      sessionsPerDay: ["Sessions per day must be a whole number between 1 and 6"],
    });
    const manager = await makeUser(db, { roles: ["MANAGER"] });
    const notFacilitator = await run(
      newTeam.action,
      post(
        "/teams/new",
        { name: "Bad members", sessionsPerDay: "2", workingWeekdays: "1", memberIds: [manager.id, "no-such-user"] },
        cookie,
      ),
    );
    expect(notFacilitator.status).toBe(422);
    expect(errorsOf(notFacilitator.data).memberIds[0]).toMatch(/facilitator role/);
    expect(await db.team.count({ where: { name: { startsWith: "Bad" } } })).toBe(0);
    const team = await makeTeam(db);
    expect((await run(editTeam.loader, get("/teams/x/edit", cookie), { teamId: "x" })).status).toBe(404);
    expect((await run(editTeam.loader, get(`/teams/${team.id}/edit`, cookie), { teamId: team.id })).status).toBe(200);
  });
});
