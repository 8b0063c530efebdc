import { beforeAll, describe, expect, it } from "vitest";
import { AttendanceRuleError, OverCapacityError, recordHeadcount, recordPupilAttendance } from "~/models/attendance.server";
import {
  certificatePdf,
  emailCertificate,
  NoEmailAddressError,
  sessionCertificatesPdf,
  verifyCertificate,
} from "~/models/certificates.server";
import {
  PersonDetailsError,
  RegisterError,
  RegisterImportError,
  addToRegister,
  importRegister,
  markRegister,
} from "~/models/registers.server";
import { inviteToRefresher, listRefreshers, refreshersCsv } from "~/models/refreshers.server";
import { db } from "~/utils/db.server";
import { NotFoundError } from "~/utils/errors";
import { addDays, formatDate, todayInLondon } from "~/utils/time";
import { makePerson, makeRegisterEntry, makeSession } from "../factories";
import { attendanceWorld, meta, nextWeek, pdfText } from "./attendance-fixtures";

let w: Awaited<ReturnType<typeof attendanceWorld>>;
beforeAll(async () => {
  w = await attendanceWorld();
});

const counts = (rows: [string, string, number][]) => rows.map(([yearGroup, sex, count]) => ({ yearGroup, sex, count }));

describe("pupil counts", () => {
  it("records counts by year group and sex, makes the session delivered once, with history and audit", async () => {
    const s = await w.session(w.play.id, w.school.id);
    await recordPupilAttendance(
      w.as.facilitator,
      {
        sessionId: s.id,
        counts: counts([
          ["Y10", "GIRL", 60],
          ["Y10", "BOY", 55],
          ["Y11", "NOT_RECORDED", 0],
        ]),
        adultsPresent: 6,
        confirmOverCapacity: false,
      },
      meta,
    );
    const after = await db.session.findUniqueOrThrow({ where: { id: s.id } });
    expect(after.status).toBe("DELIVERED");
    expect(after.deliveredAt).not.toBeNull();
    expect(after.icalSequence).toBe(s.icalSequence + 1);
    expect(after.adultsPresent).toBe(6);
    expect(await db.attendanceCount.aggregate({ where: { sessionId: s.id }, _sum: { count: true } })).toEqual({ _sum: { count: 115 } });
    const changes = await db.sessionChange.findMany({ where: { sessionId: s.id }, orderBy: { kind: "asc" } });
    expect(changes.map((c) => c.kind)).toEqual(["ATTENDANCE", "STATUS"]);
    expect(changes[1].details).toEqual({ field: "status", old: "CONFIRMED", new: "DELIVERED" });
    expect(await db.auditEvent.count({ where: { action: "attendance.record", entityId: s.id, actorId: w.users.facilitator.id } })).toBe(1);

    // A correction: old → new in the history; the status and calendar sequence do not move again.
    await recordPupilAttendance(
      w.as.coordinator,
      {
        sessionId: s.id,
        counts: counts([
          ["Y10", "GIRL", 61],
          ["Y10", "BOY", 55],
        ]),
        adultsPresent: 5,
        confirmOverCapacity: false,
      },
      meta,
    );
    const corrected = await db.sessionChange.findFirstOrThrow({
      where: { sessionId: s.id, summary: { startsWith: "Attendance corrected" } },
    });
    expect(corrected.summary).toBe("Attendance corrected: pupils 115 → 116, adults 6 → 5");
    expect(corrected.actorId).toBe(w.users.coordinator.id);
    expect((corrected.details as { old: { pupils: number } }).old.pupils).toBe(115);
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).icalSequence).toBe(s.icalSequence + 1);
  });

  it("refuses negative, fractional and unknown year groups, saving nothing", async () => {
    const s = await w.session(w.play.id, w.school.id);
    const bad = [
      counts([["Y10", "GIRL", -1]]),
      counts([["Y10", "GIRL", 2.5]]),
      counts([["Y14", "GIRL", 3]]),
      counts([["Y4", "BOY", 3]]),
      counts([["Y10", "ALIEN", 3]]),
      counts([
        ["Y10", "GIRL", 3],
        ["Y10", "GIRL", 4],
      ]),
    ];
    for (const c of bad) {
      await expect(
        recordPupilAttendance(w.as.coordinator, { sessionId: s.id, counts: c, adultsPresent: null, confirmOverCapacity: false }, meta),
      ).rejects.toBeInstanceOf(AttendanceRuleError);
    }
    await expect(
      recordPupilAttendance(w.as.coordinator, { sessionId: s.id, counts: [], adultsPresent: -2, confirmOverCapacity: false }, meta),
    ).rejects.toThrow("Enter the number of adults present as a whole number, 0 or more");
    await expect(
      recordPupilAttendance(w.as.coordinator, { sessionId: s.id, counts: [], adultsPresent: null, confirmOverCapacity: false }, meta),
    ).rejects.toThrow("Enter at least one count");
    expect(await db.attendanceCount.count({ where: { sessionId: s.id } })).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("CONFIRMED");
  });

  it("accepts 0 and asks for confirmation above the hall's capacity", async () => {
    const s = await w.session(w.play.id, w.school.id);
    const over = { sessionId: s.id, counts: counts([["Y9", "NOT_RECORDED", 190]]), adultsPresent: 20, confirmOverCapacity: false };
    const error = await recordPupilAttendance(w.as.coordinator, over, meta).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OverCapacityError);
    expect(error).toMatchObject({ total: 210, capacity: 200, field: "confirmOverCapacity" });
    expect(await db.attendanceCount.count({ where: { sessionId: s.id } })).toBe(0);
    await recordPupilAttendance(w.as.coordinator, { ...over, confirmOverCapacity: true }, meta);
    expect(await db.attendanceCount.count({ where: { sessionId: s.id } })).toBe(1);
    const zero = await w.session(w.play.id, w.school.id);
    await recordPupilAttendance(
      w.as.coordinator,
      { sessionId: zero.id, counts: counts([["Y5", "GIRL", 0]]), adultsPresent: 0, confirmOverCapacity: false },
      meta,
    );
    expect((await db.session.findUniqueOrThrow({ where: { id: zero.id } })).status).toBe("DELIVERED");
  });

  it("refuses sessions not yet started, cancelled, or of another kind", async () => {
    const input = (sessionId: string) => ({
      sessionId,
      counts: counts([["Y10", "GIRL", 1]]),
      adultsPresent: null,
      confirmOverCapacity: false,
    });
    const future = await w.session(w.play.id, w.school.id, nextWeek());
    await expect(recordPupilAttendance(w.as.coordinator, input(future.id), meta)).rejects.toThrow("once the session has started");
    const cancelled = await w.session(w.play.id, w.school.id, undefined, { status: "CANCELLED" });
    await expect(recordPupilAttendance(w.as.coordinator, input(cancelled.id), meta)).rejects.toThrow("cancelled");
    const briefing = await w.session(w.staff.id, w.hall.id);
    await expect(recordPupilAttendance(w.as.coordinator, input(briefing.id), meta)).rejects.toThrow("named register");
  });

  it("lets facilitators record only their own team's sessions, and managers none", async () => {
    const theirs = await w.session(w.play.id, w.school.id, undefined, { teamId: w.otherTeam.id });
    const input = { sessionId: theirs.id, counts: counts([["Y10", "GIRL", 1]]), adultsPresent: null, confirmOverCapacity: false };
    await expect(recordPupilAttendance(w.as.facilitator, input, meta)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordPupilAttendance(w.as.manager, input, meta)).rejects.toBeInstanceOf(NotFoundError);
    await recordPupilAttendance(w.as.outsider, input, meta);
    expect(await db.attendanceCount.count({ where: { sessionId: theirs.id } })).toBe(1);
  });
});

