// Named registers for staff briefings and driver training: expected attendees (one by one or from CSV),
// attended / absent on the day, certificates for those who attended, and a printable sign-in sheet.
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { attendanceModeFor, IMPORT_COLUMNS, REGISTER_STATUS_LABELS, type ProgrammeKind } from "~/utils/attendance";
import { CsvSyntaxError, parseCsvWithHeader } from "~/utils/csv.server";
import { db, type Tx } from "~/utils/db.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { pageWindow, toPage } from "~/utils/pagination";
import { can } from "~/utils/permissions";
import { markDeliveredOnce, sessionForRecording, sessionsInScope, type Viewer } from "./attendance.server";
import { issueCertificate, withdrawCertificate } from "./certificates.server";
import {
  findOrCreatePerson,
  listTaxiOperators,
  normalisePerson,
  PersonConflictError,
  personProblems,
  searchPeople,
  type PersonInput,
  type RegisterAudience,
} from "./people.server";

/** No register grows beyond this, so a whole register (sign-in sheet, certificates) is a bounded read. */
export const MAX_REGISTER_SIZE = 500;
export const MAX_IMPORT_ROWS = 500;
export const REGISTER_PAGE_SIZE = 100;

export const audienceFor = (kind: string): RegisterAudience => (kind === "DRIVER_TRAINING" ? "DRIVERS" : "STAFF");

export class RegisterError extends DomainError {}

export class PersonDetailsError extends DomainError {
  constructor(public readonly problems: { field: keyof PersonInput; message: string }[]) {
    super(problems[0]?.message ?? "Check the person's details", problems[0]?.field);
  }
}

export type RowError = { row: number; message: string };

export class RegisterImportError extends DomainError {
  constructor(
    message: string,
    public readonly rowErrors: RowError[] = [],
    public readonly validRows = 0,
  ) {
    super(message, "file");
  }
}

const REGISTER_SESSION_SELECT = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  programme: { select: { id: true, name: true, kind: true, refresherMonths: true } },
  venue: { select: { id: true, name: true } },
  team: { select: { name: true } },
} as const;

/** A register session for managing (adding or removing people): in scope, with a register, not cancelled. */
async function sessionForManaging(tx: Tx, actor: Viewer, sessionId: string) {
  const session = await tx.session.findFirst({
    where: { id: sessionId, ...sessionsInScope(actor, "manage") },
    select: REGISTER_SESSION_SELECT,
  });
  if (!session) throw new NotFoundError("Session not found");
  if (attendanceModeFor(session.programme.kind as ProgrammeKind) !== "REGISTER") {
    throw new RegisterError("Only staff briefings and driver training have a named register");
  }
  if (session.status === "CANCELLED" || session.status === "DECLINED")
    throw new RegisterError("This session is not going ahead, so its register cannot change");
  return session;
}

