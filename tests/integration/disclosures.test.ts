import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as record from "~/routes/disclosures.$disclosureId._index";
import * as auditTrail from "~/routes/disclosures.$disclosureId.audit";
import * as categories from "~/routes/disclosures.categories";
import * as dashboard from "~/routes/disclosures.dashboard";
import * as exportCsv from "~/routes/disclosures.export";
import * as list from "~/routes/disclosures._index";
import * as logNew from "~/routes/disclosures.new";
import * as receipt from "~/routes/disclosures.receipt";
import * as retention from "~/routes/disclosures.retention";
import * as settings from "~/routes/disclosures.settings";
import * as adminAudit from "~/routes/admin.audit";
import { disclosureCounts, SUPPRESSED, WITHHELD } from "~/models/disclosure-counts.server";
import { decryptText } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { addDays, todayInLondon } from "~/utils/time";
import { makeDisclosure, makeUser } from "../factories";
import { get, post, run } from "../setup/requests";
import { allowAuditInserts, disclosureWorld, logForm, MARKER, refuseAuditInserts, YESTERDAY } from "./disclosures-helpers";

// Everything written to the console during these tests: the marker must never be in it.
const logged: string[] = [];
beforeAll(() => {
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
});
afterAll(() => {
  vi.restoreAllMocks();
});

let w: Awaited<ReturnType<typeof disclosureWorld>>;
beforeAll(async () => {
  w = await disclosureWorld();
});

const cookieOf = (res: { headers: Headers }) => res.headers.get("set-cookie")?.split(";")[0] ?? "";
const errorsOf = (data: unknown) => (data as { errors: Record<string, string[]> }).errors;
const auditCount = (action: string, entityId?: string) => db.auditEvent.count({ where: { action, ...(entityId ? { entityId } : {}) } });

async function logAs(who: { cookie: string }, form = logForm(w.session.id)) {
  const res = await run(logNew.action, post("/disclosures/new", form, who.cookie));
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  const created = await db.disclosure.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true, reference: true } });
  return { res, ...created };
}