describe("headcounts", () => {
  it("records a stall's headcount, conversations and leaflets, and corrects them", async () => {
    const s = await w.session(w.stall.id, w.hall.id);
    await recordHeadcount(
      w.as.facilitator,
      { sessionId: s.id, headcount: 35, adultsPresent: null, conversations: 12, leafletsGiven: 40, confirmOverCapacity: false },
      meta,
    );
    let after = await db.session.findUniqueOrThrow({ where: { id: s.id } });
    expect([after.status, after.headcount, after.conversations, after.leafletsGiven]).toEqual(["DELIVERED", 35, 12, 40]);
    await recordHeadcount(
      w.as.coordinator,
      { sessionId: s.id, headcount: 36, adultsPresent: null, conversations: 12, leafletsGiven: 45, confirmOverCapacity: false },
      meta,
    );
    after = await db.session.findUniqueOrThrow({ where: { id: s.id } });
    expect(after.leafletsGiven).toBe(45);
    const change = await db.sessionChange.findFirstOrThrow({ where: { sessionId: s.id, summary: { startsWith: "Attendance corrected" } } });
    expect(change.summary).toBe("Attendance corrected: headcount 35 → 36, leafletsGiven 40 → 45");
  });

  it("keeps conversations for stalls only and checks capacity and numbers", async () => {
    const s = await w.session(w.performance.id, w.hall.id);
    await expect(
      recordHeadcount(
        w.as.coordinator,
        { sessionId: s.id, headcount: 41, adultsPresent: null, conversations: null, leafletsGiven: null, confirmOverCapacity: false },
        meta,
      ),
    ).rejects.toBeInstanceOf(OverCapacityError);
    await expect(
      recordHeadcount(
        w.as.coordinator,
        { sessionId: s.id, headcount: -5, adultsPresent: null, conversations: null, leafletsGiven: null, confirmOverCapacity: false },
        meta,
      ),
    ).rejects.toBeInstanceOf(AttendanceRuleError);
    await recordHeadcount(
      w.as.coordinator,
      { sessionId: s.id, headcount: 30, adultsPresent: 4, conversations: 9, leafletsGiven: 9, confirmOverCapacity: false },
      meta,
    );
    const after = await db.session.findUniqueOrThrow({ where: { id: s.id } });
    expect([after.headcount, after.adultsPresent, after.conversations, after.leafletsGiven]).toEqual([30, 4, null, null]);
  });
});