/** A register page: the session, one page of entries, counts by status. Null when missing or out of scope. */
export async function getRegister(user: Viewer, sessionId: string, page = 1) {
  const session = await db.session.findFirst({
    where: { id: sessionId, ...sessionsInScope(user, "record") },
    select: REGISTER_SESSION_SELECT,
  });
  if (!session || attendanceModeFor(session.programme.kind as ProgrammeKind) !== "REGISTER") return null;
  const [entries, total, byStatus, canMark] = await Promise.all([
    db.registerEntry.findMany({
      where: { sessionId },
      orderBy: [{ person: { name: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        markedAt: true,
        person: {
          select: {
            id: true,
            name: true,
            email: true,
            organisation: true,
            jobRole: true,
            licenceNumber: true,
            licensingAuthority: true,
            operator: { select: { name: true } },
            certificates: { where: { sessionId }, select: { id: true, number: true } },
          },
        },
      },
      ...pageWindow(page, REGISTER_PAGE_SIZE),
    }),
    db.registerEntry.count({ where: { sessionId } }),
    db.registerEntry.groupBy({ by: ["status"], where: { sessionId }, _count: { _all: true } }),
    db.session.count({ where: { id: sessionId, ...sessionsInScope(user, "record") } }),
  ]);
  return {
    session,
    audience: audienceFor(session.programme.kind),
    entries: toPage(
      entries.map(({ person: { certificates, ...person }, ...entry }) => ({ ...entry, person, certificate: certificates[0] ?? null })),
      total,
      page,
      REGISTER_PAGE_SIZE,
    ),
    counts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<
      Record<keyof typeof REGISTER_STATUS_LABELS, number>
    >,
    canMark: canMark > 0 && can(user.roles, "attendance:record"),
    canManage: can(user.roles, "register:manage"),
  };
}

/** The whole register for the printable sign-in sheet (bounded by MAX_REGISTER_SIZE). */
export async function getSignInSheet(user: Viewer, sessionId: string) {
  const session = await db.session.findFirst({
    where: { id: sessionId, ...sessionsInScope(user, "record") },
    select: REGISTER_SESSION_SELECT,
  });
  if (!session || attendanceModeFor(session.programme.kind as ProgrammeKind) !== "REGISTER") return null;
  const entries = await db.registerEntry.findMany({
    where: { sessionId },
    orderBy: [{ person: { name: "asc" } }, { id: "asc" }],
    take: MAX_REGISTER_SIZE,
    select: { id: true, person: { select: { name: true, organisation: true, licenceNumber: true, operator: { select: { name: true } } } } },
  });
  return { session, audience: audienceFor(session.programme.kind), entries };
}

/** What the "add people" pages need: the session, people matching a search, the taxi operators. Null when out of scope. */
export async function registerPageForAdding(user: Viewer, sessionId: string, query = "") {
  const session = await db.session.findFirst({
    where: { id: sessionId, ...sessionsInScope(user, "manage") },
    select: REGISTER_SESSION_SELECT,
  });
  if (!session || attendanceModeFor(session.programme.kind as ProgrammeKind) !== "REGISTER") return null;
  const [matches, operators] = await Promise.all([searchPeople(query), listTaxiOperators()]);
  return { session, audience: audienceFor(session.programme.kind), matches, operators };
}

/** Put people on a session's register as expected; those already on it are left alone. */
export async function addPeopleToRegister(
  tx: Tx,
  sessionId: string,
  personIds: string[],
): Promise<{ added: string[]; alreadyOnRegister: number }> {
  const unique = [...new Set(personIds)];
  const existing = await tx.registerEntry.findMany({ where: { sessionId, personId: { in: unique } }, select: { personId: true } });
  const onRegister = new Set(existing.map((e) => e.personId));
  const added = unique.filter((id) => !onRegister.has(id));
  const size = await tx.registerEntry.count({ where: { sessionId } });
  if (size + added.length > MAX_REGISTER_SIZE) {
    throw new RegisterError(`A register can have at most ${MAX_REGISTER_SIZE} people; this one has ${size}`);
  }
  if (added.length) await tx.registerEntry.createMany({ data: added.map((personId) => ({ sessionId, personId })) });
  return { added, alreadyOnRegister: onRegister.size };
}

async function checkOperator(tx: Tx, operatorId: string | null) {
  if (!operatorId) return;
  const operator = await tx.venue.findFirst({ where: { id: operatorId, kind: "TAXI_OPERATOR" }, select: { id: true } });
  if (!operator) throw new PersonDetailsError([{ field: "operatorId", message: "Select a taxi operator from the list" }]);
}

export type AddToRegisterInput = { sessionId: string } & ({ personId: string } | { person: PersonInput });

/** Add one expected attendee: an existing person, or a new one found again by email or licence if known. */
export async function addToRegister(actor: Actor, input: AddToRegisterInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const session = await sessionForManaging(tx, actor, input.sessionId);
    let personId: string;
    let createdPerson = false;
    if ("personId" in input) {
      const person = await tx.person.findUnique({ where: { id: input.personId }, select: { id: true } });
      if (!person) throw new RegisterError("Select a person from the search results", "personId");
      personId = person.id;
    } else {
      const person = normalisePerson(input.person);
      const problems = personProblems(person, audienceFor(session.programme.kind));
      if (problems.length) throw new PersonDetailsError(problems);
      await checkOperator(tx, person.operatorId);
      ({ id: personId, created: createdPerson } = await findOrCreatePerson(tx, person));
    }
    const { added } = await addPeopleToRegister(tx, session.id, [personId]);
    const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { name: true } });
    if (!added.length) throw new RegisterError(`${person.name} is already on this register`, "personId");
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        kind: "REGISTER",
        summary: `${person.name} added to the register`,
        details: { personId, createdPerson },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "register.add", entityType: "Session", entityId: session.id, details: { v: 1, personId, createdPerson } },
    );
    return { personId, name: person.name };
  });
}

