import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import * as attendance from "~/routes/sessions.$sessionId.attendance";
import * as register from "~/routes/sessions.$sessionId.register._index";
import * as addPerson from "~/routes/sessions.$sessionId.register.add";
import * as importRows from "~/routes/sessions.$sessionId.register.import";
import * as signInSheet from "~/routes/sessions.$sessionId.register.sign-in-sheet";
import * as sessionCertificates from "~/routes/sessions.$sessionId.certificates";
import * as certificate from "~/routes/certificates.$certificateId";
import * as verify from "~/routes/certificates.verify.$number";
import * as people from "~/routes/people._index";
import * as person from "~/routes/people.$personId";
import * as refreshers from "~/routes/refreshers._index";
import * as refreshersCsv from "~/routes/refreshers[.csv]";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";
import { addDays, todayInLondon } from "~/utils/time";
import { makePerson, makeRegisterEntry, makeVenue } from "../factories";
import { cookieFor, get, post, run, signedInAs } from "../setup/requests";
import { attendanceWorld, nextWeek, pdfText } from "./attendance-fixtures";

let w: Awaited<ReturnType<typeof attendanceWorld>>;
const cookies = {} as Record<"anon" | "facilitator" | "outsider" | "coordinator" | "manager" | "lead" | "admin", string | undefined>;

beforeAll(async () => {
  w = await attendanceWorld();
  cookies.anon = undefined;
  cookies.facilitator = await cookieFor(w.users.facilitator, ["FACILITATOR"]);
  cookies.outsider = await cookieFor(w.users.outsider, ["FACILITATOR"]);
  cookies.coordinator = await cookieFor(w.users.coordinator, ["COORDINATOR"]);
  cookies.manager = await cookieFor(w.users.manager, ["MANAGER"]);
  cookies.lead = (await signedInAs(["LEAD" as Role])).cookie;
  cookies.admin = (await signedInAs(["ADMIN" as Role])).cookie;
  // The CSV fixture names these operators.
  for (const name of ["Northfield Cars Ltd", "A1 Private Hire"]) {
    if (!(await db.venue.findFirst({ where: { name, kind: "TAXI_OPERATOR" } }))) await makeVenue(db, { kind: "TAXI_OPERATOR", name });
  }
});

const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;
const status = async (handler: unknown, request: Request, params: Record<string, string>) => (await run(handler, request, params)).status;