describe("registers and people", () => {
  it("adds a new driver and finds the same driver again on another session", async () => {
    const first = await w.session(w.drivers.id, w.hall.id, nextWeek());
    const second = await w.session(w.drivers.id, w.hall.id, addDays(nextWeek(), 7));
    const driver = {
      name: "Ali Khan",
      email: "",
      licenceNumber: "phd 1234",
      licensingAuthority: "Northfield  Council",
      operatorId: w.operator.id,
    };
    const a = await addToRegister(w.as.coordinator, { sessionId: first.id, person: driver }, meta);
    const b = await addToRegister(
      w.as.coordinator,
      {
        sessionId: second.id,
        person: { ...driver, licenceNumber: "PHD1234", licensingAuthority: "northfield council", email: "Ali@Example.test" },
      },
      meta,
    );
    expect(b.personId).toBe(a.personId);
    const person = await db.person.findUniqueOrThrow({ where: { id: a.personId } });
    expect([person.licenceNumber, person.licensingAuthority, person.email, person.operatorId]).toEqual([
      "PHD1234",
      "Northfield Council",
      "ali@example.test",
      w.operator.id,
    ]);
    await expect(addToRegister(w.as.coordinator, { sessionId: first.id, personId: a.personId }, meta)).rejects.toThrow(
      "already on this register",
    );
    expect(await db.sessionChange.count({ where: { sessionId: first.id, kind: "REGISTER" } })).toBe(1);
  });

  it("asks drivers for a licence and staff for an email, and refuses an unknown operator", async () => {
    const driving = await w.session(w.drivers.id, w.hall.id, nextWeek());
    const error = await addToRegister(w.as.coordinator, { sessionId: driving.id, person: { name: "No Licence" } }, meta).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PersonDetailsError);
    expect((error as PersonDetailsError).problems.map((p) => p.field)).toEqual(["licenceNumber", "licensingAuthority"]);
    const briefing = await w.session(w.staff.id, w.hall.id, nextWeek());
    await expect(addToRegister(w.as.coordinator, { sessionId: briefing.id, person: { name: "No Email" } }, meta)).rejects.toThrow(
      "Enter the person's email address",
    );
    await expect(
      addToRegister(
        w.as.coordinator,
        { sessionId: driving.id, person: { name: "X", licenceNumber: "A1", licensingAuthority: "Y", operatorId: w.school.id } },
        meta,
      ),
    ).rejects.toThrow("Select a taxi operator");
    await expect(
      addToRegister(w.as.facilitator, { sessionId: driving.id, person: { name: "X", licenceNumber: "A1", licensingAuthority: "Y" } }, meta),
    ).rejects.toBeInstanceOf(NotFoundError);
    const play = await w.session(w.play.id, w.school.id, nextWeek());
    await expect(
      addToRegister(w.as.coordinator, { sessionId: play.id, person: { name: "X", email: "x@example.test" } }, meta),
    ).rejects.toBeInstanceOf(RegisterError);
  });

  it("imports a CSV register, refusing the whole file when a row is wrong", async () => {
    const s = await w.session(w.drivers.id, w.hall.id, nextWeek());
    const header = "Name,Email,Licence number,Licensing authority,Taxi operator\n";
    const bad = `${header}Jo Bloggs,jo@example.test,LIC-1,Northfield,${w.operator.name}\nSam Green,,LIC-2,Northfield,\nDup Driver,,lic-1,Northfield,\n,,LIC-9,Northfield,\nNo Op,,LIC-3,Northfield,Nowhere Cabs\n`;
    const error = await importRegister(w.as.coordinator, { sessionId: s.id, text: bad, importValidRows: false }, meta).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RegisterImportError);
    const rowErrors = (error as RegisterImportError).rowErrors;
    expect(rowErrors.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(rowErrors[0].message).toBe("Licence number LIC-1 is also on row 2");
    expect(rowErrors[1].message).toBe("Enter the person's full name");
    expect(rowErrors[2].message).toContain('"Nowhere Cabs" is not a taxi operator');
    expect(await db.registerEntry.count({ where: { sessionId: s.id } })).toBe(0);

    const result = await importRegister(w.as.coordinator, { sessionId: s.id, text: bad, importValidRows: true }, meta);
    expect(result).toMatchObject({ added: 2, alreadyOnRegister: 0 });
    expect(result.skipped.map((r) => r.row)).toEqual([4, 5, 6]);
    const again = await importRegister(
      w.as.coordinator,
      { sessionId: s.id, text: `${header}Jo Bloggs,JO@example.test,LIC-1,Northfield,\n`, importValidRows: false },
      meta,
    );
    expect(again).toMatchObject({ added: 0, alreadyOnRegister: 1 });
    expect(await db.person.count({ where: { licenceNumber: "LIC-1" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "register.import", entityId: s.id } })).toBe(2);
  });

  it("refuses files with wrong columns, no rows, bad CSV or too many rows", async () => {
    const s = await w.session(w.staff.id, w.hall.id, nextWeek());
    const run = (text: string) => importRegister(w.as.coordinator, { sessionId: s.id, text, importValidRows: true }, meta);
    await expect(run("Forename,Surname\nJo,Bloggs\n")).rejects.toThrow('Columns "Forename", "Surname" not recognised');
    await expect(run("Email,Organisation\njo@example.test,Council\n")).rejects.toThrow('There is no "name" column');
    await expect(run("Name,Email\n")).rejects.toThrow("no rows");
    await expect(run('Name,Email\n"Jo,jo@example.test\n')).rejects.toThrow("not valid CSV");
    const many = `Name,Email\n${Array.from({ length: 501 }, (_, i) => `P ${i},p${i}@example.test`).join("\n")}`;
    await expect(run(many)).rejects.toThrow("upload 500 at most");
    expect(await db.registerEntry.count({ where: { sessionId: s.id } })).toBe(0);
  });
});

