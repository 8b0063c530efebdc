import { describe, expect, it } from "vitest";
import * as venues from "~/routes/venues._index";
import * as newVenue from "~/routes/venues.new";
import * as venuePage from "~/routes/venues.$venueId._index";
import * as editVenue from "~/routes/venues.$venueId.edit";
import * as newContact from "~/routes/venues.$venueId.contacts.new";
import * as contact from "~/routes/venues.$venueId.contacts.$contactId";
import { db } from "~/utils/db.server";
import { makeProgramme, makeSession, makeTeam, makeVenue } from "../factories";
import { get, post, run, signedInAs } from "../setup/requests";

const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;

const SCHOOL = {
  kind: "SECONDARY_SCHOOL",
  name: "Northfield Academy",
  addressLine1: "1 School Lane",
  town: "Northfield",
  postcode: "nf1 3qa",
  urn: "880001",
  laCode: "353",
  numberOnRoll: "1200",
  year10Count: "230",
  statutoryLowAge: "11",
  statutoryHighAge: "18",
  hallCapacity: "250",
};

describe("venue pages and permissions", () => {
  it("lets facilitators and managers read but not change venues; leads see nothing", async () => {
    const venue = await makeVenue(db);
    for (const role of ["FACILITATOR", "MANAGER"] as const) {
      const { cookie } = await signedInAs([role]);
      expect((await run(venues.loader, get("/venues", cookie))).status).toBe(200);
      expect((await run(venuePage.loader, get(`/venues/${venue.id}`, cookie), { venueId: venue.id })).status).toBe(200);
      expect((await run(newVenue.action, post("/venues/new", SCHOOL, cookie))).status).toBe(403);
      expect((await run(venuePage.action, post(`/venues/${venue.id}`, { intent: "remove" }, cookie), { venueId: venue.id })).status).toBe(
        403,
      );
      expect(
        (
          await run(newContact.action, post(`/venues/${venue.id}/contacts/new`, { name: "X", email: "x@example.test" }, cookie), {
            venueId: venue.id,
          })
        ).status,
      ).toBe(403);
    }
    const { cookie: lead } = await signedInAs(["LEAD"]);
    expect((await run(venues.loader, get("/venues", lead))).status).toBe(403);
    expect((await run(venues.loader, get("/venues"))).status).toBe(302);
    expect(await db.venue.count({ where: { urn: SCHOOL.urn } })).toBe(0);
  });

  it("creates a school with a normalised postcode, and refuses a duplicate URN (422) without a second row", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const res = await run(newVenue.action, post("/venues/new", SCHOOL, cookie));
    expect(res.status).toBe(302);
    const saved = await db.venue.findUniqueOrThrow({ where: { urn: "880001" } });
    expect(saved).toMatchObject({ postcode: "NF1 3QA", numberOnRoll: 1200, year10Count: 230, laCode: "353", status: "OPEN" });
    const duplicate = await run(newVenue.action, post("/venues/new", { ...SCHOOL, name: "Copy" }, cookie));
    expect(duplicate.status).toBe(422);
    expect(errorsOf(duplicate.data).urn).toEqual(["URN 880001 is already used by Northfield Academy"]);
    const other = await makeVenue(db, { urn: "880002" });
    const dupOnEdit = await run(editVenue.action, post(`/venues/${other.id}/edit`, { ...SCHOOL, name: "Other" }, cookie), {
      venueId: other.id,
    });
    expect(dupOnEdit.status).toBe(422);
    expect(await db.venue.count({ where: { name: "Copy" } })).toBe(0);
  });

  it("refuses a malformed postcode and other bad fields (400), keeping the input", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const res = await run(
      newVenue.action,
      post(
        "/venues/new",
        {
          ...SCHOOL,
          urn: "12",
          postcode: "NF1 3Q",
          laCode: "35",
          statutoryLowAge: "16",
          statutoryHighAge: "11",
          phone: "call me",
          kind: "CASTLE",
        },
        cookie,
      ),
    );
    expect(res.status).toBe(400);
    expect(errorsOf(res.data)).toMatchObject({
      postcode: ["Enter a real postcode, like NF1 3QA"],
      urn: ["URN must be 5 to 7 digits, like 990101"],
      laCode: ["LA code must be 3 digits, like 353"],
      statutoryHighAge: ["Highest age must be the same as or more than the lowest age"],
      phone: ["Enter a phone number, like 01632 960 001"],
      kind: ["Select the kind of venue"],
    });
    expect((res.data as { values: Record<string, string> }).values.postcode).toBe("NF1 3Q");
    const missing = await run(newVenue.action, post("/venues/new", {}, cookie));
    expect(Object.keys(errorsOf(missing.data)).sort()).toEqual(["kind", "name", "postcode"]);
  });

  it("saves a grid reference, the year group's pupils and the school day by hand, and refuses each bad one saving nothing", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const venue = await makeVenue(db, { urn: "880003" });
    const edit = (fields: Record<string, string>) =>
      run(editVenue.action, post(`/venues/${venue.id}/edit`, { ...SCHOOL, urn: "880003", ...fields }, cookie), { venueId: venue.id });
    const bad: [Record<string, string>, Record<string, string[]>][] = [
      [{ easting: "700001", northing: "180381" }, { easting: ["Easting must be a whole number between 0 and 700000"] }],
      [{ easting: "530034", northing: "1300001" }, { northing: ["Northing must be a whole number between 0 and 1300000"] }],
      [{ easting: "530034.5", northing: "180381" }, { easting: ["Easting must be a whole number between 0 and 700000"] }],
      [{ easting: "530034" }, { northing: ["Enter the northing as well as the easting"] }],
      [{ northing: "180381" }, { easting: ["Enter the easting as well as the northing"] }],
      [{ cohort: "-1" }, { cohort: ["Pupils in the programme's year group must be a whole number between 0 and 20000"] }],
      [
        { dayStart: "25:00", dayEnd: "15:00" },
        { dayStart: ["Enter the time the school day starts in the 24-hour clock, like 09:00 or 15:15"] },
      ],
      [{ dayStart: "09:00" }, { dayEnd: ["Enter the time the school day ends as well as the time the school day starts"] }],
      [{ dayStart: "15:00", dayEnd: "09:00" }, { dayEnd: ["The school day must end after it starts"] }],
    ];
    for (const [fields, errors] of bad) {
      const res = await edit(fields);
      expect(res.status).toBe(400);
      expect(errorsOf(res.data)).toEqual(errors);
    }
    expect(await db.venue.findUniqueOrThrow({ where: { id: venue.id } })).toMatchObject({
      easting: null,
      northing: null,
      cohort: null,
      dayStart: null,
      dayEnd: null,
    });
    const saved = await edit({ easting: "530034", northing: "180381", cohort: "240", dayStart: "8.45", dayEnd: "15:30" });
    expect(saved.status).toBe(302);
    expect(await db.venue.findUniqueOrThrow({ where: { id: venue.id } })).toMatchObject({
      easting: 530034,
      northing: 180381,
      cohort: 240,
      dayStart: "08:45",
      dayEnd: "15:30",
    });
  });

  it("lists venues paginated, filtered by kind, status and LA, searched by name and sorted", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    for (let i = 0; i < 27; i++) await makeVenue(db, { kind: "TAXI_OPERATOR", name: `Cab ${String(i).padStart(2, "0")}`, laCode: "777" });
    const closed = await makeVenue(db, { kind: "TAXI_OPERATOR", name: "Cab closed", laCode: "777" });
    await db.venue.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
    type List = { venues: { items: { name: string }[]; total: number; pageCount: number } };
    const page1 = (await run(venues.loader, get("/venues?kind=TAXI_OPERATOR&laCode=777", cookie))).data as List;
    expect(page1.venues.total).toBe(28);
    expect(page1.venues.items).toHaveLength(25);
    expect(page1.venues.items[0].name).toBe("Cab 00");
    const desc = (await run(venues.loader, get("/venues?kind=TAXI_OPERATOR&laCode=777&sort=-name&page=2", cookie))).data as List;
    expect(desc.venues.items.map((v) => v.name)).toEqual(["Cab 02", "Cab 01", "Cab 00"]);
    const onlyClosed = (await run(venues.loader, get("/venues?laCode=777&status=CLOSED", cookie))).data as List;
    expect(onlyClosed.venues.items.map((v) => v.name)).toEqual(["Cab closed"]);
    const search = (await run(venues.loader, get("/venues?q=cab%2013", cookie))).data as List;
    expect(search.venues.items.map((v) => v.name)).toEqual(["Cab 13"]);
    // Garbage filters are ignored, never a 500.
    const garbage = await run(venues.loader, get("/venues?kind=CASTLE&status=%00&laCode=abc&sort=drop%20table&page=-3", cookie));
    expect(garbage.status).toBe(200);
  });

  it("shows the venue page with this week's availability, and 404 for an unknown venue", async () => {
    const { cookie } = await signedInAs(["FACILITATOR"]);
    const venue = await makeVenue(db, { kind: "SECONDARY_SCHOOL" });
    const res = await run(venuePage.loader, get(`/venues/${venue.id}?week=2026-10-28`, cookie), { venueId: venue.id });
    const page = (
      res.data as { page: { weekStart: string; week: { date: string; availability: { available: boolean; kind?: string } }[] } }
    ).page;
    expect(page.weekStart).toBe("2026-10-26");
    expect(page.week.map((d) => d.date)).toEqual([
      "2026-10-26",
      "2026-10-27",
      "2026-10-28",
      "2026-10-29",
      "2026-10-30",
      "2026-10-31",
      "2026-11-01",
    ]);
    expect(page.week[5].availability).toMatchObject({ available: false, kind: "WEEKEND" });
    expect((await run(venuePage.loader, get("/venues/nope", cookie), { venueId: "nope" })).status).toBe(404);
    expect((await run(venuePage.loader, get(`/venues/${venue.id}?week=garbage`, cookie), { venueId: venue.id })).status).toBe(200);
  });

  it("archives a venue with sessions instead of deleting it, and deletes one without", async () => {
    const { cookie, user } = await signedInAs(["COORDINATOR"]);
    const used = await makeVenue(db);
    await makeSession(db, {
      programmeId: (await makeProgramme(db)).id,
      teamId: (await makeTeam(db)).id,
      venueId: used.id,
      date: "2026-11-10",
      start: "09:30",
      end: "11:00",
    });
    expect((await run(venuePage.action, post(`/venues/${used.id}`, { intent: "remove" }, cookie), { venueId: used.id })).status).toBe(302);
    expect((await db.venue.findUniqueOrThrow({ where: { id: used.id } })).archivedAt).not.toBeNull();
    const unused = await makeVenue(db);
    expect((await run(venuePage.action, post(`/venues/${unused.id}`, { intent: "remove" }, cookie), { venueId: unused.id })).status).toBe(
      302,
    );
    expect(await db.venue.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: { in: ["venue.archive", "venue.delete"] } } })).toBe(2);
    expect((await run(venuePage.action, post(`/venues/${used.id}`, { intent: "restore" }, cookie), { venueId: used.id })).status).toBe(302);
    expect((await db.venue.findUniqueOrThrow({ where: { id: used.id } })).archivedAt).toBeNull();
    expect((await run(venuePage.action, post(`/venues/${used.id}`, { intent: "nuke" }, cookie), { venueId: used.id })).status).toBe(400);
  });
});