function upload(
  path: string,
  fields: Record<string, string>,
  file: { name: string; content: string | Uint8Array<ArrayBuffer> } | null,
  cookie?: string,
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append("file", new File([file.content], file.name, { type: "text/csv" }));
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { Origin: "http://localhost", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

describe("attendance page", () => {
  it("answers each role as expected and keeps managers read-only", async () => {
    const s = await w.session(w.play.id, w.school.id);
    const path = `/sessions/${s.id}/attendance`;
    const params = { sessionId: s.id };
    const expected = { anon: 302, lead: 403, outsider: 404, facilitator: 200, coordinator: 200, manager: 200, admin: 200 } as const;
    for (const [who, code] of Object.entries(expected))
      expect(await status(attendance.loader, get(path, cookies[who as keyof typeof cookies]), params)).toBe(code);
    const managerView = (await run(attendance.loader, get(path, cookies.manager), params)).data as { canRecord: boolean };
    expect(managerView.canRecord).toBe(false);
    const body = { intent: "pupils", "count-Y10-GIRL": "10" };
    expect(await status(attendance.action, post(path, body, cookies.manager), params)).toBe(403);
    expect(await status(attendance.action, post(path, body, cookies.lead), params)).toBe(403);
    expect(await status(attendance.action, post(path, body, cookies.outsider), params)).toBe(404);
    expect(await status(attendance.action, post(path, body), params)).toBe(302);
    expect(await db.attendanceCount.count({ where: { sessionId: s.id } })).toBe(0);
    expect(await status(attendance.loader, get("/sessions/nope/attendance", cookies.coordinator), { sessionId: "nope" })).toBe(404);
  });

  it("refuses negative, fractional, non-numeric and unknown year-group counts with 400 and keeps the input", async () => {
    const s = await w.session(w.play.id, w.school.id);
    const path = `/sessions/${s.id}/attendance`;
    const params = { sessionId: s.id };
    const bad = await run(
      attendance.action,
      post(
        path,
        { intent: "pupils", "count-Y10-GIRL": "-3", "count-Y10-BOY": "2.5", "count-Y11-NOT_RECORDED": "lots", adultsPresent: "-1" },
        cookies.facilitator,
      ),
      params,
    );
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.data)).toMatchObject({
      "count-Y10-GIRL": ["Enter the number of girls in Year 10 as a whole number, 0 or more"],
      "count-Y10-BOY": ["Enter the number of boys in Year 10 as a whole number, 0 or more"],
      "count-Y11-NOT_RECORDED": ["Enter the number of other or not recorded in Year 11 as a whole number, 0 or more"],
      adultsPresent: ["Enter the number of adults present as a whole number, 0 or more"],
    });
    expect((bad.data as { values: Record<string, string> }).values["count-Y10-GIRL"]).toBe("-3");
    const unknown = await run(attendance.action, post(path, { intent: "pupils", "count-Y14-GIRL": "3" }, cookies.facilitator), params);
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown.data)[""]).toEqual(["Record pupils in Year 5 to Year 13 only"]);
    const garbage = await run(attendance.action, post(path, { intent: "dance" }, cookies.facilitator), params);
    expect(garbage.status).toBe(400);
    const empty = await run(attendance.action, post(path, { intent: "pupils" }, cookies.facilitator), params);
    expect(empty.status).toBe(422);
    expect(await db.attendanceCount.count({ where: { sessionId: s.id } })).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("CONFIRMED");
  });

  it("asks to confirm a total over the venue's capacity, then saves and marks delivered", async () => {
    const s = await w.session(w.play.id, w.school.id);
    const path = `/sessions/${s.id}/attendance`;
    const params = { sessionId: s.id };
    const body = { intent: "pupils", "count-Y10-GIRL": "120", "count-Y10-BOY": "100", "count-Y9-NOT_RECORDED": "0", adultsPresent: "8" };
    const over = await run(attendance.action, post(path, body, cookies.facilitator), params);
    expect(over.status).toBe(422);
    expect(errorsOf(over.data).confirmOverCapacity?.[0]).toContain("228 people is more than the venue's capacity of 200");
    const saved = await run(attendance.action, post(path, { ...body, confirmOverCapacity: "yes" }, cookies.facilitator), params);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(path);
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("DELIVERED");
    const view = (await run(attendance.loader, get(path, cookies.manager), params)).data as {
      pupilTotal: number;
      byYearGroup: { label: string; total: number }[];
    };
    expect(view.pupilTotal).toBe(220);
    expect(view.byYearGroup).toEqual([
      { yearGroup: "Y9", label: "Year 9", total: 0 },
      { yearGroup: "Y10", label: "Year 10", total: 220 },
    ]);
  });

  it("records a stall's headcount and refuses a future or cancelled session with 422", async () => {
    const s = await w.session(w.stall.id, w.hall.id);
    const ok = await run(
      attendance.action,
      post(
        `/sessions/${s.id}/attendance`,
        { intent: "headcount", headcount: "25", conversations: "7", leafletsGiven: "30" },
        cookies.coordinator,
      ),
      { sessionId: s.id },
    );
    expect(ok.status).toBe(302);
    const missing = await run(attendance.action, post(`/sessions/${s.id}/attendance`, { intent: "headcount" }, cookies.coordinator), {
      sessionId: s.id,
    });
    expect(missing.status).toBe(400);
    expect(errorsOf(missing.data).headcount).toEqual(["Enter the number of people who came, 0 or more"]);
    const future = await w.session(w.stall.id, w.hall.id, nextWeek());
    expect(
      await status(
        attendance.action,
        post(`/sessions/${future.id}/attendance`, { intent: "headcount", headcount: "5" }, cookies.coordinator),
        { sessionId: future.id },
      ),
    ).toBe(422);
    const cancelled = await w.session(w.stall.id, w.hall.id, undefined, { status: "CANCELLED" });
    expect(
      await status(
        attendance.action,
        post(`/sessions/${cancelled.id}/attendance`, { intent: "headcount", headcount: "5" }, cookies.coordinator),
        { sessionId: cancelled.id },
      ),
    ).toBe(422);
  });
});