describe("marking, certificates and verification", () => {
  it("marks a register, issues certificates with refresher dates, withdraws them on correction", async () => {
    const s = await w.session(w.drivers.id, w.hall.id);
    const ann = await makePerson(db, {
      name: "Ann Attended",
      email: `ann-${s.id}@example.test`,
      licenceNumber: `A${Date.now()}`,
      licensingAuthority: "Northfield",
    });
    const bob = await makePerson(db, { name: "Bob Absent", licenceNumber: `B${Date.now()}`, licensingAuthority: "Northfield" });
    const e1 = await makeRegisterEntry(db, { sessionId: s.id, personId: ann.id });
    const e2 = await makeRegisterEntry(db, { sessionId: s.id, personId: bob.id });
    const result = await markRegister(
      w.as.facilitator,
      {
        sessionId: s.id,
        marks: [
          { entryId: e1.id, status: "ATTENDED" },
          { entryId: e2.id, status: "ABSENT" },
        ],
      },
      meta,
    );
    expect(result).toMatchObject({ attended: 1, absent: 1, certificatesIssued: 1 });
    const certificate = await db.certificate.findFirstOrThrow({ where: { sessionId: s.id } });
    expect(certificate.personId).toBe(ann.id);
    expect(certificate.number).toMatch(/^[2-9A-HJ-NP-Z]{26}$/);
    expect(certificate.refresherDueOn).toBe(addDays(todayInLondon(), -1).replace(/^(\d{4})/, (y) => String(Number(y) + 3)));
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("DELIVERED");

    // The PDF has real text: council, name, programme, date, number and the verification link.
    const one = await certificatePdf(w.as.coordinator, certificate.id);
    const text = await pdfText(one!.pdf);
    expect(text.pages).toHaveLength(1);
    for (const part of [
      "Northfield Borough Council",
      "Ann Attended",
      "Driver safeguarding",
      formatDate(s.startsAt),
      certificate.number,
      `/certificates/verify/${certificate.number}`,
    ]) {
      expect(text.pages[0]).toContain(part);
    }
    expect(text.title).toBe("Certificate of attendance: Ann Attended");
    expect(text.language).toBe("en-GB");
    expect(await certificatePdf(w.as.facilitator, certificate.id)).toBeNull();
    expect(await certificatePdf(w.as.manager, certificate.id)).toBeNull();

    expect(await verifyCertificate(certificate.number.toLowerCase())).toEqual({
      holderName: "Ann Attended",
      programmeName: "Driver safeguarding",
      date: addDays(todayInLondon(), -1),
    });
    expect(await verifyCertificate("23456789ABCDEFGHJKLMNPQRST")).toBeNull();
    expect(await verifyCertificate("../../etc")).toBeNull();

    // Email: queued with the PDF attached, in the history and the audit log; no email address is refused.
    await emailCertificate(w.as.coordinator, certificate.id, meta);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { sessionId: s.id, to: ann.email! } });
    const attachments = message.attachments as { filename: string; contentType: string; contentBase64: string }[];
    expect(attachments[0]).toMatchObject({ filename: `certificate-${certificate.number}.pdf`, contentType: "application/pdf" });
    expect((await pdfText(Buffer.from(attachments[0].contentBase64, "base64"))).pages[0]).toContain("Ann Attended");
    expect(await db.sessionChange.count({ where: { sessionId: s.id, summary: "Certificate emailed to Ann Attended" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "certificate.email", entityId: certificate.id } })).toBe(1);
    await markRegister(w.as.coordinator, { sessionId: s.id, marks: [{ entryId: e2.id, status: "ATTENDED" }] }, meta);
    const bobs = await db.certificate.findFirstOrThrow({ where: { sessionId: s.id, personId: bob.id } });
    await expect(emailCertificate(w.as.coordinator, bobs.id, meta)).rejects.toBeInstanceOf(NoEmailAddressError);

    const all = await sessionCertificatesPdf(w.as.coordinator, s.id);
    const allText = await pdfText(all!.pdf);
    expect(allText.pages).toHaveLength(2);
    expect(allText.pages[0]).toContain("Ann Attended");
    expect(allText.pages[1]).toContain("Bob Absent");

    // Correction: Ann was not there after all. Her certificate is withdrawn and the history says old → new.
    await markRegister(w.as.coordinator, { sessionId: s.id, marks: [{ entryId: e1.id, status: "ABSENT" }] }, meta);
    expect(await verifyCertificate(certificate.number)).toBeNull();
    const change = await db.sessionChange.findFirstOrThrow({
      where: { sessionId: s.id, summary: { contains: "Ann Attended: attended → absent" } },
    });
    expect(change.actorId).toBe(w.users.coordinator.id);
  });

  it("dates certificates and refreshers by the London day, across the clock changes", async () => {
    // 00:30 on the last Sundays of October (BST, still Saturday in UTC) and March (GMT).
    for (const [date, due] of [
      ["2026-10-25", "2027-10-25"],
      ["2026-03-29", "2027-03-29"],
    ] as const) {
      const s = await makeSession(db, {
        programmeId: w.staff.id,
        venueId: w.hall.id,
        teamId: w.team.id,
        date,
        start: "00:30",
        end: "00:55",
        status: "CONFIRMED",
      });
      const p = await makePerson(db, { name: `Night Owl ${date}`, email: `owl-${s.id}@example.test` });
      const entry = await makeRegisterEntry(db, { sessionId: s.id, personId: p.id });
      await markRegister(w.as.coordinator, { sessionId: s.id, marks: [{ entryId: entry.id, status: "ATTENDED" }] }, meta);
      const certificate = await db.certificate.findFirstOrThrow({ where: { sessionId: s.id } });
      expect(certificate.refresherDueOn).toBe(due);
      expect((await verifyCertificate(certificate.number))?.date).toBe(date);
    }
  });

  it("refuses marks before the session, from other teams, and for people not on the register", async () => {
    const future = await w.session(w.staff.id, w.hall.id, nextWeek());
    const p = await makePerson(db, { email: `p-${future.id}@example.test` });
    const entry = await makeRegisterEntry(db, { sessionId: future.id, personId: p.id });
    await expect(
      markRegister(w.as.coordinator, { sessionId: future.id, marks: [{ entryId: entry.id, status: "ATTENDED" }] }, meta),
    ).rejects.toThrow("once the session has started");
    const past = await w.session(w.staff.id, w.hall.id);
    await expect(
      markRegister(w.as.coordinator, { sessionId: past.id, marks: [{ entryId: entry.id, status: "ATTENDED" }] }, meta),
    ).rejects.toThrow("not on this register");
    await expect(
      markRegister(w.as.outsider, { sessionId: past.id, marks: [{ entryId: entry.id, status: "ATTENDED" }] }, meta),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.certificate.count({ where: { personId: p.id } })).toBe(0);
  });
});