describe("contacts", () => {
  it("keeps exactly one primary contact as contacts are added, changed and removed", async () => {
    const { cookie } = await signedInAs(["COORDINATOR"]);
    const venue = await makeVenue(db);
    const add = (fields: Record<string, string>) =>
      run(newContact.action, post(`/venues/${venue.id}/contacts/new`, fields, cookie), { venueId: venue.id });
    expect((await add({ name: "Alison Reid", role: "DSL", email: "Alison@School.example" })).status).toBe(302);
    expect((await add({ name: "Mark Ellis", role: "Head of Year 10", phone: "01632 960 123" })).status).toBe(302);
    const primaries = async () =>
      (await db.venueContact.findMany({ where: { venueId: venue.id, isPrimary: true, archivedAt: null } })).map((c) => c.name);
    expect(await primaries()).toEqual(["Alison Reid"]);
    const mark = await db.venueContact.findFirstOrThrow({ where: { name: "Mark Ellis", venueId: venue.id } });
    const params = { venueId: venue.id, contactId: mark.id };
    expect(
      (
        await run(
          contact.action,
          post(
            `/venues/${venue.id}/contacts/${mark.id}`,
            { intent: "update", name: "Mark Ellis", phone: "01632 960 123", isPrimary: "on" },
            cookie,
          ),
          params,
        )
      ).status,
    ).toBe(302);
    expect(await primaries()).toEqual(["Mark Ellis"]);
    expect((await run(contact.action, post(`/venues/${venue.id}/contacts/${mark.id}`, { intent: "remove" }, cookie), params)).status).toBe(
      302,
    );
    expect(await primaries()).toEqual(["Alison Reid"]);
    expect((await db.venueContact.findUniqueOrThrow({ where: { id: mark.id } })).archivedAt).not.toBeNull();
    expect((await db.venueContact.findFirstOrThrow({ where: { name: "Alison Reid" } })).email).toBe("alison@school.example");
  });

  it("refuses a contact with no way to reach them or a bad email, and 404s a contact of another venue", async () => {
    const { cookie } = await signedInAs(["ADMIN"]);
    const venue = await makeVenue(db);
    const res = await run(newContact.action, post(`/venues/${venue.id}/contacts/new`, { name: "", email: "" }, cookie), {
      venueId: venue.id,
    });
    expect(res.status).toBe(400);
    expect(errorsOf(res.data)).toEqual({ name: ["Enter the contact's name"], email: ["Enter an email address or a phone number"] });
    const badEmail = await run(newContact.action, post(`/venues/${venue.id}/contacts/new`, { name: "A", email: "not-an-email" }, cookie), {
      venueId: venue.id,
    });
    expect(errorsOf(badEmail.data).email[0]).toMatch(/correct format/);
    const other = await makeVenue(db, { contact: { name: "Elsewhere", role: "DSL", email: "e@example.test" } });
    const theirs = await db.venueContact.findFirstOrThrow({ where: { venueId: other.id } });
    expect(
      (await run(contact.loader, get(`/venues/${venue.id}/contacts/${theirs.id}`, cookie), { venueId: venue.id, contactId: theirs.id }))
        .status,
    ).toBe(404);
    expect(
      (
        await run(contact.action, post(`/venues/${venue.id}/contacts/${theirs.id}`, { intent: "remove" }, cookie), {
          venueId: venue.id,
          contactId: theirs.id,
        })
      ).status,
    ).toBe(404);
    expect(await db.venueContact.count({ where: { venueId: venue.id } })).toBe(0);
  });
});
