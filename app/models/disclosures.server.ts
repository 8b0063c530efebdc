// The disclosure log: a safeguarding record, not a table to edit. Loggers write once and get a reference;
// only leads read. The original account is never rewritten; every read and change is audited in the same
// transaction; free text is encrypted before it reaches the database.
import { randomInt } from "node:crypto";
import { enqueueEmail } from "~/models/outbox.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { decryptText, encryptText } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { pageWindow, toPage } from "~/utils/pagination";
import { assertCan, can, rolesWith } from "~/utils/permissions";
import { addDays, addMonths, InvalidLocalTimeError, londonDate, londonDayBounds, londonToInstant, todayInLondon } from "~/utils/time";
import { medianReferralMinutes } from "./disclosure-counts.server";
import { findIdentifyingText, identifierPatterns, retentionPolicy, type RetentionPolicy } from "./disclosure-settings.server";
import { RISK_LABELS, SOCIAL_CARE_REFERRALS, type DisclosureStatusValue, type ReferralTarget, type RiskLevel } from "./disclosure-options";

// ─── Errors a page can explain ───

export class IdentifyingTextError extends DomainError {
  constructor(
    field: string,
    public readonly found: string,
    kind: "contact" | "pattern",
  ) {
    super(
      kind === "contact"
        ? `Remove "${found}": it is the name of a contact at this venue. Do not write names or other identifying details`
        : `Remove "${found}": it looks like a name. Do not write the young person's name or other identifying details`,
      field,
    );
  }
}
export class NotASessionChoiceError extends DomainError {
  constructor() {
    super("Select a session from the list, or say the disclosure was not at a session", "where");
  }
}
export class DisclosureTimeError extends DomainError {}
/** The record does not exist (or was deleted after retention): pages answer 404. */
export class DisclosureNotFoundError extends NotFoundError {
  constructor() {
    super("Disclosure not found");
  }
}
export class RetentionError extends DomainError {}

// ─── Logging ───

const RECENT_SESSION_DAYS = 14;

/** Sessions a user may log a disclosure against: their team's recent sessions, or any recent session for coordinators and leads. */
function loggableSessionsWhere(user: Actor, now: Date) {
  const window = {
    startsAt: {
      gte: londonDayBounds(addDays(todayInLondon(now), -RECENT_SESSION_DAYS)).start,
      lt: londonDayBounds(todayInLondon(now)).end,
    },
  };
  const everyTeam = can(user.roles, "disclosure:log-any-team");
  return everyTeam ? window : { ...window, team: { members: { some: { userId: user.id } } } };
}

/** May this user log a disclosure against this session (the log form would offer it)? */
export async function canLogDisclosureAt(user: Actor, sessionId: string, now = new Date()): Promise<boolean> {
  if (!can(user.roles, "disclosure:log")) return false;
  return (await db.session.count({ where: { ...loggableSessionsWhere(user, now), id: sessionId, status: { not: "CANCELLED" } } })) > 0;
}

export async function sessionsForLogging(user: Actor, now = new Date()) {
  const sessions = await db.session.findMany({
    where: { ...loggableSessionsWhere(user, now), status: { not: "CANCELLED" } },
    orderBy: { startsAt: "desc" },
    take: 50,
    select: { id: true, startsAt: true, venue: { select: { name: true } }, programme: { select: { name: true } } },
  });
  return sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, venueName: s.venue.name, programmeName: s.programme.name }));
}

