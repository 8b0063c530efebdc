// Trained adults (council staff, taxi and private-hire drivers). A person is found again by email or by
// licensing authority + licence number, so the same driver training twice is one person.
import { db, type Tx } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { withoutControlCharacters } from "~/utils/form-fields";
import { pageWindow, toPage } from "~/utils/pagination";
import { normaliseEmail } from "./users.server";

export type PersonInput = {
  name: string;
  email?: string | null;
  organisation?: string | null;
  jobRole?: string | null;
  licenceNumber?: string | null;
  licensingAuthority?: string | null;
  operatorId?: string | null;
};

/** Who a register is for: drivers are identified by licence, staff by email. */
export type RegisterAudience = "DRIVERS" | "STAFF";

export const normaliseLicenceNumber = (value: string) => value.replace(/\s+/g, "").toUpperCase();
export const normaliseAuthority = (value: string) => value.trim().replace(/\s+/g, " ");

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Trim every field, lower-case the email, normalise the licence; blanks become null. */
export function normalisePerson(input: PersonInput): Required<PersonInput> {
  const email = blankToNull(input.email);
  const licenceNumber = blankToNull(input.licenceNumber);
  const licensingAuthority = blankToNull(input.licensingAuthority);
  return {
    name: input.name.trim().replace(/\s+/g, " "),
    email: email ? normaliseEmail(email) : null,
    organisation: blankToNull(input.organisation),
    jobRole: blankToNull(input.jobRole),
    licenceNumber: licenceNumber ? normaliseLicenceNumber(licenceNumber) : null,
    licensingAuthority: licensingAuthority ? normaliseAuthority(licensingAuthority) : null,
    operatorId: blankToNull(input.operatorId),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Problems with a person's details for a register, by field. Empty when they are fine. */
export function personProblems(p: Required<PersonInput>, audience: RegisterAudience): { field: keyof PersonInput; message: string }[] {
  const problems: { field: keyof PersonInput; message: string }[] = [];
  if (!p.name) problems.push({ field: "name", message: "Enter the person's full name" });
  else if (p.name.length > 200) problems.push({ field: "name", message: "Name must be 200 characters or fewer" });
  if (p.email && (p.email.length > 254 || !EMAIL.test(p.email))) {
    problems.push({ field: "email", message: "Enter an email address in the correct format, like name@example.com" });
  }
  if (audience === "STAFF" && !p.email) problems.push({ field: "email", message: "Enter the person's email address" });
  if (audience === "DRIVERS" && !p.licenceNumber)
    problems.push({ field: "licenceNumber", message: "Enter the driver's licence or badge number" });
  if (audience === "DRIVERS" && !p.licensingAuthority)
    problems.push({ field: "licensingAuthority", message: "Enter the licensing authority that issued the licence" });
  if (p.licenceNumber && !p.licensingAuthority && audience !== "DRIVERS") {
    problems.push({ field: "licensingAuthority", message: "Enter the licensing authority that issued the licence" });
  }
  if (p.licenceNumber && !/^[A-Z0-9/-]{1,40}$/.test(p.licenceNumber)) {
    problems.push({ field: "licenceNumber", message: "Licence number must be letters, numbers, / or - only (40 at most)" });
  }
  for (const field of ["organisation", "jobRole", "licensingAuthority"] as const) {
    if ((p[field]?.length ?? 0) > 200) problems.push({ field, message: "Must be 200 characters or fewer" });
  }
  for (const field of ["name", "email", "organisation", "jobRole", "licensingAuthority"] as const) {
    if (CONTROL.test(p[field] ?? "")) problems.push({ field, message: "Remove the special characters (such as tabs or line breaks)" });
  }
  return problems;
}

export class PersonConflictError extends DomainError {
  constructor() {
    super("The email address belongs to one person and the licence number to another. Check the details", "email");
  }
}

/** The person holding a licence; the authority's name is matched ignoring case ("Northfield council" = "Northfield Council"). */
async function findByLicence(tx: Tx, licenceNumber: string, licensingAuthority: string) {
  // Few people share a licence number (one per authority at most), so this is a handful of rows.
  const holders = await tx.person.findMany({ where: { licenceNumber }, take: 50 });
  return holders.find((p) => p.licensingAuthority?.toLowerCase() === licensingAuthority.toLowerCase()) ?? null;
}

/**
 * The existing person with this email or licence, or a new one. Missing details of an existing person are
 * filled in; recorded details are never overwritten by a register.
 */
export async function findOrCreatePerson(tx: Tx, input: Required<PersonInput>): Promise<{ id: string; created: boolean }> {
  const byEmail = input.email ? await tx.person.findUnique({ where: { email: input.email } }) : null;
  const byLicence =
    input.licenceNumber && input.licensingAuthority ? await findByLicence(tx, input.licenceNumber, input.licensingAuthority) : null;
  if (byEmail && byLicence && byEmail.id !== byLicence.id) throw new PersonConflictError();
  const existing = byEmail ?? byLicence;
  if (!existing) {
    const created = await tx.person.create({ data: input, select: { id: true } });
    return { id: created.id, created: true };
  }
  const fill: Partial<Required<PersonInput>> = {};
  for (const key of ["email", "organisation", "jobRole", "operatorId"] as const) {
    if (existing[key] === null && input[key]) fill[key] = input[key];
  }
  if (existing.licenceNumber === null && input.licenceNumber && input.licensingAuthority) {
    fill.licenceNumber = input.licenceNumber;
    fill.licensingAuthority = input.licensingAuthority;
  }
  if (Object.keys(fill).length) await tx.person.update({ where: { id: existing.id }, data: fill });
  return { id: existing.id, created: false };
}

function searchWhere(raw?: string) {
  const query = raw === undefined ? undefined : withoutControlCharacters(raw).trim();
  if (!query) return {};
  return {
    OR: [
      { name: { contains: query } },
      { email: { contains: query.toLowerCase() } },
      { licenceNumber: { contains: normaliseLicenceNumber(query) } },
      { organisation: { contains: query } },
    ],
  };
}

export async function listPeople({ page, query }: { page: number; query?: string }) {
  const where = searchWhere(query);
  const [items, total] = await Promise.all([
    db.person.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        email: true,
        organisation: true,
        licenceNumber: true,
        licensingAuthority: true,
        operator: { select: { name: true } },
        _count: { select: { certificates: true } },
      },
      ...pageWindow(page),
    }),
    db.person.count({ where }),
  ]);
  return toPage(items, total, page);
}