describe("logging a disclosure", () => {
  it("saves encrypted text, alerts every active lead without content, audits, and shows the logger only a receipt", async () => {
    await makeUser(db, { roles: ["LEAD"], active: false });
    const before = await db.outboxMessage.count();
    const { res, id, reference } = await logAs(w.facilitator);
    expect(res.headers.get("location")).toBe("/disclosures/receipt");
    expect(reference).toMatch(/^D-\d{4}-[2-9A-HJ-NP-Z]{6}$/);

    const raw = await db.disclosure.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(raw)).not.toContain(MARKER);
    expect(decryptText(raw.accountCiphertext)).toContain(MARKER);
    expect(decryptText(raw.immediateActionCiphertext!)).toContain(`${MARKER}-ACTION`);
    expect(raw.receivedById).toBe(w.facilitator.user.id);
    expect(raw.status).toBe("OPEN");
    expect(raw.retainUntil).toBe(`${Number(YESTERDAY().slice(0, 4)) + 6}${YESTERDAY().slice(4)}`);

    const activeLeads = await db.user.count({ where: { active: true, roles: { some: { role: "LEAD" } } } });
    const alerts = await db.outboxMessage.findMany({ orderBy: { createdAt: "asc" }, skip: before });
    expect(alerts).toHaveLength(activeLeads);
    for (const alert of alerts) {
      expect(alert.subject).toBe(`HIGH RISK: Disclosure ${reference} logged`);
      expect(alert.text).toContain(`/disclosures/${id}`);
      expect(alert.text).toContain("Risk level: High");
      expect(JSON.stringify(alert)).not.toContain(MARKER);
      expect(alert.text).not.toMatch(/vapes|lifts|DSL/);
    }
    expect(await auditCount("disclosure.create", id)).toBe(1);

    const shown = await run(receipt.loader, get("/disclosures/receipt", `${w.facilitator.cookie}; ${cookieOf(res)}`));
    expect(shown.status).toBe(200);
    expect(shown.data).toEqual({ reference, recordHref: null });
    expect((await run(receipt.loader, get("/disclosures/receipt", w.facilitator.cookie))).status).toBe(302);
    expect((await run(record.loader, get(`/disclosures/${id}`, w.facilitator.cookie), { disclosureId: id })).status).toBe(403);
  });

  it("does not put HIGH RISK in the subject of a low-risk alert", async () => {
    const { reference } = await logAs(w.coordinator, logForm(w.session.id, { risk: "LOW" }));
    const alert = await db.outboxMessage.findFirstOrThrow({ where: { subject: { contains: reference } } });
    expect(alert.subject).toBe(`Disclosure ${reference} logged`);
  });

  it("offers a facilitator only their team's recent sessions, and refuses any other", async () => {
    const otherTeamSession = await db.session.create({
      data: {
        ...(await db.session.findUniqueOrThrow({
          where: { id: w.session.id },
          select: { programmeId: true, venueId: true, startsAt: true, endsAt: true },
        })),
        teamId: (await db.team.create({ data: { name: "Other" } })).id,
        icalUid: "other@test",
      },
    });
    const form = await run(logNew.loader, get("/disclosures/new", w.facilitator.cookie));
    expect((form.data as { sessions: { id: string }[] }).sessions.map((s) => s.id)).toEqual([w.session.id]);
    const refused = await run(logNew.action, post("/disclosures/new", logForm(otherTeamSession.id), w.facilitator.cookie));
    expect(refused.status).toBe(422);
    expect(errorsOf(refused.data).where).toEqual(["Select a session from the list, or say the disclosure was not at a session"]);
    const coordinatorForm = await run(logNew.loader, get("/disclosures/new", w.coordinator.cookie));
    expect((coordinatorForm.data as { sessions: { id: string }[] }).sessions.map((s) => s.id)).toContain(otherTeamSession.id);
  });

  it("logs a disclosure not linked to a session, with a referral that sets status and the longer retention", async () => {
    const [y, m, d] = YESTERDAY().split("-");
    const { id } = await logAs(
      w.facilitator,
      logForm("STALL", {
        referralTo: "CHILDRENS_SOCIAL_CARE",
        referralDay: d,
        referralMonth: m,
        referralYear: y,
        referralTime: "16:00",
        referralReference: "CSC-991",
      }),
    );
    const saved = await db.disclosure.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({
      sessionId: null,
      unlinkedContext: "STALL",
      status: "REFERRED",
      referralTo: "CHILDRENS_SOCIAL_CARE",
      referralMinutes: 90,
      referralReference: "CSC-991",
    });
    expect(saved.retainUntil).toBe(`${Number(y) + 25}-${m}-${d}`);
  });

  it("explains every missing answer with status 400 and keeps the input", async () => {
    const res = await run(logNew.action, post("/disclosures/new", { account: "" }, w.facilitator.cookie));
    expect(res.status).toBe(400);
    expect(Object.keys(errorsOf(res.data)).sort()).toEqual(
      ["account", "attendsVenueSchool", "categoryIds", "disclosedAt", "referralTo", "risk", "where", "yearGroup"].sort(),
    );
    const garbage = await run(
      logNew.action,
      post(
        "/disclosures/new",
        logForm(w.session.id, { risk: "EXTREME", categoryIds: "nope", disclosedDay: "31", disclosedMonth: "2", disclosedTime: "25:00" }),
        w.facilitator.cookie,
      ),
    );
    expect(garbage.status).toBe(400);
    const unknownCategory = await run(
      logNew.action,
      post("/disclosures/new", logForm(w.session.id, {}, ["no-such-category"]), w.facilitator.cookie),
    );
    expect(unknownCategory.status).toBe(422);
  });

  it("stores a time on the Sunday the clocks go back in UK time (the repeated hour counts as GMT)", async () => {
    const { id } = await logAs(
      w.facilitator,
      logForm("OUTREACH", { disclosedDay: "25", disclosedMonth: "10", disclosedYear: "2026", disclosedTime: "01:30" }),
    );
    const saved = await db.disclosure.findUniqueOrThrow({ where: { id } });
    expect(saved.disclosedAt.toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(saved.retainUntil).toBe("2032-10-25");
    expect(saved.reference.startsWith("D-2026-")).toBe(true);
  });

  it("refuses a time that does not exist when the clocks go forward, and a future time", async () => {
    const spring = await run(
      logNew.action,
      post(
        "/disclosures/new",
        logForm("OUTREACH", { disclosedDay: "29", disclosedMonth: "3", disclosedYear: "2026", disclosedTime: "01:30" }),
        w.facilitator.cookie,
      ),
    );
    expect(spring.status).toBe(422);
    expect(errorsOf(spring.data).disclosedAt[0]).toContain("clocks go forward");
    const [y, m, d] = addDays(todayInLondon(), 2).split("-");
    const future = await run(
      logNew.action,
      post("/disclosures/new", logForm("OUTREACH", { disclosedDay: d, disclosedMonth: m, disclosedYear: y }), w.facilitator.cookie),
    );
    expect(future.status).toBe(422);
  });
});

