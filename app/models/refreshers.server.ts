// Who is due a refresher: per person and programme, the latest attended session's certificate carries the
// due date (utils/refresher.ts); the database groups and filters, the page shows one page of the result.
import { Prisma } from "~/db/generated/sqlite/client";
import { enqueueEmail } from "~/models/outbox.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { toCsv } from "~/utils/csv.server";
import { db, rawDate, type Tx } from "~/utils/db.server";
import { pageWindow, toPage } from "~/utils/pagination";
import { refresherDueDate } from "~/utils/refresher";
import { addDays, formatDate, formatTime, londonDate, todayInLondon } from "~/utils/time";
import { addPeopleToRegister, RegisterError } from "./registers.server";

export type RefresherFilters = {
  withinDays: number;
  organisation?: string;
  operatorId?: string;
  programmeId?: string;
};

type DueRow = {
  personId: string;
  programmeId: string;
  dueOn: string;
  lastAttendedAt: unknown;
  name: string;
  email: string | null;
  organisation: string | null;
  jobRole: string | null;
  licenceNumber: string | null;
  licensingAuthority: string | null;
  operatorName: string | null;
  programmeName: string;
};

// Raw SQL that runs unchanged on SQLite and PostgreSQL. Grouping by the person's and programme's primary keys
// lets PostgreSQL select their other columns; NULL filters are typed with CAST so PostgreSQL can plan them.
function dueFromWhere(filters: RefresherFilters, today: string) {
  const cutoff = addDays(today, filters.withinDays);
  const organisation = filters.organisation ? `%${filters.organisation.toLowerCase()}%` : null;
  const operatorId = filters.operatorId ?? null;
  const programmeId = filters.programmeId ?? null;
  return Prisma.sql`
      FROM "Certificate" c
      JOIN "Session" s ON s."id" = c."sessionId"
      JOIN "Programme" pr ON pr."id" = s."programmeId"
      JOIN "Person" p ON p."id" = c."personId"
      LEFT JOIN "Venue" o ON o."id" = p."operatorId"
      WHERE c."refresherDueOn" IS NOT NULL
        AND (CAST(${organisation} AS TEXT) IS NULL OR LOWER(p."organisation") LIKE CAST(${organisation} AS TEXT))
        AND (CAST(${operatorId} AS TEXT) IS NULL OR p."operatorId" = CAST(${operatorId} AS TEXT))
        AND (CAST(${programmeId} AS TEXT) IS NULL OR pr."id" = CAST(${programmeId} AS TEXT))
      GROUP BY p."id", pr."id"
      HAVING MAX(c."refresherDueOn") <= ${cutoff}`;
}

function dueQuery(filters: RefresherFilters, today: string, window?: { skip: number; take: number }) {
  return db.$queryRaw<DueRow[]>`
      SELECT p."id" AS "personId", pr."id" AS "programmeId", MAX(c."refresherDueOn") AS "dueOn", MAX(s."startsAt") AS "lastAttendedAt",
             p."name" AS "name", p."email" AS "email", p."organisation" AS "organisation", p."jobRole" AS "jobRole",
             p."licenceNumber" AS "licenceNumber", p."licensingAuthority" AS "licensingAuthority",
             MAX(o."name") AS "operatorName", pr."name" AS "programmeName"
      ${dueFromWhere(filters, today)}
      ORDER BY 3, 5, 1
      ${window ? Prisma.sql`LIMIT ${window.take} OFFSET ${window.skip}` : Prisma.empty}`;
}

/** How many person-and-programme pairs are due a refresher by `today` plus the filter's days (overdue ones included). */
export async function countDue(filters: RefresherFilters, today: string): Promise<number> {
  const [row] = await db.$queryRaw<
    { n: bigint | number }[]
  >`SELECT COUNT(*) AS "n" FROM (SELECT p."id" ${dueFromWhere(filters, today)}) due`;
  return Number(row?.n ?? 0);
}

function present(row: DueRow, today: string) {
  const lastAttendedOn = londonDate(rawDate(row.lastAttendedAt));
  return {
    personId: row.personId,
    programmeId: row.programmeId,
    name: row.name,
    email: row.email,
    organisation: row.organisation,
    jobRole: row.jobRole,
    licenceNumber: row.licenceNumber,
    licensingAuthority: row.licensingAuthority,
    operatorName: row.operatorName,
    programmeName: row.programmeName,
    lastAttendedOn,
    dueOn: row.dueOn,
    overdue: row.dueOn < today,
  };
}

/** One page of people due a refresher within N days, or overdue, soonest first. */
export async function listRefreshers({ page, filters, now = new Date() }: { page: number; filters: RefresherFilters; now?: Date }) {
  const today = todayInLondon(now);
  const [rows, total] = await Promise.all([dueQuery(filters, today, pageWindow(page)), countDue(filters, today)]);
  return {
    today,
    cutoff: addDays(today, filters.withinDays),
    ...toPage(
      rows.map((r) => present(r, today)),
      total,
      page,
    ),
  };
}

/** The whole list as CSV for licensing officers. */
export async function refreshersCsv({ filters, now = new Date() }: { filters: RefresherFilters; now?: Date }): Promise<string> {
  const today = todayInLondon(now);
  const rows = (await dueQuery(filters, today)).map((r) => present(r, today));
  return toCsv(
    [
      "Name",
      "Email",
      "Organisation",
      "Job role",
      "Licence number",
      "Licensing authority",
      "Taxi operator",
      "Programme",
      "Last attended",
      "Refresher due",
      "Overdue",
    ],
    rows.map((r) => [
      r.name,
      r.email,
      r.organisation,
      r.jobRole,
      r.licenceNumber,
      r.licensingAuthority,
      r.operatorName,
      r.programmeName,
      r.lastAttendedOn,
      r.dueOn,
      r.overdue ? "Yes" : "No",
    ]),
  );
}