/** Take someone who is still only expected off the register (a marked register is corrected instead). */
export async function removeFromRegister(actor: Actor, input: { sessionId: string; entryId: string }, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const session = await sessionForManaging(tx, actor, input.sessionId);
    const entry = await tx.registerEntry.findFirst({
      where: { id: input.entryId, sessionId: session.id },
      select: { id: true, status: true, personId: true, person: { select: { name: true } } },
    });
    if (!entry) throw new RegisterError("That person is not on this register. Reload the page and try again");
    if (entry.status !== "EXPECTED")
      throw new RegisterError(`${entry.person.name} has been marked ${entry.status.toLowerCase()}: change their mark instead`);
    await tx.registerEntry.delete({ where: { id: entry.id } });
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        kind: "REGISTER",
        summary: `${entry.person.name} removed from the register`,
        details: { personId: entry.personId },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "register.remove", entityType: "Session", entityId: session.id, details: { v: 1, personId: entry.personId } },
    );
    return { name: entry.person.name };
  });
}

// ─────────────── CSV import ───────────────

type Column = keyof PersonInput | "operator";
const COLUMN_NAMES: Record<string, Column> = {
  name: "name",
  "full name": "name",
  email: "email",
  "email address": "email",
  organisation: "organisation",
  organization: "organisation",
  employer: "organisation",
  "organisation or employer": "organisation",
  "job role": "jobRole",
  role: "jobRole",
  "job title": "jobRole",
  "licence number": "licenceNumber",
  "license number": "licenceNumber",
  "badge number": "licenceNumber",
  "licence or badge number": "licenceNumber",
  "licensing authority": "licensingAuthority",
  "taxi operator": "operator",
  operator: "operator",
};

const headerKey = (name: string) => name.toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();

function columnsOf(header: string[]): Map<string, Column> {
  const unknown = header.filter((h) => !(headerKey(h) in COLUMN_NAMES));
  const columns = new Map(header.filter((h) => headerKey(h) in COLUMN_NAMES).map((h) => [h, COLUMN_NAMES[headerKey(h)]]));
  const expected = `The first row must name the columns: ${IMPORT_COLUMNS.join(", ")}`;
  if (unknown.length)
    throw new RegisterImportError(
      `Column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")} not recognised. ${expected}`,
    );
  if (![...columns.values()].includes("name")) throw new RegisterImportError(`There is no "name" column. ${expected}`);
  const seen = new Set<Column>();
  for (const column of columns.values()) {
    if (seen.has(column)) throw new RegisterImportError(`The ${column} column appears twice. ${expected}`);
    seen.add(column);
  }
  return columns;
}

type ValidRow = { row: number; person: Required<PersonInput> };