describe("the name check", () => {
  it("refuses a venue contact's name and says only what was found", async () => {
    const count = await db.disclosure.count();
    const res = await run(
      logNew.action,
      post("/disclosures/new", logForm(w.session.id, { account: `Mrs alison reid saw it. ${MARKER}` }), w.facilitator.cookie),
    );
    expect(res.status).toBe(422);
    const message = errorsOf(res.data).account[0];
    expect(message).toContain('"Alison Reid"');
    expect(message).not.toContain(MARKER);
    const firstName = await run(
      logNew.action,
      post("/disclosures/new", logForm(w.session.id, { immediateAction: "Told Alison in the office" }), w.facilitator.cookie),
    );
    expect(errorsOf(firstName.data).immediateAction[0]).toContain('"Alison"');
    expect(await db.disclosure.count()).toBe(count);
  });

  it("refuses the lead's word patterns and lets a lead add one", async () => {
    const called = await run(
      logNew.action,
      post("/disclosures/new", logForm("OUTREACH", { account: "A girl called Jade said it" }), w.facilitator.cookie),
    );
    expect(called.status).toBe(422);
    expect(errorsOf(called.data).account[0]).toContain('"called Jade"');
    const lower = await run(
      logNew.action,
      post(
        "/disclosures/new",
        logForm("OUTREACH", { account: "they called out to me and the man is called a uncle" }),
        w.facilitator.cookie,
      ),
    );
    expect(lower.status).toBe(302);

    const badPattern = await run(
      settings.action,
      post("/disclosures/settings", { patterns: "<Capitalised>", socialCareYears: "25", otherYears: "6" }, w.lead.cookie),
    );
    expect(badPattern.status).toBe(422);
    const saved = await run(
      settings.action,
      post(
        "/disclosures/settings",
        { patterns: "called <Capitalised>\ngoes by <Capitalised>", socialCareYears: "25", otherYears: "6" },
        w.lead.cookie,
      ),
    );
    expect(saved.status).toBe(302);
    const goesBy = await run(
      logNew.action,
      post("/disclosures/new", logForm("OUTREACH", { account: "The man GOES BY Dee at the park" }), w.facilitator.cookie),
    );
    expect(errorsOf(goesBy.data).account[0]).toContain('"GOES BY Dee"');
    expect(await auditCount("disclosure.settings_update")).toBe(2);
  });
});