describe("refreshers", () => {
  it("lists who is due or overdue from their latest attendance, filters, pages, exports and invites", async () => {
    const org = `Org ${Date.now()}`;
    const now = new Date();
    // Attended three years ago, and again last year → due from the later date only.
    const longAgo = await w.session(w.drivers.id, w.hall.id, addDays(todayInLondon(), -3 * 365 - 30));
    const lastYear = await w.session(w.drivers.id, w.hall.id, addDays(todayInLondon(), -365));
    const briefing = await w.session(w.staff.id, w.hall.id, addDays(todayInLondon(), -360));
    const oldBriefing = await w.session(w.staff.id, w.hall.id, addDays(todayInLondon(), -400));
    const twice = await makePerson(db, {
      name: "Twice Trained",
      organisation: org,
      licenceNumber: `T${Date.now()}`,
      licensingAuthority: "Northfield",
    });
    const soon = await makePerson(db, {
      name: "Due Soon",
      organisation: org,
      email: `soon-${Date.now()}@example.test`,
      operatorId: w.operator.id,
    });
    const late = await makePerson(db, { name: "Overdue Olive", organisation: org, email: `late-${Date.now()}@example.test` });
    for (const [session, person] of [
      [longAgo, twice],
      [lastYear, twice],
      [briefing, soon],
      [oldBriefing, late],
    ] as const) {
      const entry = await makeRegisterEntry(db, { sessionId: session.id, personId: person.id });
      await markRegister(w.as.coordinator, { sessionId: session.id, marks: [{ entryId: entry.id, status: "ATTENDED" }] }, meta);
    }
    const list = await listRefreshers({ page: 1, filters: { withinDays: 90, organisation: org.toUpperCase() }, now });
    expect(list.items.map((r) => [r.name, r.overdue])).toEqual([
      ["Overdue Olive", true],
      ["Due Soon", false],
    ]);
    expect(list.total).toBe(2);
    expect(list.items[1].lastAttendedOn).toBe(addDays(todayInLondon(), -360));
    expect(list.items[1].dueOn).toBe(addDays(todayInLondon(), -360).replace(/^(\d{4})/, (y) => String(Number(y) + 1)));
    const wide = await listRefreshers({ page: 1, filters: { withinDays: 800, organisation: org }, now });
    expect(wide.items.map((r) => r.name)).toContain("Twice Trained");
    expect(wide.items.filter((r) => r.name === "Twice Trained")).toHaveLength(1);
    expect(
      (await listRefreshers({ page: 1, filters: { withinDays: 90, organisation: org, operatorId: w.operator.id }, now })).items.map(
        (r) => r.name,
      ),
    ).toEqual(["Due Soon"]);
    expect((await listRefreshers({ page: 2, filters: { withinDays: 90, organisation: org }, now })).items).toEqual([]);
    const csv = await refreshersCsv({ filters: { withinDays: 90, organisation: org }, now });
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFName,Email,Organisation,Job role,Licence number,Licensing authority,Taxi operator,Programme,Last attended,Refresher due,Overdue",
    );
    expect(csv).toContain("Overdue Olive");

    const upcoming = await w.session(w.staff.id, w.hall.id, nextWeek());
    const invited = await inviteToRefresher(w.as.coordinator, { sessionId: upcoming.id, personIds: [soon.id, late.id] }, meta);
    expect(invited).toMatchObject({ invited: 2, alreadyOnRegister: 0 });
    expect(await db.registerEntry.count({ where: { sessionId: upcoming.id, status: "EXPECTED" } })).toBe(2);
    expect(await db.outboxMessage.count({ where: { sessionId: upcoming.id, subject: { startsWith: "Refresher" } } })).toBe(2);
    expect((await inviteToRefresher(w.as.coordinator, { sessionId: upcoming.id, personIds: [soon.id] }, meta)).alreadyOnRegister).toBe(1);
    await expect(inviteToRefresher(w.as.coordinator, { sessionId: briefing.id, personIds: [soon.id] }, meta)).rejects.toThrow(
      "still to come",
    );
    await expect(inviteToRefresher(w.as.coordinator, { sessionId: upcoming.id, personIds: ["nobody"] }, meta)).rejects.toThrow(
      "Select people",
    );
    const upcomingDrivers = await w.session(w.drivers.id, w.hall.id, nextWeek());
    await expect(
      inviteToRefresher(w.as.coordinator, { sessionId: upcomingDrivers.id, personIds: [soon.id, twice.id] }, meta),
    ).rejects.toThrow("Due Soon has not trained on Driver safeguarding before");
    expect(await db.registerEntry.count({ where: { sessionId: upcomingDrivers.id } })).toBe(0);
  });
});