/** What the log form offers: the user's loggable sessions and the current concern categories. */
export async function disclosureLogForm(user: Actor, now = new Date()) {
  const [sessions, categories] = await Promise.all([
    sessionsForLogging(user, now),
    db.concernCategory.findMany({
      where: { archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
      select: { id: true, label: true },
    }),
  ]);
  return { sessions, categories, today: todayInLondon(now) };
}

export type NewDisclosure = {
  sessionId: string | null;
  unlinkedContext: "OUTREACH" | "STALL" | null;
  disclosedDate: string;
  disclosedTime: string;
  supportWorkerName?: string;
  supportWorkerOrganisation?: string;
  yearGroup?: string;
  ageBand?: string;
  sex?: string;
  attendsVenueSchool: boolean | null;
  categoryIds: string[];
  risk: RiskLevel;
  account: string;
  immediateAction?: string;
  referral: { to: ReferralTarget; date: string; time: string; reference?: string } | null;
};

const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/** "D-2026-7KQ4MX": the year and random characters; says nothing about the young person or how many there were. */
function newReference(disclosedAt: Date): string {
  let random = "";
  for (let i = 0; i < 6; i++) random += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `D-${londonDate(disclosedAt).slice(0, 4)}-${random}`;
}

function instantOrError(date: string, time: string, field: string): Date {
  try {
    return londonToInstant(date, time);
  } catch (error) {
    if (error instanceof InvalidLocalTimeError) throw new DisclosureTimeError(error.message, field);
    throw new DisclosureTimeError("Enter a real date and time", field);
  }
}

export function retainUntilFor(disclosedAt: Date, referralTo: string | null, policy: RetentionPolicy): string {
  const years =
    referralTo && (SOCIAL_CARE_REFERRALS as readonly string[]).includes(referralTo) ? policy.socialCareYears : policy.otherYears;
  return addMonths(londonDate(disclosedAt), years * 12);
}

async function refuseIdentifyingText(tx: Tx, texts: [field: string, text: string | undefined][], sessionId: string | null) {
  const contacts = sessionId
    ? await tx.venueContact.findMany({ where: { venue: { sessions: { some: { id: sessionId } } } }, select: { name: true } })
    : [];
  const patterns = await identifierPatterns(tx);
  for (const [field, text] of texts) {
    if (!text) continue;
    const found = findIdentifyingText(
      text,
      contacts.map((c) => c.name),
      patterns,
    );
    if (found) throw new IdentifyingTextError(field, found.found, found.kind);
  }
}

/** Save a disclosure, alert every lead (reference, risk and link only) and audit it, in one transaction. */
export async function logDisclosure(actor: Actor, input: NewDisclosure, meta: RequestMeta, now = new Date()) {
  const disclosedAt = instantOrError(input.disclosedDate, input.disclosedTime, "disclosedAt");
  if (disclosedAt.getTime() > now.getTime() + 5 * 60_000)
    throw new DisclosureTimeError("The time of the disclosure must be in the past", "disclosedAt");
  const referralAt = input.referral ? instantOrError(input.referral.date, input.referral.time, "referralAt") : null;
  if (referralAt && referralAt < disclosedAt)
    throw new DisclosureTimeError("The referral must be on or after the time of the disclosure", "referralAt");
  if (referralAt && referralAt.getTime() > now.getTime() + 5 * 60_000)
    throw new DisclosureTimeError("The referral must be in the past", "referralAt");

  return db.$transaction(async (tx) => {
    if (input.sessionId) {
      const allowed = await tx.session.count({
        where: { id: input.sessionId, status: { not: "CANCELLED" }, ...loggableSessionsWhere(actor, now) },
      });
      if (!allowed) throw new NotASessionChoiceError();
    }
    return insertDisclosure(tx, actor, { ...input, disclosedAt, referralAt }, meta);
  });
}

/** What insertDisclosure stores: a logged disclosure, or one a lead made from a pupil's questionnaire answer. */
export type DisclosureRecord = Pick<NewDisclosure, "sessionId" | "unlinkedContext" | "categoryIds" | "risk" | "account"> &
  Partial<Omit<NewDisclosure, "referral">> & {
    disclosedAt: Date;
    referral?: NewDisclosure["referral"];
    referralAt?: Date | null;
  };

/**
 * Write a disclosure inside the caller's transaction: categories checked, identifying text refused, text encrypted,
 * every lead alerted (reference and link only) and the creation audited. The caller has checked the session.
 */
export async function insertDisclosure(tx: Tx, actor: Actor, input: DisclosureRecord, meta: RequestMeta) {
  const { disclosedAt } = input;
  const referralAt = input.referralAt ?? null;
  const categories = await tx.concernCategory.count({ where: { id: { in: input.categoryIds }, archivedAt: null } });
  if (categories !== new Set(input.categoryIds).size) throw new DomainError("Select concern categories from the list", "categoryIds");
  await refuseIdentifyingText(
    tx,
    [
      ["account", input.account],
      ["immediateAction", input.immediateAction],
    ],
    input.sessionId,
  );

  const policy = await retentionPolicy(tx);
  let reference = newReference(disclosedAt);
  while (await tx.disclosure.count({ where: { reference } })) reference = newReference(disclosedAt);
  const created = await tx.disclosure.create({
    data: {
      reference,
      sessionId: input.sessionId,
      unlinkedContext: input.sessionId ? null : input.unlinkedContext,
      disclosedAt,
      receivedById: actor.id,
      supportWorkerName: input.supportWorkerName || null,
      supportWorkerOrganisation: input.supportWorkerOrganisation || null,
      yearGroup: input.yearGroup || null,
      ageBand: input.ageBand || null,
      sex: input.sex || null,
      attendsVenueSchool: input.attendsVenueSchool ?? null,
      risk: input.risk,
      accountCiphertext: encryptText(input.account),
      immediateActionCiphertext: input.immediateAction ? encryptText(input.immediateAction) : null,
      referralTo: input.referral?.to ?? null,
      referralAt,
      referralReference: input.referral?.reference || null,
      referralMinutes: referralAt ? Math.round((referralAt.getTime() - disclosedAt.getTime()) / 60_000) : null,
      status: input.referral ? "REFERRED" : "OPEN",
      retainUntil: retainUntilFor(disclosedAt, input.referral?.to ?? null, policy),
      categories: { create: [...new Set(input.categoryIds)].map((categoryId) => ({ categoryId })) },
    },
    select: { id: true, reference: true },
  });
  const leads = await tx.user.findMany({
    where: { active: true, roles: { some: { role: { in: rolesWith("disclosure:read") } } } },
    select: { id: true, email: true },
  });
  for (const lead of leads) await enqueueEmail(tx, disclosureAlert(lead, created, input.risk));
  await writeAudit(
    tx,
    { actor, meta },
    {
      action: "disclosure.create",
      entityType: "Disclosure",
      entityId: created.id,
      details: { v: 1, reference: created.reference, risk: input.risk, alerted: leads.length },
    },
  );
  return created;
}

/** The alert says that something was logged and where to read it — never what was said. */
function disclosureAlert(lead: { id: string; email: string }, disclosure: { id: string; reference: string }, risk: RiskLevel) {
  const link = new URL(`/disclosures/${disclosure.id}`, env().APP_URL).toString();
  return {
    to: lead.email,
    dedupeKey: `disclosure-alert:${disclosure.id}:${lead.id}`,
    subject: `${risk === "HIGH" ? "HIGH RISK: " : ""}Disclosure ${disclosure.reference} logged`,
    text: [
      "A disclosure has been logged in Outreach.",
      "",
      `Reference: ${disclosure.reference}`,
      `Risk level: ${RISK_LABELS[risk]}`,
      "",
      `Sign in to read it: ${link}`,
      "",
      "This email does not contain any details of the disclosure. Do not forward it.",
    ].join("\n"),
  };
}

// ─── Reading (only with disclosure:read, checked here as well as in routes; every read is audited in the same transaction) ───

export type DisclosureFilters = {
  risk?: RiskLevel;
  status?: DisclosureStatusValue;
  categoryId?: string;
  programmeId?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
};

const overdueActions = (today: string) => ({ doneDate: null, dueDate: { lt: today } });

function disclosureWhere(filters: DisclosureFilters, today: string) {
  return {
    ...(filters.risk ? { risk: filters.risk } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.categoryId ? { categories: { some: { categoryId: filters.categoryId } } } : {}),
    ...(filters.programmeId ? { session: { programmeId: filters.programmeId } } : {}),
    ...(filters.from || filters.to
      ? {
          disclosedAt: {
            ...(filters.from ? { gte: londonDayBounds(filters.from).start } : {}),
            ...(filters.to ? { lt: londonDayBounds(filters.to).end } : {}),
          },
        }
      : {}),
    ...(filters.overdue ? { actions: { some: overdueActions(today) } } : {}),
  };
}

export async function listDisclosures(
  actor: Actor,
  { page, filters }: { page: number; filters: DisclosureFilters },
  meta: RequestMeta,
  now = new Date(),
) {
  assertCan(actor, "disclosure:read");
  const today = todayInLondon(now);
  const where = disclosureWhere(filters, today);
  return db.$transaction(async (tx) => {
    // One query at a time: a transaction holds a single connection.
    const items = await tx.disclosure.findMany({
      where,
      orderBy: [{ disclosedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        reference: true,
        disclosedAt: true,
        risk: true,
        status: true,
        legalHold: true,
        categories: { select: { category: { select: { label: true } } } },
        _count: { select: { actions: { where: overdueActions(today) } } },
      },
      ...pageWindow(page),
    });
    const total = await tx.disclosure.count({ where });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "disclosure.list",
        entityType: "Disclosure",
        details: {
          v: 1,
          page,
          filters: Object.keys(filters).filter((k) => filters[k as keyof DisclosureFilters]),
          shown: items.map((i) => i.id),
        },
      },
    );
    return toPage(
      items.map(({ categories, _count, ...d }) => ({
        ...d,
        categories: categories.map((c) => c.category.label),
        overdueActions: _count.actions,
      })),
      total,
      page,
    );
  });
}