describe("role × route", () => {
  const roles = ["anonymous", "facilitator", "coordinator", "manager", "admin", "lead"] as const;
  type Who = (typeof roles)[number];
  const cookie = (who: Who) => (who === "anonymous" ? undefined : w[who].cookie);
  const leadOnly = { anonymous: 302, facilitator: 403, coordinator: 403, manager: 403, admin: 403, lead: 200 };

  it("lets only leads read, loggers log, and nobody else anything", async () => {
    const { id } = await logAs(w.facilitator);
    const checks: [string, unknown, Request | ((who: Who) => Request), Record<string, string>, Record<Who, number>][] = [
      [
        "GET /disclosures/new",
        logNew.loader,
        (who) => get("/disclosures/new", cookie(who)),
        {},
        { anonymous: 302, facilitator: 200, coordinator: 200, manager: 403, admin: 403, lead: 200 },
      ],
      [
        "POST /disclosures/new",
        logNew.action,
        (who) => post("/disclosures/new", logForm("OUTREACH"), cookie(who)),
        {},
        { anonymous: 302, facilitator: 302, coordinator: 302, manager: 403, admin: 403, lead: 302 },
      ],
      [
        "GET /disclosures/receipt",
        receipt.loader,
        (who) => get("/disclosures/receipt", cookie(who)),
        {},
        { anonymous: 302, facilitator: 302, coordinator: 302, manager: 403, admin: 403, lead: 302 },
      ],
      ["GET /disclosures", list.loader, (who) => get("/disclosures", cookie(who)), {}, leadOnly],
      ["GET /disclosures/export", exportCsv.loader, (who) => get("/disclosures/export", cookie(who)), {}, leadOnly],
      ["GET /disclosures/dashboard", dashboard.loader, (who) => get("/disclosures/dashboard", cookie(who)), {}, leadOnly],
      ["GET /disclosures/:id", record.loader, (who) => get(`/disclosures/${id}`, cookie(who)), { disclosureId: id }, leadOnly],
      [
        "POST /disclosures/:id",
        record.action,
        (who) => post(`/disclosures/${id}`, { intent: "addendum", text: "More", reason: "Test" }, cookie(who)),
        { disclosureId: id },
        { ...leadOnly, lead: 302 },
      ],
      [
        "GET /disclosures/:id/audit",
        auditTrail.loader,
        (who) => get(`/disclosures/${id}/audit`, cookie(who)),
        { disclosureId: id },
        leadOnly,
      ],
      ["GET /disclosures/categories", categories.loader, (who) => get("/disclosures/categories", cookie(who)), {}, leadOnly],
      [
        "POST /disclosures/categories",
        categories.action,
        (who) => post("/disclosures/categories", { intent: "add", label: `Cat ${who}` }, cookie(who)),
        {},
        { ...leadOnly, lead: 302 },
      ],
      ["GET /disclosures/settings", settings.loader, (who) => get("/disclosures/settings", cookie(who)), {}, leadOnly],
      [
        "POST /disclosures/settings",
        settings.action,
        (who) => post("/disclosures/settings", { patterns: "called <Capitalised>", socialCareYears: "25", otherYears: "6" }, cookie(who)),
        {},
        { ...leadOnly, lead: 302 },
      ],
      ["GET /disclosures/retention", retention.loader, (who) => get("/disclosures/retention", cookie(who)), {}, leadOnly],
      [
        "POST /disclosures/retention",
        retention.action,
        (who) => post("/disclosures/retention", { reference: "D-2000-NOPE22" }, cookie(who)),
        {},
        { ...leadOnly, lead: 422 },
      ],
    ];
    const problems: string[] = [];
    for (const [name, handler, request, params, expected] of checks) {
      for (const who of roles) {
        const req = typeof request === "function" ? request(who) : request;
        const res = await run(handler, req, params);
        if (res.status !== expected[who]) problems.push(`${name} as ${who}: ${res.status}, expected ${expected[who]}`);
        if (who !== "lead") expect(JSON.stringify(res.data ?? null)).not.toContain(MARKER);
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives 404 for a record that does not exist", async () => {
    expect((await run(record.loader, get("/disclosures/nope", w.lead.cookie), { disclosureId: "nope" })).status).toBe(404);
    expect(
      (
        await run(record.action, post("/disclosures/nope", { intent: "addendum", text: "x", reason: "y" }, w.lead.cookie), {
          disclosureId: "nope",
        })
      ).status,
    ).toBe(404);
    expect((await run(auditTrail.loader, get("/disclosures/nope/audit", w.lead.cookie), { disclosureId: "nope" })).status).toBe(404);
  });
});

describe("review by a lead", () => {
  it("audits every read of the list, the record, the dashboard and the trail, in the same transaction", async () => {
    const { id } = await logAs(w.facilitator);
    const reads = await auditCount("disclosure.read", id);
    const page = await run(record.loader, get(`/disclosures/${id}`, w.lead.cookie), { disclosureId: id });
    await run(record.loader, get(`/disclosures/${id}`, w.lead.cookie), { disclosureId: id });
    expect(JSON.stringify(page.data)).toContain(MARKER);
    expect(await auditCount("disclosure.read", id)).toBe(reads + 2);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "disclosure.read", entityId: id }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({ actorId: w.lead.user.id, entityType: "Disclosure", userAgent: null });

    const lists = await auditCount("disclosure.list");
    const listed = await run(list.loader, get("/disclosures?risk=HIGH&overdue=yes&from=bad", w.lead.cookie));
    expect(listed.status).toBe(200);
    expect(await auditCount("disclosure.list")).toBe(lists + 1);
    expect(JSON.stringify(listed.data)).not.toContain(MARKER);

    const dashboards = await auditCount("disclosure.dashboard");
    await run(dashboard.loader, get("/disclosures/dashboard", w.lead.cookie));
    expect(await auditCount("disclosure.dashboard")).toBe(dashboards + 1);
    await run(auditTrail.loader, get(`/disclosures/${id}/audit`, w.lead.cookie), { disclosureId: id });
    expect(await auditCount("disclosure.audit_read", id)).toBe(1);
  });

  it("fails the request when the audit row cannot be written", async () => {
    const { id } = await logAs(w.facilitator);
    await refuseAuditInserts("disclosure.read");
    try {
      await expect(run(record.loader, get(`/disclosures/${id}`, w.lead.cookie), { disclosureId: id })).rejects.toThrow();
    } finally {
      await allowAuditInserts();
    }
    await refuseAuditInserts("disclosure.create");
    const count = await db.disclosure.count();
    const outbox = await db.outboxMessage.count();
    try {
      await expect(run(logNew.action, post("/disclosures/new", logForm(w.session.id), w.facilitator.cookie))).rejects.toThrow();
    } finally {
      await allowAuditInserts();
    }
    expect(await db.disclosure.count()).toBe(count);
    expect(await db.outboxMessage.count()).toBe(outbox);
  });

  it("adds encrypted addenda, keeps a chronology of changes, and tracks follow-up actions", async () => {
    const { id } = await logAs(w.facilitator);
    const original = (await db.disclosure.findUniqueOrThrow({ where: { id } })).accountCiphertext;
    const act = (fields: Record<string, string | string[]>) =>
      run(record.action, post(`/disclosures/${id}`, fields, w.lead.cookie), { disclosureId: id });

    expect((await act({ intent: "addendum", text: `The time was 14:45. ${MARKER}-ADD`, reason: "Correction of the time" })).status).toBe(
      302,
    );
    const addendum = await db.disclosureAddendum.findFirstOrThrow({ where: { disclosureId: id } });
    expect(addendum.textCiphertext).not.toContain(MARKER);
    expect(decryptText(addendum.textCiphertext)).toContain(`${MARKER}-ADD`);
    expect(addendum).toMatchObject({ authorId: w.lead.user.id, reason: "Correction of the time" });
    const named = await act({ intent: "addendum", text: "She is called Bex", reason: "More" });
    expect(named.status).toBe(422);
    expect(errorsOf(named.data).text[0]).toContain('"called Bex"');

    const [y, m, d] = todayInLondon().split("-");
    const changed = await act({
      intent: "update",
      risk: "MEDIUM",
      status: "REFERRED",
      categoryIds: ["concern_cse", "concern_online"],
      legalHold: "YES",
      referralTo: "MASH",
      referralDay: d,
      referralMonth: m,
      referralYear: y,
      referralTime: "00:00",
      referralReference: "MASH-1",
    });
    expect(changed.status, JSON.stringify(changed.data)).toBe(302);
    const chronology = await db.disclosureChange.findMany({ where: { disclosureId: id }, orderBy: { field: "asc" } });
    expect(chronology.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ["categories", "CSE", "CSE,ONLINE"],
      ["legalHold", "false", "true"],
      ["referralAt", null, expect.any(String)],
      ["referralReference", null, "MASH-1"],
      ["referralTo", null, "MASH"],
      ["risk", "HIGH", "MEDIUM"],
      ["status", "OPEN", "REFERRED"],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "disclosure.change", entityId: id } });
    expect((audit.details as { changed: string[] }).changed.sort()).toEqual([
      "categories",
      "legalHold",
      "referralAt",
      "referralReference",
      "referralTo",
      "risk",
      "status",
    ]);
    const after = await db.disclosure.findUniqueOrThrow({ where: { id } });
    expect(after.retainUntil).toBe(`${Number(YESTERDAY().slice(0, 4)) + 25}${YESTERDAY().slice(4)}`);
    expect(after.referralMinutes).toBeGreaterThan(0);
    expect(
      (
        await act({
          intent: "update",
          risk: "MEDIUM",
          status: "REFERRED",
          categoryIds: ["concern_cse", "concern_online"],
          legalHold: "YES",
          referralTo: "MASH",
          referralDay: d,
          referralMonth: m,
          referralYear: y,
          referralTime: "00:00",
          referralReference: "MASH-1",
        })
      ).status,
    ).toBe(302);
    expect(await db.disclosureChange.count({ where: { disclosureId: id } })).toBe(7);

    const [py, pm, pd] = addDays(todayInLondon(), -3).split("-");
    expect(
      (
        await act({
          intent: "action",
          description: "Check in with the school",
          ownerId: w.lead.user.id,
          dueDay: pd,
          dueMonth: pm,
          dueYear: py,
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await act({
          intent: "action",
          description: "Owner must be a lead",
          ownerId: w.facilitator.user.id,
          dueDay: pd,
          dueMonth: pm,
          dueYear: py,
        })
      ).status,
    ).toBe(422);
    const page = await run(record.loader, get(`/disclosures/${id}`, w.lead.cookie), { disclosureId: id });
    const actions = (page.data as { disclosure: { actions: { id: string; overdue: boolean }[] } }).disclosure.actions;
    expect(actions).toEqual([expect.objectContaining({ overdue: true })]);
    const overdueList = await run(list.loader, get("/disclosures?overdue=yes", w.lead.cookie));
    expect((overdueList.data as { disclosures: { items: { id: string }[] } }).disclosures.items.map((i) => i.id)).toContain(id);
    expect(
      (await act({ intent: "complete", actionId: actions[0].id, outcome: "School is monitoring", doneDay: d, doneMonth: m, doneYear: y }))
        .status,
    ).toBe(302);
    expect(await db.disclosureAction.findUniqueOrThrow({ where: { id: actions[0].id } })).toMatchObject({
      doneDate: todayInLondon(),
      outcome: "School is monitoring",
    });
    expect(await auditCount("disclosure.action_add", id)).toBe(1);
    expect(await auditCount("disclosure.action_complete", id)).toBe(1);
    expect(await auditCount("disclosure.addendum", id)).toBe(1);

    expect((await db.disclosure.findUniqueOrThrow({ where: { id } })).accountCiphertext).toBe(original);
    expect((await act({ intent: "update", risk: "nonsense" })).status).toBe(400);
    expect((await act({ intent: "delete" })).status).toBe(400);
  });

  it("lets a lead add and archive concern categories, which then leave the form", async () => {
    expect(
      (await run(categories.action, post("/disclosures/categories", { intent: "add", label: "Radicalisation" }, w.lead.cookie))).status,
    ).toBe(302);
    const added = await db.concernCategory.findFirstOrThrow({ where: { label: "Radicalisation" } });
    expect(
      (await run(categories.action, post("/disclosures/categories", { intent: "add", label: "Radicalisation" }, w.lead.cookie))).status,
    ).toBe(422);
    expect(
      (await run(categories.action, post("/disclosures/categories", { intent: "archive", categoryId: added.id }, w.lead.cookie))).status,
    ).toBe(302);
    const form = await run(logNew.loader, get("/disclosures/new", w.facilitator.cookie));
    expect((form.data as { categories: { id: string }[] }).categories.map((c) => c.id)).not.toContain(added.id);
    expect(
      (await run(categories.action, post("/disclosures/categories", { intent: "archive", categoryId: "nope" }, w.lead.cookie))).status,
    ).toBe(422);
  });

  it("exports the filtered list as CSV without any free text, and audits the export", async () => {
    const { reference } = await logAs(w.facilitator);
    const exports = await auditCount("disclosure.export");
    const res = (await exportCsv.loader({
      request: get("/disclosures/export?risk=HIGH", w.lead.cookie),
      params: {},
      context: { requestId: "TEST", cspNonce: "" },
    })) as Response;
    expect(res.headers.get("content-type")).toContain("text/csv");
    const csv = await res.text();
    expect(csv).toContain(reference);
    expect(csv).not.toContain(MARKER);
    expect(csv).not.toContain("vapes");
    expect(await auditCount("disclosure.export")).toBe(exports + 1);
  });

  it("lets admins search the audit log for a record without seeing its content", async () => {
    const { id } = await logAs(w.facilitator);
    const res = await run(adminAudit.loader, get(`/admin/audit?entityType=Disclosure&entityId=${id}&from=2000-01-01`, w.admin.cookie));
    const events = (res.data as { events: { items: { action: string }[] } }).events.items;
    expect(events.map((e) => e.action)).toContain("disclosure.create");
    expect(JSON.stringify(res.data)).not.toContain(MARKER);
  });
});

describe("garbage input", () => {
  it("gets 400 or 422 from every disclosure action and changes nothing", async () => {
    const { id } = await logAs(w.facilitator);
    const snapshot = async () =>
      JSON.stringify([
        await db.disclosure.findMany({ orderBy: { id: "asc" } }),
        await db.concernCategory.findMany({ orderBy: { id: "asc" } }),
        await db.setting.findMany({ orderBy: { key: "asc" } }),
      ]);
    const before = await snapshot();
    const bodies: Record<string, string | string[]>[] = [
      {},
      { intent: "nonsense" },
      { intent: ["update", "addendum"] },
      { intent: "update", risk: "HIGH", status: "OPEN", categoryIds: "x".repeat(5000), legalHold: "YES", referralTo: "NONE" },
      {
        intent: "update",
        risk: "HIGH",
        status: "OPEN",
        categoryIds: "concern_cse",
        legalHold: "MAYBE",
        referralTo: "MASH",
        referralDay: "99",
        referralMonth: "1",
        referralYear: "2026",
        referralTime: "12:00",
      },
      { intent: "complete", actionId: "nope", outcome: "x", doneDay: "1", doneMonth: "1", doneYear: "2020" },
      { intent: "addendum", text: "\u0000", reason: "" },
      { intent: "add", label: "" },
      { intent: "archive", categoryId: "nope" },
      { patterns: "<Capitalised>", socialCareYears: "-1", otherYears: "abc" },
      { reference: "" },
      { reference: "D-0000-XXXXXX" },
      { where: "x".repeat(100), account: "x".repeat(20_000) },
      { where: "OUTREACH", categoryIds: Array(60).fill("concern_cse"), risk: "HIGH" },
    ];
    const routes: [string, unknown, Record<string, string>][] = [
      ["/disclosures/new", logNew.action, {}],
      [`/disclosures/${id}`, record.action, { disclosureId: id }],
      ["/disclosures/categories", categories.action, {}],
      ["/disclosures/settings", settings.action, {}],
      ["/disclosures/retention", retention.action, {}],
    ];
    const problems: string[] = [];
    for (const [path, handler, params] of routes) {
      for (const body of bodies) {
        const res = await run(handler, post(path, body, w.lead.cookie), params);
        if (![400, 422].includes(res.status)) problems.push(`${path} ${JSON.stringify(body).slice(0, 80)}: ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});

describe("the dashboard and counts", () => {
  it("computes the median time to referral in the database", async () => {
    await db.disclosure.updateMany({ data: { referralMinutes: null } });
    const base = new Date("2026-05-01T09:00:00Z");
    for (const minutes of [60, 300, 120]) {
      await makeDisclosure(db, {
        receivedById: w.facilitator.user.id,
        disclosedAt: base,
        referralTo: "POLICE",
        referralAt: new Date(base.getTime() + minutes * 60_000),
      });
    }
    let res = await run(dashboard.loader, get("/disclosures/dashboard", w.lead.cookie));
    expect(res.data).toMatchObject({ medianMinutes: 120, referredCount: 3 });
    await makeDisclosure(db, {
      receivedById: w.facilitator.user.id,
      disclosedAt: base,
      referralTo: "POLICE",
      referralAt: new Date(base.getTime() + 600 * 60_000),
    });
    res = await run(dashboard.loader, get("/disclosures/dashboard", w.lead.cookie));
    expect(res.data).toMatchObject({ medianMinutes: 210, referredCount: 4 });
    expect((res.data as { openByRisk: Record<string, number> }).openByRisk.MEDIUM).toBeGreaterThanOrEqual(4);
  });

  it("suppresses counts of 1 to 4 for anyone who is not a lead", async () => {
    const day = "2025-02-03";
    for (let i = 0; i < 6; i++) {
      await makeDisclosure(db, {
        receivedById: w.facilitator.user.id,
        disclosedAt: new Date(`${day}T12:00:00Z`),
        risk: i < 5 ? "HIGH" : "LOW",
        sessionId: w.session.id,
      });
    }
    const manager = await disclosureCounts({ viewer: { roles: ["MANAGER"] }, from: day, to: day, groupBy: "risk" });
    expect(manager.rows).toEqual([
      { key: "LOW", label: "Low", count: SUPPRESSED },
      { key: "MEDIUM", label: "Medium", count: 0 },
      { key: "HIGH", label: "High", count: 5 },
    ]);
    expect(manager.total).toBe(WITHHELD); // 6 − 0 − 5 would give the suppressed 1 back
    const lead = await disclosureCounts({ viewer: { roles: ["LEAD"] }, from: day, to: day, groupBy: "risk" });
    expect(lead.rows.find((r) => r.key === "LOW")?.count).toBe(1);
    const byProgramme = await disclosureCounts({ viewer: { roles: ["MANAGER"] }, from: day, to: day, groupBy: "programme" });
    expect(byProgramme.rows.find((r) => r.key === w.programme.id)?.count).toBe(6);
    const byCategory = await disclosureCounts({ viewer: { roles: ["MANAGER"] }, from: day, to: day, groupBy: "category" });
    expect(byCategory.rows.find((r) => r.key === "concern_cse")?.count).toBe(6);
  });
});

describe("nothing leaks", () => {
  it("keeps the marker out of every outbox message, audit row and console line", async () => {
    const outbox = await db.outboxMessage.findMany();
    expect(outbox.length).toBeGreaterThan(0);
    expect(JSON.stringify(outbox)).not.toContain(MARKER);
    expect(JSON.stringify(await db.auditEvent.findMany())).not.toContain(MARKER);
    expect(JSON.stringify(await db.disclosureChange.findMany())).not.toContain(MARKER);
    expect(logged.join("\n")).not.toContain(MARKER);
  });
});