/** Options for the page's filters and the invitation: programmes with refreshers, operators, upcoming sessions (of the chosen programme). */
export async function refresherOptions(programmeId?: string, now = new Date()) {
  const [programmes, operators, sessions] = await Promise.all([
    db.programme.findMany({
      where: { refresherMonths: { not: null }, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, refresherMonths: true },
    }),
    db.venue.findMany({ where: { kind: "TAXI_OPERATOR", archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.session.findMany({
      where: {
        startsAt: { gt: now },
        status: { in: ["PROVISIONAL", "INVITED", "CONFIRMED"] },
        programme: {
          refresherMonths: { not: null },
          kind: { in: ["STAFF_BRIEFING", "DRIVER_TRAINING"] },
          ...(programmeId ? { id: programmeId } : {}),
        },
      },
      orderBy: { startsAt: "asc" },
      take: 50,
      select: { id: true, startsAt: true, programme: { select: { name: true } }, venue: { select: { name: true } } },
    }),
  ]);
  return {
    programmes,
    operators,
    upcomingSessions: sessions.map((s) => ({
      id: s.id,
      text: `${formatDate(s.startsAt)}, ${formatTime(s.startsAt)}: ${s.programme.name} at ${s.venue.name}`,
    })),
  };
}

/**
 * Invite people due a refresher to an upcoming session of that programme: they join its register as expected,
 * and those with an email address are told. People already on the register are left alone.
 */
export async function inviteToRefresher(
  actor: Actor,
  input: { sessionId: string; personIds: string[] },
  meta: RequestMeta,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const session = await tx.session.findFirst({
      where: { id: input.sessionId, programme: { kind: { in: ["STAFF_BRIEFING", "DRIVER_TRAINING"] } } },
      select: {
        id: true,
        startsAt: true,
        status: true,
        programme: { select: { id: true, name: true } },
        venue: { select: { name: true, addressLine1: true, town: true, postcode: true } },
      },
    });
    if (!session) throw new RegisterError("Choose a session from the list", "sessionId");
    if (session.startsAt <= now || !["PROVISIONAL", "INVITED", "CONFIRMED"].includes(session.status)) {
      throw new RegisterError("Choose a session that is still to come", "sessionId");
    }
    const people = await tx.person.findMany({ where: { id: { in: input.personIds } }, select: { id: true } });
    if (people.length !== new Set(input.personIds).size) throw new RegisterError("Select people from the list", "personIds");
    // A refresher is a session of the programme they trained on.
    const trained = await tx.person.findMany({
      where: { id: { in: input.personIds }, NOT: { certificates: { some: { session: { programmeId: session.programme.id } } } } },
      select: { name: true },
      take: 5,
    });
    if (trained.length) {
      throw new RegisterError(
        `${trained.map((p) => p.name).join(", ")} ${trained.length === 1 ? "has" : "have"} not trained on ${session.programme.name} before: choose a session of the programme they are due a refresher for`,
        "sessionId",
      );
    }
    const { added, alreadyOnRegister } = await addPeopleToRegister(tx, session.id, input.personIds);
    await tellInvited(tx, session, added);
    await tx.sessionChange.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        at: now,
        kind: "REGISTER",
        summary: `${added.length} ${added.length === 1 ? "person" : "people"} due a refresher added to the register`,
        details: { added, alreadyOnRegister },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "refresher.invite",
        entityType: "Session",
        entityId: session.id,
        details: { v: 1, invited: added.length, alreadyOnRegister },
      },
    );
    return { invited: added.length, alreadyOnRegister, programmeName: session.programme.name };
  });
}

async function tellInvited(
  tx: Tx,
  session: {
    id: string;
    startsAt: Date;
    programme: { name: string };
    venue: { name: string; addressLine1: string | null; town: string | null; postcode: string | null };
  },
  personIds: string[],
) {
  if (!personIds.length) return;
  const people = await tx.person.findMany({
    where: { id: { in: personIds }, email: { not: null } },
    select: { id: true, name: true, email: true },
  });
  const where = [session.venue.name, session.venue.addressLine1, session.venue.town, session.venue.postcode].filter(Boolean).join(", ");
  for (const person of people) {
    await enqueueEmail(tx, {
      to: person.email!,
      subject: `Refresher: ${session.programme.name}, ${formatDate(session.startsAt)}`,
      text: [
        `Dear ${person.name},`,
        "",
        `Your ${session.programme.name} training is due for a refresher. You have a place on:`,
        "",
        `${formatDate(session.startsAt)} at ${formatTime(session.startsAt)}`,
        where,
        "",
        "If you cannot attend, reply to this email and we will offer you another date.",
      ].join("\n"),
      dedupeKey: `refresher-invite:${session.id}:${person.id}`,
      sessionId: session.id,
    });
  }
}

/**
 * Hook for the programmes page: when a programme's refresher period changes, recompute the stored due dates of
 * its certificates. Every certificate of a session shares its date, so it is one update per session that has any.
 */
export async function recomputeRefresherDates(tx: Tx, programmeId: string) {
  const programme = await tx.programme.findUnique({ where: { id: programmeId }, select: { refresherMonths: true } });
  if (!programme) return;
  const sessions = await tx.session.findMany({ where: { programmeId, certificates: { some: {} } }, select: { id: true, startsAt: true } });
  for (const s of sessions) {
    const refresherDueOn = programme.refresherMonths ? refresherDueDate(londonDate(s.startsAt), programme.refresherMonths) : null;
    await tx.certificate.updateMany({ where: { sessionId: s.id }, data: { refresherDueOn } });
  }
}