/** People matching a search, for adding an existing person to a register (first 10). */
export async function searchPeople(query: string) {
  if (query.trim().length < 2) return [];
  return db.person.findMany({
    where: searchWhere(query.trim()),
    orderBy: { name: "asc" },
    take: 10,
    select: { id: true, name: true, email: true, organisation: true, licenceNumber: true, licensingAuthority: true },
  });
}

const HISTORY_LIMIT = 100;

/** A person with their most recent sessions and certificates. */
export async function getPerson(id: string) {
  const person = await db.person.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      organisation: true,
      jobRole: true,
      licenceNumber: true,
      licensingAuthority: true,
      createdAt: true,
      operator: { select: { id: true, name: true } },
      registerEntries: {
        orderBy: { session: { startsAt: "desc" } },
        take: HISTORY_LIMIT,
        select: {
          id: true,
          status: true,
          session: {
            select: { id: true, startsAt: true, status: true, programme: { select: { name: true } }, venue: { select: { name: true } } },
          },
        },
      },
      certificates: {
        orderBy: { session: { startsAt: "desc" } },
        take: HISTORY_LIMIT,
        select: {
          id: true,
          number: true,
          issuedAt: true,
          refresherDueOn: true,
          session: { select: { id: true, startsAt: true, programme: { select: { name: true } } } },
        },
      },
    },
  });
  return person;
}

/** Taxi and private-hire operators, for the register's operator field. */
export function listTaxiOperators() {
  return db.venue.findMany({
    where: { kind: "TAXI_OPERATOR", archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