/** Check every row of an upload; nothing is written. */
async function checkRows(text: string, audience: RegisterAudience): Promise<{ valid: ValidRow[]; errors: RowError[] }> {
  let parsed: ReturnType<typeof parseCsvWithHeader>;
  try {
    // Rows pasted from a spreadsheet are separated by tabs, not commas.
    const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
    parsed = parseCsvWithHeader(text, { delimiter: firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : "," });
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new RegisterImportError(error.message);
    throw error;
  }
  if (parsed.header.length === 0 || parsed.rows.length === 0)
    throw new RegisterImportError("The file has no rows of people under its header row");
  if (parsed.rows.length > MAX_IMPORT_ROWS)
    throw new RegisterImportError(`The file has ${parsed.rows.length} rows: upload ${MAX_IMPORT_ROWS} at most at a time`);
  const columns = columnsOf(parsed.header);
  const operators = await db.venue.findMany({ where: { kind: "TAXI_OPERATOR", archivedAt: null }, select: { id: true, name: true } });
  const operatorByName = new Map(operators.map((o) => [o.name.trim().toLowerCase(), o.id]));
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  const licenceRows = new Map<string, number>();
  const emailRows = new Map<string, number>();
  for (const { line, values } of parsed.rows) {
    const raw: Partial<Record<Column, string>> = {};
    for (const [header, column] of columns) raw[column] = values[header];
    const operatorName = raw.operator?.trim() ?? "";
    const operatorId = operatorName ? operatorByName.get(operatorName.toLowerCase()) : null;
    const person = normalisePerson({ ...raw, name: raw.name ?? "", operatorId: operatorId ?? null });
    const messages = personProblems(person, audience).map((p) => p.message);
    if (operatorName && !operatorId)
      messages.push(`"${operatorName}" is not a taxi operator we know: check the spelling or add the operator as a venue`);
    if (person.licenceNumber && person.licensingAuthority) {
      const key = `${person.licensingAuthority.toLowerCase()}|${person.licenceNumber}`;
      const first = licenceRows.get(key);
      if (first) messages.push(`Licence number ${person.licenceNumber} is also on row ${first}`);
      else licenceRows.set(key, line);
    }
    if (person.email) {
      const first = emailRows.get(person.email);
      if (first) messages.push(`Email address ${person.email} is also on row ${first}`);
      else emailRows.set(person.email, line);
    }
    if (messages.length) errors.push({ row: line, message: messages.join(". ") });
    else valid.push({ row: line, person });
  }
  return { valid, errors };
}

export type ImportResult = { added: number; alreadyOnRegister: number; skipped: RowError[] };

/**
 * Add expected attendees from CSV text (a header row, then up to 500 people). If any row is wrong nothing
 * is saved, unless importValidRows: then the valid rows are saved and the others reported.
 */
export async function importRegister(
  actor: Actor,
  input: { sessionId: string; text: string; importValidRows: boolean },
  meta: RequestMeta,
): Promise<ImportResult> {
  const session = await sessionForManaging(db, actor, input.sessionId);
  const { valid, errors } = await checkRows(input.text, audienceFor(session.programme.kind));
  if (errors.length && !input.importValidRows) {
    throw new RegisterImportError(
      `${errors.length} ${errors.length === 1 ? "row has" : "rows have"} a problem. Nothing has been added`,
      errors,
      valid.length,
    );
  }
  if (valid.length === 0) throw new RegisterImportError("No row can be added", errors, 0);
  return db.$transaction(async (tx) => {
    await sessionForManaging(tx, actor, input.sessionId);
    const skipped = [...errors];
    const personIds: string[] = [];
    for (const row of valid) {
      try {
        personIds.push((await findOrCreatePerson(tx, row.person)).id);
      } catch (error) {
        if (!(error instanceof PersonConflictError)) throw error;
        skipped.push({ row: row.row, message: error.message });
      }
    }
    if (skipped.length > errors.length && !input.importValidRows) {
      throw new RegisterImportError(
        "A row has a problem. Nothing has been added",
        skipped.sort((a, b) => a.row - b.row),
        personIds.length,
      );
    }
    const { added, alreadyOnRegister } = await addPeopleToRegister(tx, session.id, personIds);
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        kind: "REGISTER",
        summary: `${added.length} ${added.length === 1 ? "person" : "people"} added to the register from a file`,
        details: { added: added.length, alreadyOnRegister, skippedRows: skipped.map((s) => s.row) },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "register.import",
        entityType: "Session",
        entityId: session.id,
        details: { v: 1, added: added.length, skippedInvalid: skipped.length, alreadyOnRegister },
      },
    );
    return { added: added.length, alreadyOnRegister, skipped: skipped.sort((a, b) => a.row - b.row) };
  });
}