describe("register pages", () => {
  it("builds a driver register from the CSV fixture, refusing duplicates and wrong columns", async () => {
    const s = await w.session(w.drivers.id, w.hall.id, nextWeek());
    const path = `/sessions/${s.id}/register/import`;
    const params = { sessionId: s.id };
    const fixture = (name: string) => ({ name, content: readFileSync(`tests/fixtures/registers/${name}`, "utf8") });
    expect(await status(importRows.action, upload(path, {}, fixture("drivers.csv"), cookies.facilitator), params)).toBe(403);
    expect(await status(importRows.action, upload(path, {}, fixture("drivers.csv"), cookies.manager), params)).toBe(403);
    const wrong = await run(importRows.action, upload(path, {}, fixture("wrong-columns.csv"), cookies.coordinator), params);
    expect(wrong.status).toBe(422);
    expect(errorsOf(wrong.data).file[0]).toContain('"Forename", "Surname", "Badge" not recognised');
    const duplicate = await run(importRows.action, upload(path, {}, fixture("drivers-duplicate-licence.csv"), cookies.coordinator), params);
    expect(duplicate.status).toBe(422);
    expect(errorsOf(duplicate.data)["row-3"]).toEqual(["Row 3: Licence number NB-30001 is also on row 2"]);
    expect((duplicate.data as { rowErrors: unknown[] }).rowErrors).toHaveLength(1);
    expect(await db.registerEntry.count({ where: { sessionId: s.id } })).toBe(0);
    const huge = await run(
      importRows.action,
      upload(path, {}, { name: "big.csv", content: `Name,Email\n${"x".repeat(2_100_000)}` }, cookies.coordinator),
      params,
    );
    expect(huge.status).toBe(400);
    expect(errorsOf(huge.data).file).toEqual(["The file must be smaller than 1 MB"]);
    const nothing = await run(importRows.action, upload(path, { rows: "" }, null, cookies.coordinator), params);
    expect(nothing.status).toBe(400);
    const validOnly = await run(
      importRows.action,
      upload(path, { importValidRows: "yes" }, fixture("drivers-duplicate-licence.csv"), cookies.coordinator),
      params,
    );
    expect(validOnly.status).toBe(302);
    expect(await db.registerEntry.count({ where: { sessionId: s.id } })).toBe(2);
    const ok = await run(importRows.action, upload(path, {}, fixture("drivers.csv"), cookies.coordinator), params);
    expect(ok.status).toBe(302);
    expect(await db.registerEntry.count({ where: { sessionId: s.id } })).toBe(5);
    const amir = await db.person.findFirstOrThrow({ where: { licenceNumber: "NB-20417" }, include: { operator: true } });
    expect(amir.operator?.name).toBe("Northfield Cars Ltd");
    // Pasted rows, with a Windows-1252 file of the same driver: no duplicate person.
    const again = await w.session(w.drivers.id, w.hall.id, addDays(nextWeek(), 1));
    const pasted = await run(
      importRows.action,
      upload(
        `/sessions/${again.id}/register/import`,
        { rows: "Name,Licence number,Licensing authority\nAmir Hussain,nb 20417,Northfield Borough Council" },
        null,
        cookies.coordinator,
      ),
      { sessionId: again.id },
    );
    expect(pasted.status).toBe(302);
    expect(await db.person.count({ where: { licenceNumber: "NB-20417" } })).toBe(1);
    const tabs = await run(
      importRows.action,
      upload(
        `/sessions/${again.id}/register/import`,
        { rows: "Name\tLicence number\tLicensing authority\nKim Tab\tNB-50001\tNorthfield, North" },
        null,
        cookies.coordinator,
      ),
      { sessionId: again.id },
    );
    expect(tabs.status).toBe(302);
    expect(await db.person.findFirstOrThrow({ where: { licenceNumber: "NB-50001" } })).toMatchObject({
      name: "Kim Tab",
      licensingAuthority: "Northfield, North",
    });
    const latin1 = new Uint8Array([
      ...Buffer.from("Name,Licence number,Licensing authority\nJos"),
      0xe9,
      ...Buffer.from(" Ruiz,NB-40001,Northfield\n"),
    ]);
    expect(
      await status(
        importRows.action,
        upload(`/sessions/${again.id}/register/import`, {}, { name: "x.csv", content: latin1 }, cookies.coordinator),
        { sessionId: again.id },
      ),
    ).toBe(302);
    expect((await db.person.findFirstOrThrow({ where: { licenceNumber: "NB-40001" } })).name).toBe("José Ruiz");
  });

  it("adds people one by one with GOV.UK errors, and lists matches", async () => {
    const s = await w.session(w.drivers.id, w.hall.id, nextWeek());
    const path = `/sessions/${s.id}/register/add`;
    const params = { sessionId: s.id };
    expect(await status(addPerson.loader, get(path, cookies.facilitator), params)).toBe(403);
    expect(await status(addPerson.loader, get(path, cookies.coordinator), params)).toBe(200);
    const missing = await run(
      addPerson.action,
      post(path, { intent: "new", name: "Lee Driver", email: "not-an-email" }, cookies.coordinator),
      params,
    );
    expect(missing.status).toBe(400);
    expect(errorsOf(missing.data).email).toBeDefined();
    const noLicence = await run(addPerson.action, post(path, { intent: "new", name: "Lee Driver" }, cookies.coordinator), params);
    expect(noLicence.status).toBe(422);
    expect(Object.keys(errorsOf(noLicence.data))).toEqual(["licenceNumber", "licensingAuthority"]);
    const badOperator = await run(
      addPerson.action,
      post(
        path,
        { intent: "new", name: "Lee Driver", licenceNumber: "L-1", licensingAuthority: "Northfield", operatorId: "nope" },
        cookies.coordinator,
      ),
      params,
    );
    expect(badOperator.status).toBe(422);
    const added = await run(
      addPerson.action,
      post(
        path,
        { intent: "new", name: "Lee Driver", licenceNumber: "L-1", licensingAuthority: "Northfield", operatorId: w.operator.id },
        cookies.coordinator,
      ),
      params,
    );
    expect(added.status).toBe(302);
    const found = await run(addPerson.loader, get(`${path}?q=Lee%20Driver`, cookies.coordinator), params);
    const matches = (found.data as { matches: { id: string }[] }).matches;
    expect(matches).toHaveLength(1);
    expect(await status(addPerson.action, post(path, { intent: "existing", personId: matches[0].id }, cookies.coordinator), params)).toBe(
      422,
    );
    expect(await status(addPerson.action, post(path, { intent: "existing", personId: "nobody" }, cookies.coordinator), params)).toBe(422);
    expect(await status(addPerson.action, post(path, { intent: "existing" }, cookies.coordinator), params)).toBe(400);
    expect(await status(addPerson.loader, get(`/sessions/${s.id}/register/add`, cookies.coordinator), { sessionId: "nope" })).toBe(404);
    const play = await w.session(w.play.id, w.school.id);
    expect(await status(addPerson.loader, get(path, cookies.coordinator), { sessionId: play.id })).toBe(404);
  });

  it("marks the register in one form, issues certificates, downloads and emails them", async () => {
    const s = await w.session(w.staff.id, w.hall.id);
    const path = `/sessions/${s.id}/register`;
    const params = { sessionId: s.id };
    const a = await makePerson(db, { name: "Aisha Staff", email: `aisha-${s.id}@example.test`, organisation: "Northfield Council" });
    const b = await makePerson(db, { name: "Ben Staff", email: `ben-${s.id}@example.test` });
    const ea = await makeRegisterEntry(db, { sessionId: s.id, personId: a.id });
    const eb = await makeRegisterEntry(db, { sessionId: s.id, personId: b.id });
    expect(await status(register.loader, get(path, cookies.manager), params)).toBe(403);
    expect(await status(register.loader, get(path, cookies.outsider), params)).toBe(404);
    expect(await status(register.loader, get(path, cookies.facilitator), params)).toBe(200);
    expect(await status(signInSheet.loader, get(`${path}/sign-in-sheet`, cookies.facilitator), params)).toBe(200);
    expect(await status(signInSheet.loader, get(`${path}/sign-in-sheet`, cookies.manager), params)).toBe(403);
    const badMark = await run(register.action, post(path, { intent: "mark", [`status-${ea.id}`]: "MAYBE" }, cookies.facilitator), params);
    expect(badMark.status).toBe(400);
    const stranger = await run(
      register.action,
      post(path, { intent: "mark", "status-not-an-entry": "ATTENDED" }, cookies.facilitator),
      params,
    );
    expect(stranger.status).toBe(422);
    expect(await status(register.action, post(path, { intent: "mark", [`status-${ea.id}`]: "ATTENDED" }, cookies.outsider), params)).toBe(
      404,
    );
    const marked = await run(
      register.action,
      post(path, { intent: "mark", [`status-${ea.id}`]: "ATTENDED", [`status-${eb.id}`]: "ABSENT" }, cookies.facilitator),
      params,
    );
    expect(marked.status).toBe(302);
    const cert = await db.certificate.findFirstOrThrow({ where: { sessionId: s.id } });

    // Facilitators record; only coordinators and admins download and email certificates.
    expect(await status(certificate.loader, get(`/certificates/${cert.id}`, cookies.facilitator), { certificateId: cert.id })).toBe(403);
    expect(await status(certificate.loader, get(`/certificates/${cert.id}`, cookies.manager), { certificateId: cert.id })).toBe(403);
    expect(await status(certificate.loader, get("/certificates/nope", cookies.coordinator), { certificateId: "nope" })).toBe(404);
    const pdf = await run(certificate.loader, get(`/certificates/${cert.id}`, cookies.coordinator), { certificateId: cert.id });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const all = await sessionCertificates.loader({
      request: get(`/sessions/${s.id}/certificates`, cookies.admin),
      params,
      context: { requestId: "TEST", cspNonce: "" },
    });
    expect(all.headers.get("Content-Disposition")).toMatch(/^attachment; filename="certificates-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect((await pdfText(new Uint8Array(await all.arrayBuffer()))).pages[0]).toContain("Aisha Staff");
    const none = await w.session(w.staff.id, w.hall.id);
    expect(
      await status(sessionCertificates.loader, get(`/sessions/${none.id}/certificates`, cookies.coordinator), { sessionId: none.id }),
    ).toBe(404);

    expect(
      await status(register.action, post(path, { intent: "email-certificate", certificateId: cert.id }, cookies.facilitator), params),
    ).toBe(403);
    const emailed = await run(
      register.action,
      post(path, { intent: "email-certificate", certificateId: cert.id }, cookies.coordinator),
      params,
    );
    expect(emailed.status).toBe(302);
    expect(await db.outboxMessage.count({ where: { to: a.email!, sessionId: s.id } })).toBe(1);
    expect(
      await status(register.action, post(path, { intent: "email-certificate", certificateId: "nope" }, cookies.coordinator), params),
    ).toBe(422);
    expect(await status(register.action, post(path, { intent: "remove", entryId: "nope" }, cookies.coordinator), params)).toBe(422);

    // Marked people cannot be removed; expected ones can, by coordinators only.
    expect(await status(register.action, post(path, { intent: "remove", entryId: ea.id }, cookies.coordinator), params)).toBe(422);
    const c = await makePerson(db, { name: "Cal Staff", email: `cal-${s.id}@example.test` });
    const ec = await makeRegisterEntry(db, { sessionId: s.id, personId: c.id });
    expect(await status(register.action, post(path, { intent: "remove", entryId: ec.id }, cookies.facilitator), params)).toBe(403);
    expect(await status(register.action, post(path, { intent: "remove", entryId: ec.id }, cookies.coordinator), params)).toBe(302);
    expect(await db.registerEntry.count({ where: { id: ec.id } })).toBe(0);
  });
});

describe("public certificate check", () => {
  it("confirms a genuine certificate with only name, programme and date, and says not found otherwise", async () => {
    const s = await w.session(w.drivers.id, w.hall.id);
    const p = await makePerson(db, {
      name: "Vera Verified",
      email: `vera-${s.id}@example.test`,
      licenceNumber: `V${Date.now()}`,
      licensingAuthority: "Northfield",
      organisation: "Secret Org",
    });
    await db.registerEntry.create({ data: { sessionId: s.id, personId: p.id, status: "ATTENDED" } });
    await db.certificate.create({ data: { sessionId: s.id, personId: p.id, number: "ABCDEFGHJKLMNPQRSTUVWXYZ23" } });
    const found = await run(verify.loader, get("/certificates/verify/ABCDEFGHJKLMNPQRSTUVWXYZ23"), {
      number: "ABCDEFGHJKLMNPQRSTUVWXYZ23",
    });
    expect(found.status).toBe(200);
    expect(found.data).toEqual({
      certificate: { holderName: "Vera Verified", programmeName: "Driver safeguarding", date: addDays(todayInLondon(), -1) },
    });
    expect(found.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(verify.headers({} as never)).toMatchObject({ "Referrer-Policy": "no-referrer" });
    for (const number of ["ABCDEFGHJKLMNPQRSTUVWXYZ22", "nope", "' OR 1=1 --"]) {
      const missing = await run(verify.loader, get(`/certificates/verify/${encodeURIComponent(number)}`), { number });
      expect(missing.status).toBe(404);
      expect(missing.data).toEqual({ certificate: null });
    }
  });
});

describe("people and refreshers pages", () => {
  it("lists and shows people to coordinators, managers and admins only", async () => {
    const p = await makePerson(db, { name: "Pat Person", email: `pat-${Date.now()}@example.test` });
    for (const who of ["coordinator", "manager", "admin"] as const)
      expect(await status(people.loader, get("/people?q=Pat%20Person", cookies[who]), {})).toBe(200);
    for (const who of ["facilitator", "lead"] as const) expect(await status(people.loader, get("/people", cookies[who]), {})).toBe(403);
    expect(await status(people.loader, get("/people"), {})).toBe(302);
    const list = (await run(people.loader, get("/people?q=Pat%20Person", cookies.coordinator), {})).data as { people: { total: number } };
    expect(list.people.total).toBe(1);
    expect(await status(person.loader, get(`/people/${p.id}`, cookies.manager), { personId: p.id })).toBe(200);
    expect(await status(person.loader, get("/people/nope", cookies.manager), { personId: "nope" })).toBe(404);
  });

  it("lists refreshers, downloads CSV, and lets only coordinators invite", async () => {
    const past = await w.session(w.staff.id, w.hall.id, addDays(todayInLondon(), -370));
    const p = await makePerson(db, { name: "Rita Refresher", email: `rita-${past.id}@example.test`, organisation: "Refresher Test Org" });
    const entry = await makeRegisterEntry(db, { sessionId: past.id, personId: p.id });
    expect(
      await status(
        register.action,
        post(`/sessions/${past.id}/register`, { intent: "mark", [`status-${entry.id}`]: "ATTENDED" }, cookies.coordinator),
        { sessionId: past.id },
      ),
    ).toBe(302);
    const list = await run(refreshers.loader, get("/refreshers?organisation=refresher%20test&within=abc", cookies.manager), {});
    expect(list.status).toBe(200);
    const due = list.data as { due: { items: { name: string; overdue: boolean }[] }; filters: { within: number } };
    expect(due.due.items).toEqual([expect.objectContaining({ name: "Rita Refresher", overdue: true })]);
    expect(due.filters.within).toBe(90);
    expect(await status(refreshers.loader, get("/refreshers", cookies.facilitator), {})).toBe(403);
    const csv = await refreshersCsv.loader({
      request: get("/refreshers.csv?organisation=Refresher%20Test", cookies.manager),
      params: {},
      context: { requestId: "TEST", cspNonce: "" },
    });
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("Rita Refresher");
    expect(await status(refreshersCsv.loader, get("/refreshers.csv", cookies.lead), {})).toBe(403);

    const upcoming = await w.session(w.staff.id, w.hall.id, nextWeek());
    expect(await status(refreshers.action, post("/refreshers", { sessionId: upcoming.id, personIds: p.id }, cookies.manager), {})).toBe(
      403,
    );
    const none = await run(refreshers.action, post("/refreshers", { sessionId: upcoming.id }, cookies.coordinator), {});
    expect(none.status).toBe(400);
    expect(errorsOf(none.data).personIds).toEqual(["Select at least one person"]);
    expect(await status(refreshers.action, post("/refreshers", { sessionId: past.id, personIds: p.id }, cookies.coordinator), {})).toBe(
      422,
    );
    expect(await status(refreshers.action, post("/refreshers", { sessionId: "nope", personIds: p.id }, cookies.coordinator), {})).toBe(422);
    const invited = await run(
      refreshers.action,
      post("/refreshers", { sessionId: upcoming.id, personIds: p.id, back: "//evil.example" }, cookies.coordinator),
      {},
    );
    expect(invited.status).toBe(302);
    expect(invited.headers.get("Location")).toBe("/refreshers");
    expect(await db.registerEntry.findFirst({ where: { sessionId: upcoming.id, personId: p.id } })).toMatchObject({ status: "EXPECTED" });
  });
});

describe("garbage in every attendance form", () => {
  it("answers 400 or 422 and changes nothing", async () => {
    const pupils = await w.session(w.play.id, w.school.id);
    const drivers = await w.session(w.drivers.id, w.hall.id);
    const upcoming = await w.session(w.drivers.id, w.hall.id, nextWeek());
    const entry = await makeRegisterEntry(db, {
      sessionId: drivers.id,
      personId: (await makePerson(db, { licenceNumber: `G${Date.now()}`, licensingAuthority: "Northfield" })).id,
    });
    const counts = () =>
      Promise.all([
        db.attendanceCount.count(),
        db.registerEntry.count(),
        db.certificate.count(),
        db.person.count(),
        db.outboxMessage.count(),
        db.sessionChange.count(),
      ]);
    const before = await counts();
    const garbage: Record<string, string | string[]>[] = [
      {},
      { intent: "" },
      { intent: ["pupils", "headcount"] },
      { intent: "pupils", "count-Y10-GIRL": ["1", "2"] },
      { intent: "pupils", "count-Y10-GIRL": "1e3" },
      { intent: "pupils", "count-Y10-GIRL": "99999999999999999999" },
      { intent: "pupils", "count-Y10-GIRL": " ", adultsPresent: "0x10" },
      { intent: "headcount", headcount: "NaN" },
      { intent: "mark", [`status-${entry.id}`]: ["ATTENDED", "ABSENT"] },
      { intent: "mark", "status-": "ATTENDED" },
      { intent: "remove", entryId: "" },
      { intent: "email-certificate", certificateId: "\u0000" },
      { intent: "new", name: "", licenceNumber: "<script>" },
      { intent: "new", name: "x".repeat(5000), email: "@" },
      { intent: "existing", personId: ["a", "b"] },
      { sessionId: upcoming.id, personIds: "" },
      { sessionId: ["a", "b"], personIds: ["x"] },
      { sessionId: upcoming.id, personIds: "a\u0000b" },
      { intent: "new", name: "Nul\u0000Byte", licenceNumber: "N-1", licensingAuthority: "North\u0000field", operatorId: "\u0000" },
      { rows: "Name,Licence number,Licensing authority\nNul\u0000Byte,N-2,Northfield" },
    ];
    const targets: [unknown, string, Record<string, string>][] = [
      [attendance.action, `/sessions/${pupils.id}/attendance`, { sessionId: pupils.id }],
      [register.action, `/sessions/${drivers.id}/register`, { sessionId: drivers.id }],
      [addPerson.action, `/sessions/${upcoming.id}/register/add`, { sessionId: upcoming.id }],
      [importRows.action, `/sessions/${upcoming.id}/register/import`, { sessionId: upcoming.id }],
      [refreshers.action, "/refreshers", {}],
    ];
    for (const [handler, path, params] of targets) {
      for (const body of garbage) {
        const res = await run(handler, post(path, body, cookies.coordinator), params);
        expect([400, 422], `${path} ${JSON.stringify(body).slice(0, 80)}`).toContain(res.status);
      }
    }
    expect(await counts()).toEqual(before);
    // NUL bytes and junk in URLs and searches are not found or ignored, never a server error.
    expect(await status(attendance.loader, get("/sessions/%00/attendance", cookies.coordinator), { sessionId: "\u0000" })).toBe(404);
    expect(await status(person.loader, get("/people/%00", cookies.coordinator), { personId: "\u0000" })).toBe(404);
    expect(await status(certificate.loader, get("/certificates/%00", cookies.coordinator), { certificateId: "a\u0000" })).toBe(404);
    expect(await status(people.loader, get("/people?q=%00x", cookies.coordinator), {})).toBe(200);
    expect(
      await status(addPerson.loader, get(`/sessions/${upcoming.id}/register/add?q=ab%00`, cookies.coordinator), { sessionId: upcoming.id }),
    ).toBe(200);
    expect(
      await status(refreshers.loader, get("/refreshers?organisation=%00&operator=%00&programme=%00&within=-5", cookies.coordinator), {}),
    ).toBe(200);
    expect(await status(verify.loader, get("/certificates/verify/%00"), { number: "\u0000" })).toBe(404);
  });
});