/**
 * Every disclosure matching the filters as CSV rows for a lead: codes, dates and references only — the account,
 * immediate action, addenda and action text never leave the record page. Audited with the ids exported.
 */
export async function exportDisclosures(actor: Actor, filters: DisclosureFilters, meta: RequestMeta, now = new Date()) {
  assertCan(actor, "disclosure:read");
  const today = todayInLondon(now);
  return db.$transaction(async (tx) => {
    const rows = await tx.disclosure.findMany({
      where: disclosureWhere(filters, today),
      orderBy: [{ disclosedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        reference: true,
        disclosedAt: true,
        unlinkedContext: true,
        yearGroup: true,
        ageBand: true,
        sex: true,
        risk: true,
        status: true,
        referralTo: true,
        referralAt: true,
        legalHold: true,
        retainUntil: true,
        session: { select: { programme: { select: { name: true } }, venue: { select: { name: true } } } },
        categories: { select: { category: { select: { label: true } } } },
        _count: { select: { actions: { where: overdueActions(today) } } },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "disclosure.export",
        entityType: "Disclosure",
        details: {
          v: 1,
          filters: Object.keys(filters).filter((k) => filters[k as keyof DisclosureFilters]),
          exported: rows.map((r) => r.id),
        },
      },
    );
    const header = [
      "Reference",
      "Disclosed",
      "Programme",
      "Venue",
      "Year group",
      "Age band",
      "Sex",
      "Concerns",
      "Risk",
      "Status",
      "Referred to",
      "Referred at",
      "Overdue actions",
      "Legal hold",
      "Keep until",
    ];
    return {
      header,
      rows: rows.map((r) => [
        r.reference,
        r.disclosedAt,
        r.session?.programme.name ?? r.unlinkedContext,
        r.session?.venue.name ?? "",
        r.yearGroup,
        r.ageBand,
        r.sex,
        r.categories.map((c) => c.category.label).join("; "),
        r.risk,
        r.status,
        r.referralTo,
        r.referralAt,
        r._count.actions,
        r.legalHold,
        r.retainUntil,
      ]),
    };
  });
}

/** Choices for the list filters and record forms. Reference data only: nothing about any disclosure. */
export async function disclosureFormOptions() {
  const [categories, programmes, leads] = await Promise.all([
    db.concernCategory.findMany({ orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true, archivedAt: true } }),
    db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { active: true, roles: { some: { role: { in: rolesWith("disclosure:read") } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { categories, programmes, leads };
}

/** The list page: one page of disclosures (audited) and the filter choices. */
export async function disclosureListPage(
  actor: Actor,
  query: { page: number; filters: DisclosureFilters },
  meta: RequestMeta,
  now = new Date(),
) {
  assertCan(actor, "disclosure:read");
  const [disclosures, options] = await Promise.all([listDisclosures(actor, query, meta, now), disclosureFormOptions()]);
  return { disclosures, options };
}

/** The record page: the record (audited) and the choices its forms offer. */
export async function disclosureRecordPage(actor: Actor, id: string, meta: RequestMeta, now = new Date()) {
  assertCan(actor, "disclosure:read");
  const [disclosure, options] = await Promise.all([getDisclosure(actor, id, meta, now), disclosureFormOptions()]);
  return { disclosure, options };
}

/** The whole record with its text decrypted. Audited as a read in the same transaction. */
export async function getDisclosure(actor: Actor, id: string, meta: RequestMeta, now = new Date()) {
  assertCan(actor, "disclosure:read");
  const today = todayInLondon(now);
  return db.$transaction(async (tx) => {
    const d = await tx.disclosure.findUnique({
      where: { id },
      select: {
        id: true,
        reference: true,
        disclosedAt: true,
        unlinkedContext: true,
        supportWorkerName: true,
        supportWorkerOrganisation: true,
        yearGroup: true,
        ageBand: true,
        sex: true,
        attendsVenueSchool: true,
        risk: true,
        status: true,
        legalHold: true,
        retainUntil: true,
        accountCiphertext: true,
        immediateActionCiphertext: true,
        referralTo: true,
        referralAt: true,
        referralReference: true,
        createdAt: true,
        receivedBy: { select: { name: true } },
        session: {
          select: {
            id: true,
            startsAt: true,
            venue: { select: { name: true } },
            programme: { select: { name: true } },
            team: { select: { name: true } },
          },
        },
        categories: { select: { category: { select: { id: true, label: true } } } },
        addenda: {
          orderBy: { createdAt: "asc" },
          select: { id: true, textCiphertext: true, reason: true, createdAt: true, author: { select: { name: true } } },
        },
        actions: {
          orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            description: true,
            dueDate: true,
            doneDate: true,
            outcome: true,
            owner: { select: { id: true, name: true } },
          },
        },
        changes: {
          orderBy: { at: "asc" },
          select: { id: true, at: true, field: true, oldValue: true, newValue: true, actor: { select: { name: true } } },
        },
      },
    });
    if (!d) throw new DisclosureNotFoundError();
    await writeAudit(tx, { actor, meta }, { action: "disclosure.read", entityType: "Disclosure", entityId: id, details: { v: 1 } });
    const { accountCiphertext, immediateActionCiphertext, addenda, actions, categories, ...rest } = d;
    return {
      ...rest,
      account: decryptText(accountCiphertext),
      immediateAction: immediateActionCiphertext ? decryptText(immediateActionCiphertext) : null,
      categories: categories.map((c) => c.category),
      addenda: addenda.map(({ textCiphertext, ...a }) => ({ ...a, text: decryptText(textCiphertext) })),
      actions: actions.map((a) => ({ ...a, overdue: !a.doneDate && a.dueDate < today })),
    };
  });
}

/** Who read or changed a record, newest first. Reading the trail is itself audited. */
export async function disclosureAuditTrail(actor: Actor, id: string, page: number, meta: RequestMeta) {
  assertCan(actor, "disclosure:read");
  return db.$transaction(async (tx) => {
    const d = await tx.disclosure.findUnique({ where: { id }, select: { id: true, reference: true } });
    if (!d) throw new DisclosureNotFoundError();
    await writeAudit(tx, { actor, meta }, { action: "disclosure.audit_read", entityType: "Disclosure", entityId: id, details: { v: 1 } });
    const where = { entityType: "Disclosure", entityId: id };
    const items = await tx.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true, at: true, actorEmail: true, action: true, ip: true, userAgent: true, details: true },
      ...pageWindow(page),
    });
    const total = await tx.auditEvent.count({ where });
    return {
      disclosure: d,
      events: toPage(
        items.map(({ details, ...e }) => ({ ...e, changed: changedFields(details) })),
        total,
        page,
      ),
    };
  });
}

const changedFields = (details: unknown): string[] =>
  details && typeof details === "object" && "changed" in details && Array.isArray(details.changed) ? details.changed.map(String) : [];

// ─── Changes (only with disclosure:read) ───

async function requireDisclosure(tx: Tx, id: string) {
  const d = await tx.disclosure.findUnique({
    where: { id },
    select: {
      id: true,
      disclosedAt: true,
      risk: true,
      status: true,
      legalHold: true,
      referralTo: true,
      referralAt: true,
      referralReference: true,
      sessionId: true,
      categories: { select: { categoryId: true, category: { select: { code: true } } } },
    },
  });
  if (!d) throw new DisclosureNotFoundError();
  return d;
}

/** Corrections and further information: a dated, encrypted addendum with its author and reason. */
export async function addAddendum(actor: Actor, id: string, input: { text: string; reason: string }, meta: RequestMeta) {
  assertCan(actor, "disclosure:read");
  return db.$transaction(async (tx) => {
    const d = await requireDisclosure(tx, id);
    await refuseIdentifyingText(tx, [["text", input.text]], d.sessionId);
    const addendum = await tx.disclosureAddendum.create({
      data: { disclosureId: id, textCiphertext: encryptText(input.text), reason: input.reason.trim(), authorId: actor.id },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "disclosure.addendum", entityType: "Disclosure", entityId: id, details: { v: 1, addendumId: addendum.id } },
    );
    return addendum;
  });
}

export type DisclosureUpdate = {
  risk: RiskLevel;
  status: DisclosureStatusValue;
  categoryIds: string[];
  legalHold: boolean;
  referral: { to: ReferralTarget; date: string; time: string; reference?: string } | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Change risk, status, categories, referral or legal hold. Each changed field gets a chronology row with its
 * old and new value (codes, not free text) and the audit row lists the field names.
 */
export async function updateDisclosure(actor: Actor, id: string, input: DisclosureUpdate, meta: RequestMeta, now = new Date()) {
  assertCan(actor, "disclosure:read");
  return db.$transaction(async (tx) => {
    const d = await requireDisclosure(tx, id);
    const referralAt = input.referral ? instantOrError(input.referral.date, input.referral.time, "referralAt") : null;
    if (referralAt && referralAt < d.disclosedAt)
      throw new DisclosureTimeError("The referral must be on or after the time of the disclosure", "referralAt");
    if (referralAt && referralAt.getTime() > now.getTime() + 5 * 60_000)
      throw new DisclosureTimeError("The referral must be in the past", "referralAt");
    const wanted = [...new Set(input.categoryIds)];
    const found = await tx.concernCategory.findMany({ where: { id: { in: wanted } }, select: { id: true, code: true } });
    if (found.length !== wanted.length) throw new DomainError("Select concern categories from the list", "categoryIds");

    const changes: { field: string; oldValue: string | null; newValue: string | null }[] = [];
    const compare = (field: string, oldValue: string | null, newValue: string | null) => {
      if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
    };
    compare("risk", d.risk, input.risk);
    compare("status", d.status, input.status);
    compare(
      "categories",
      d.categories
        .map((c) => c.category.code)
        .sort()
        .join(",") || null,
      found
        .map((c) => c.code)
        .sort()
        .join(",") || null,
    );
    compare("legalHold", String(d.legalHold), String(input.legalHold));
    compare("referralTo", d.referralTo, input.referral?.to ?? null);
    compare("referralAt", iso(d.referralAt), iso(referralAt));
    compare("referralReference", d.referralReference, input.referral?.reference || null);
    if (changes.length === 0) return { changed: [] as string[] };

    const policy = await retentionPolicy(tx);
    await tx.disclosure.update({
      where: { id },
      data: {
        risk: input.risk,
        status: input.status,
        legalHold: input.legalHold,
        referralTo: input.referral?.to ?? null,
        referralAt,
        referralReference: input.referral?.reference || null,
        referralMinutes: referralAt ? Math.round((referralAt.getTime() - d.disclosedAt.getTime()) / 60_000) : null,
        retainUntil: retainUntilFor(d.disclosedAt, input.referral?.to ?? null, policy),
      },
    });
    if (changes.some((c) => c.field === "categories")) {
      await tx.disclosureCategory.deleteMany({ where: { disclosureId: id } });
      await tx.disclosureCategory.createMany({ data: wanted.map((categoryId) => ({ disclosureId: id, categoryId })) });
    }
    await tx.disclosureChange.createMany({ data: changes.map((c) => ({ disclosureId: id, actorId: actor.id, at: now, ...c })) });
    const changed = changes.map((c) => c.field);
    await writeAudit(
      tx,
      { actor, meta },
      { action: "disclosure.change", entityType: "Disclosure", entityId: id, details: { v: 1, changed } },
    );
    return { changed };
  });
}

export async function addFollowUpAction(
  actor: Actor,
  id: string,
  input: { description: string; ownerId: string; dueDate: string },
  meta: RequestMeta,
) {
  assertCan(actor, "disclosure:read");
  return db.$transaction(async (tx) => {
    await requireDisclosure(tx, id);
    const owner = await tx.user.count({
      where: { id: input.ownerId, active: true, roles: { some: { role: { in: rolesWith("disclosure:read") } } } },
    });
    if (!owner) throw new DomainError("Select an owner from the list", "ownerId");
    const action = await tx.disclosureAction.create({
      data: {
        disclosureId: id,
        description: input.description.trim(),
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "disclosure.action_add", entityType: "Disclosure", entityId: id, details: { v: 1, actionId: action.id } },
    );
    return action;
  });
}

export async function completeFollowUpAction(
  actor: Actor,
  id: string,
  input: { actionId: string; doneDate: string; outcome: string },
  meta: RequestMeta,
  now = new Date(),
) {
  assertCan(actor, "disclosure:read");
  if (input.doneDate > todayInLondon(now)) throw new DomainError("The date done must be today or in the past", "doneDate");
  return db.$transaction(async (tx) => {
    const action = await tx.disclosureAction.findFirst({
      where: { id: input.actionId, disclosureId: id },
      select: { id: true, doneDate: true },
    });
    // The action id comes from the form (one form per action), so an unknown one is a form error, not a missing page.
    if (!action) throw new DomainError("Action not found");
    if (action.doneDate) throw new DomainError("This action is already done", "actionId");
    await tx.disclosureAction.update({ where: { id: action.id }, data: { doneDate: input.doneDate, outcome: input.outcome.trim() } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "disclosure.action_complete", entityType: "Disclosure", entityId: id, details: { v: 1, actionId: action.id } },
    );
  });
}

// ─── The lead's dashboard (every figure computed in the database) ───

export async function disclosureDashboard(actor: Actor, meta: RequestMeta, now = new Date()) {
  assertCan(actor, "disclosure:read");
  const today = todayInLondon(now);
  return db.$transaction(async (tx) => {
    // One query at a time: a transaction holds a single connection.
    const byRisk = await tx.disclosure.groupBy({ by: ["risk"], where: { status: { not: "CLOSED" } }, _count: { _all: true } });
    const overdueCount = await tx.disclosureAction.count({ where: overdueActions(today) });
    const overdue = await tx.disclosureAction.findMany({
      where: overdueActions(today),
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: 10,
      select: {
        id: true,
        dueDate: true,
        owner: { select: { name: true } },
        disclosure: { select: { id: true, reference: true, risk: true } },
      },
    });
    const medianMinutes = await medianReferralMinutes(tx);
    const referredCount = await tx.disclosure.count({ where: { referralMinutes: { not: null } } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "disclosure.dashboard", entityType: "Disclosure", details: { v: 1, shown: overdue.map((a) => a.disclosure.id) } },
    );
    const openByRisk = { LOW: 0, MEDIUM: 0, HIGH: 0 } as Record<RiskLevel, number>;
    for (const row of byRisk) openByRisk[row.risk as RiskLevel] = row._count._all;
    return { openByRisk, overdueCount, overdue, medianMinutes, referredCount };
  });
}