// ─────────────── Marking ───────────────

export type Mark = { entryId: string; status: "ATTENDED" | "ABSENT" };

/**
 * Mark attended / absent for the whole register (or the page of it shown). Attendees get a certificate;
 * someone corrected to absent loses theirs. The first marking makes the session delivered.
 */
export async function markRegister(actor: Actor, input: { sessionId: string; marks: Mark[] }, meta: RequestMeta, now = new Date()) {
  if (input.marks.length === 0) throw new RegisterError("Mark at least one person as attended or absent");
  return db.$transaction(async (tx) => {
    const session = await sessionForRecording(tx, actor, input.sessionId, "REGISTER", now);
    const programme = await tx.programme.findUniqueOrThrow({ where: { id: session.programme.id }, select: { refresherMonths: true } });
    const ids = [...new Set(input.marks.map((m) => m.entryId))];
    const entries = await tx.registerEntry.findMany({
      where: { id: { in: ids }, sessionId: session.id },
      select: { id: true, status: true, personId: true, person: { select: { name: true } } },
    });
    if (entries.length !== ids.length)
      throw new RegisterError("Someone in the form is not on this register. Reload the page and try again");
    const statusOf = new Map(input.marks.map((m) => [m.entryId, m.status]));
    const changes: { personId: string; name: string; old: string; new: string }[] = [];
    let issued = 0;
    let withdrawn = 0;
    for (const entry of entries) {
      const next = statusOf.get(entry.id)!;
      if (next === entry.status) continue;
      await tx.registerEntry.update({ where: { id: entry.id }, data: { status: next, markedAt: now } });
      changes.push({ personId: entry.personId, name: entry.person.name, old: entry.status, new: next });
      if (next === "ATTENDED") {
        if (
          await issueCertificate(tx, {
            sessionId: session.id,
            personId: entry.personId,
            startsAt: session.startsAt,
            refresherMonths: programme.refresherMonths,
          })
        )
          issued++;
      } else if (await withdrawCertificate(tx, { sessionId: session.id, personId: entry.personId })) {
        withdrawn++;
      }
    }
    await markDeliveredOnce(tx, actor, session, now);
    const corrections = changes.filter((c) => c.old !== "EXPECTED");
    const attended = input.marks.filter((m) => m.status === "ATTENDED").length;
    const absent = input.marks.length - attended;
    if (changes.length) {
      await tx.sessionChange.create({
        data: {
          sessionId: session.id,
          actorId: actor.id,
          at: now,
          kind: "REGISTER",
          summary: [
            changes.length > corrections.length ? `Register marked: ${changes.length - corrections.length} people` : "",
            ...corrections.map((c) => `${c.name}: ${c.old.toLowerCase()} → ${c.new.toLowerCase()}`),
          ]
            .filter(Boolean)
            .join("; "),
          details: { changes },
        },
      });
    }
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "register.mark",
        entityType: "Session",
        entityId: session.id,
        details: { v: 1, attended, absent, changed: changes.length, certificatesIssued: issued, certificatesWithdrawn: withdrawn },
      },
    );
    return { attended, absent, changed: changes.length, certificatesIssued: issued };
  });
}
